using AudioAlchemy.Audio.Native;

namespace AudioAlchemy.Audio;

/// <summary>An open libsndfile decoder for one file; validates the header and turns every failure into an
/// <see cref="AudioFileException"/> naming the file.</summary>
internal sealed unsafe class SndFileReader : IDisposable
{
    private IntPtr handle;
    private readonly SfInfo info;
    private IDisposable? noteFilter;

    public SndFileReader(string path)
    {
        Path = path;
        if (InputFile.Problem(path, out var fileKind) is { } problem)
            throw new AudioFileException(path, fileKind switch
            {
                InputFileKind.Missing => AudioErrorKind.NotFound,
                InputFileKind.Regular => AudioErrorKind.PermissionDenied,
                _ => AudioErrorKind.NotRegularFile,
            }, problem);
        long size = new FileInfo(path).Length;
        if (size == 0) throw new AudioFileException(path, AudioErrorKind.Empty, "file is empty (0 bytes)");
        var sfi = default(SfInfo);
        if (Mpg123NoteFilter.IsMpegName(path)) noteFilter = Mpg123NoteFilter.Enter();
        handle = OperatingSystem.IsWindows()
            ? SndFileInterop.WcharOpen(path, SndFileInterop.SfmRead, ref sfi)
            : SndFileInterop.Open(path, SndFileInterop.SfmRead, ref sfi);
        if (handle == IntPtr.Zero)
        {
            Dispose();
            string why = SndFileInterop.LastError(IntPtr.Zero);
            // The file was just checked to be a readable regular file, so libsndfile's generic "does not exist or is not a
            // regular file" (what its MPEG and other decoders report for bytes they cannot parse) means unrecognised data.
            var kind = why.Contains("unknown format", StringComparison.OrdinalIgnoreCase) || why.Contains("not recognised", StringComparison.OrdinalIgnoreCase)
                || why.Contains("not supported", StringComparison.OrdinalIgnoreCase) || why.Contains("not a regular file", StringComparison.OrdinalIgnoreCase)
                ? AudioErrorKind.UnsupportedFormat : AudioErrorKind.Corrupt;
            if (why.Contains("not a regular file", StringComparison.OrdinalIgnoreCase)) why = "no decoder recognised the data";
            throw new AudioFileException(path, kind, $"cannot decode ({(kind == AudioErrorKind.UnsupportedFormat ? "unrecognised or unsupported format: not audio, damaged beyond recognition, or a codec libsndfile cannot read such as AAC/M4A" : "corrupt or truncated")}): libsndfile says \"{why}\"");
        }
        info = sfi;
        if (IsMpeg) noteFilter ??= Mpg123NoteFilter.Enter();
        if (info.Channels <= 0 || info.SampleRate <= 0)
        {
            Dispose();
            throw new AudioFileException(path, AudioErrorKind.InvalidHeader, $"header declares {info.Channels} channels at {info.SampleRate} Hz");
        }
        if (LyingDataChunk() is { } lie)
        {
            Dispose();
            throw new AudioFileException(path, AudioErrorKind.Corrupt, lie);
        }
    }

    /// <summary>True for MPEG (MP3) input, whose frame count is an estimate from the Xing/Info header or the bitrate.</summary>
    public bool IsMpeg => (info.Format & SndFileInterop.FormatTypeMask) == SndFileInterop.FormatMpeg;

    /// <summary>
    /// libsndfile clamps a RIFF/AIFF data chunk that claims more bytes than the file holds and only logs it
    /// ("data : 5292000 (should be 2646000)"); that is a truncated or lying file, reported instead of loaded short.
    /// </summary>
    private unsafe string? LyingDataChunk()
    {
        const int SfcGetLogInfo = 0x1001;
        var log = new byte[16384];
        int n;
        fixed (byte* p = log) n = SndFileInterop.Command(handle, SfcGetLogInfo, p, log.Length);
        if (n <= 0) return null;
        string text = System.Text.Encoding.UTF8.GetString(log, 0, Math.Min(n, log.Length));
        var m = System.Text.RegularExpressions.Regex.Match(text, @"(?m)^(data|SSND)\s*:\s*(\d+)\s*\(should be (\d+)\)");
        if (!m.Success || !long.TryParse(m.Groups[2].Value, out long declared) || !long.TryParse(m.Groups[3].Value, out long actual) || declared <= actual) return null;
        return $"truncated or lying header: the {m.Groups[1].Value} chunk declares {declared} bytes of audio but the file holds {actual} ({(double)actual / declared:P0})";
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
        noteFilter?.Dispose();
        noteFilter = null;
    }
}
