using AudioAlchemy.Separation;

namespace AudioAlchemy.Tests.Separation;

/// <summary>A fact that runs only when a real demucs executable is found (PATH or ALCHEMY_DEMUCS); otherwise skipped with the reason.</summary>
public sealed class DemucsFactAttribute : FactAttribute
{
    public DemucsFactAttribute()
    {
        if (DemucsSeparator.FindExecutable() is null)
            Skip = $"demucs is not installed here (not on PATH and {AudioAlchemy.Separation.DemucsOptions.EnvironmentVariable} unset)";
    }
}

/// <summary>A fact that needs /bin/sh and executable scripts (the demucs test double); skipped on Windows.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/bin/sh")) Skip = "needs /bin/sh for the demucs test double";
    }
}
