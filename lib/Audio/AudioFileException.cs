namespace AudioAlchemy.Audio;

/// <summary>
/// The single error type for reading and writing audio: carries the file path and an
/// <see cref="AudioErrorKind"/>; the message reads "&lt;path&gt;: &lt;reason&gt;".
/// </summary>
public sealed class AudioFileException : AlchemyException
{
    /// <summary>Creates the error for <paramref name="path"/>.</summary>
    public AudioFileException(string path, AudioErrorKind kind, string reason, Exception? inner = null)
        : base($"{path}: {reason}", inner ?? new InvalidOperationException(reason))
    {
        FilePath = path;
        Kind = kind;
        Reason = reason;
    }

    /// <summary>The file that failed.</summary>
    public string FilePath { get; }

    /// <summary>The category of the failure.</summary>
    public AudioErrorKind Kind { get; }

    /// <summary>The reason without the path.</summary>
    public string Reason { get; }
}
