namespace AudioAlchemy.Audio.Native;

/// <summary>A native library AudioAlchemy needs (libsndfile, libsoxr) could not be loaded.</summary>
public sealed class NativeLibraryMissingException : AlchemyException
{
    /// <summary>Creates the error, naming the library and how to install it on each platform.</summary>
    public NativeLibraryMissingException(string library, string installHint, Exception? inner = null)
        : base($"native library '{library}' could not be loaded. Install it: {installHint}",
               inner ?? new DllNotFoundException(library))
    {
        Library = library;
    }

    /// <summary>The logical library name (sndfile or soxr).</summary>
    public string Library { get; }
}
