namespace AudioAlchemy.Tests.Cnn;

/// <summary>A fact about the glibc allocator tuning: skipped off Linux and when ALCHEMY_MALLOC_TUNING=0 turns the tuning off.</summary>
public sealed class GlibcFactAttribute : FactAttribute
{
    public GlibcFactAttribute()
    {
        if (!OperatingSystem.IsLinux()) Skip = "the allocator tuning is glibc-only (Linux)";
        else if (Environment.GetEnvironmentVariable("ALCHEMY_MALLOC_TUNING") == "0") Skip = "ALCHEMY_MALLOC_TUNING=0 turns the tuning off";
    }
}
