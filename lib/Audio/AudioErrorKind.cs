namespace AudioAlchemy.Audio;

/// <summary>Why an audio file could not be read or written.</summary>
public enum AudioErrorKind
{
    /// <summary>The path does not exist.</summary>
    NotFound,
    /// <summary>The path exists but is not a regular file (folder, FIFO, device, socket): never opened, so never blocked on.</summary>
    NotRegularFile,
    /// <summary>The file exists but cannot be opened for reading (permissions).</summary>
    PermissionDenied,
    /// <summary>The file has zero bytes, or a valid header but no audio frames.</summary>
    Empty,
    /// <summary>The header or data is damaged (truncated header, garbage bytes, decode error).</summary>
    Corrupt,
    /// <summary>The container or codec is not one the audio backend can decode or encode.</summary>
    UnsupportedFormat,
    /// <summary>The file declares an impossible layout (0 channels, 0 Hz sample rate).</summary>
    InvalidHeader,
    /// <summary>The decoded samples contain NaN, infinity, or magnitudes beyond <see cref="AudioFile.MaxAbsSample"/>.</summary>
    NonFiniteSamples,
    /// <summary>The requested offset lies at or past the end of the file.</summary>
    OffsetPastEnd,
    /// <summary>An argument (rate, duration, channel layout, bitrate) is out of range.</summary>
    InvalidArgument,
    /// <summary>The output could not be written (permissions, disk, encoder failure).</summary>
    WriteFailed,
}
