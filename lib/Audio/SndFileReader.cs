using AudioAlchemy.Audio.Native;

namespace AudioAlchemy.Audio;

/// <summary>An open libsndfile decoder for one file; validates the header and turns every failure into an
/// <see cref="AudioFileException"/> naming the file.</summary>
internal sealed unsafe class SndFileReader : IDisposable
{
    private IntPtr handle;
    private readonly SfInfo info;

    public SndFileReader(string path)
    {
        Path = path;
        if (Directory.Exists(path)) throw new AudioFileException(path, AudioErrorKind.NotFound, "is a directory, not an audio file");
        if (!File.Exists(path)) throw new AudioFileException(path, AudioErrorKind.NotFound, "file not found");
        long size = new FileInfo(path).Length;
        if (size == 0) throw new AudioFileException(path, AudioErrorKind.Empty, "file is empty (0 bytes)");
        var sfi = default(SfInfo);
        handle = OperatingSystem.IsWindows()
            ? SndFileInterop.WcharOpen(path, SndFileInterop.SfmRead, ref sfi)
            : SndFileInterop.Open(path, SndFileInterop.SfmRead, ref sfi);
        if (handle == IntPtr.Zero)
        {
            string why = SndFileInterop.LastError(IntPtr.Zero);
            var kind = why.Contains("unknown format", StringComparison.OrdinalIgnoreCase) || why.Contains("not recognised", StringComparison.OrdinalIgnoreCase) || why.Contains("not supported", StringComparison.OrdinalIgnoreCase)
                ? AudioErrorKind.UnsupportedFormat : AudioErrorKind.Corrupt;
            throw new AudioFileException(path, kind, $"cannot decode ({(kind == AudioErrorKind.UnsupportedFormat ? "unrecognised or unsupported format: not audio, damaged beyond recognition, or a codec libsndfile cannot read such as AAC/M4A" : "corrupt or truncated")}): libsndfile says \"{why}\"");
        }
        info = sfi;
        if (info.Channels <= 0 || info.SampleRate <= 0)
        {
            Dispose();
            throw new AudioFileException(path, AudioErrorKind.InvalidHeader, $"header declares {info.Channels} channels at {info.SampleRate} Hz");
        }
    }

    public string Path { get; }
    public int SampleRate => info.SampleRate;
    public int Channels => info.Channels;
    public long Frames => info.Frames;

    public string FormatName
    {
        get
        {
            string major = (info.Format & SndFileInterop.FormatTypeMask) switch
            {
                0x010000 => "WAV", 0x020000 => "AIFF", 0x030000 => "AU", 0x170000 => "FLAC", 0x200000 => "OGG",
                0x230000 => "MPEG", 0x180000 => "W64", 0x220000 => "RF64", 0x130000 => "WAVEX", _ => $"0x{info.Format & SndFileInterop.FormatTypeMask:X}",
            };
            string sub = (info.Format & SndFileInterop.FormatSubMask) switch
            {
                1 => "PCM S8", 2 => "PCM 16", 3 => "PCM 24", 4 => "PCM 32", 5 => "PCM U8", 6 => "float", 7 => "double",
                0x60 => "Vorbis", 0x64 => "Opus", 0x80 => "MP1", 0x81 => "MP2", 0x82 => "MP3", _ => $"0x{info.Format & SndFileInterop.FormatSubMask:X}",
            };
            return $"{major} {sub}";
        }
    }

    public void SeekFrames(long frame)
    {
        if (frame == 0) return;
        if (SndFileInterop.Seek(handle, frame, SndFileInterop.SeekSet) < 0)
            throw new AudioFileException(Path, AudioErrorKind.OffsetPastEnd, $"cannot seek to frame {frame}: {SndFileInterop.LastError(handle)}");
    }

    /// <summary>Reads up to <c>buffer.Length / Channels</c> interleaved frames; returns frames read (0 at the end).</summary>
    public int ReadFrames(Span<float> buffer)
    {
        long frames = buffer.Length / Channels;
        long got;
        fixed (float* p = buffer) got = SndFileInterop.ReadFramesFloat(handle, p, frames);
        if (got < frames && SndFileInterop.Error(handle) != 0)
            throw new AudioFileException(Path, AudioErrorKind.Corrupt, $"decode error: {SndFileInterop.LastError(handle)}");
        return (int)got;
    }

    public void Dispose()
    {
        if (handle != IntPtr.Zero) { SndFileInterop.Close(handle); handle = IntPtr.Zero; }
    }
}
