using System.Diagnostics;
using AudioAlchemy.Audio.Native;

namespace AudioAlchemy.Audio;

public static partial class AudioFile
{
    /// <summary>Writes a mono signal; see <see cref="Save(string, AudioSignal, SaveOptions?)"/>.</summary>
    public static void Save(string path, float[] y, int sr, SaveOptions? options = null) => Save(path, new AudioSignal(y, sr), options);

    /// <summary>
    /// Writes <paramref name="signal"/> atomically: the data goes to a temporary file in the same folder, which is
    /// renamed over <paramref name="path"/> only when complete. Samples are clipped to [-1, 1] for integer formats.
    /// MP3 uses libsndfile's MPEG encoder (LAME) when the bitrate is valid at the signal's rate, else the <c>lame</c> or
    /// <c>ffmpeg</c> program, resampling to a rate that allows the bitrate (e.g. 192 kbps at 22050 Hz is written at 44100 Hz).
    /// </summary>
    /// <exception cref="AudioFileException">Invalid signal (no channels, ragged, NaN, bad rate) or write failure.</exception>
    public static void Save(string path, AudioSignal signal, SaveOptions? options = null)
    {
        options ??= new SaveOptions();
        var enc = CheckOutput(path, options.Encoding);
        Validate(path, signal, enc, options);
        string full = System.IO.Path.GetFullPath(path);
        string dir = System.IO.Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        string tmp = AtomicFile.TempPathFor(full);
        try
        {
            var (lo, hi) = Mp3BitrateRange(signal.SampleRate);
            bool nativeMp3 = options.BitrateKbps >= lo && options.BitrateKbps <= hi;
            if (enc == AudioEncoding.Mp3 && !(nativeMp3 && TryWriteSndFile(tmp, signal, enc, options.BitrateKbps, throwOnOpen: false)))
                WriteMp3External(path, tmp, signal, options.BitrateKbps);
            else if (enc != AudioEncoding.Mp3)
                TryWriteSndFile(tmp, signal, enc, options.BitrateKbps, throwOnOpen: true);
            File.Move(tmp, full, overwrite: true);
        }
        catch (AudioFileException e) when (e.FilePath == tmp)
        {
            throw new AudioFileException(path, e.Kind, e.Reason, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AudioFileException(path, AudioErrorKind.WriteFailed, e.Message, e);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }

    /// <summary>
    /// The encoding a save to <paramref name="path"/> uses: <paramref name="encoding"/> when given, else the one implied by
    /// the extension. Throws (before any work) when the extension is not writable or names another container than the
    /// encoding (e.g. <see cref="AudioEncoding.Mp3"/> into a <c>.wav</c>).
    /// </summary>
    public static AudioEncoding CheckOutput(string path, AudioEncoding? encoding)
    {
        var implied = EncodingFromExtension(path);
        if (encoding is not { } enc) return implied;
        if (Container(enc) != Container(implied))
            throw new AudioFileException(path, AudioErrorKind.InvalidArgument,
                $"format {enc} writes a {Container(enc)} file but the name ends in '{System.IO.Path.GetExtension(path)}'; use a .{Container(enc)} name or a {Container(implied).ToUpperInvariant()} format");
        return enc;
    }

    private static string Container(AudioEncoding e) => e switch
    {
        AudioEncoding.Flac16 => "flac",
        AudioEncoding.OggVorbis => "ogg",
        AudioEncoding.Mp3 => "mp3",
        _ => "wav",
    };

    /// <summary>The encoding implied by a file extension.</summary>
    public static AudioEncoding EncodingFromExtension(string path) => System.IO.Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".wav" or ".wave" => AudioEncoding.Pcm16,
        ".flac" => AudioEncoding.Flac16,
        ".ogg" or ".oga" => AudioEncoding.OggVorbis,
        ".mp3" => AudioEncoding.Mp3,
        var ext => throw new AudioFileException(path, AudioErrorKind.UnsupportedFormat, $"cannot write '{ext}' files; use .wav, .flac, .ogg or .mp3"),
    };

    private static void Validate(string path, AudioSignal s, AudioEncoding enc, SaveOptions o)
    {
        if (s.Channels.Length == 0) throw new AudioFileException(path, AudioErrorKind.InvalidArgument, "signal has no channels");
        if (s.SampleRate <= 0) throw new AudioFileException(path, AudioErrorKind.InvalidArgument, $"sample rate must be positive (got {s.SampleRate})");
        int n = s.Channels[0].Length;
        if (n == 0) throw new AudioFileException(path, AudioErrorKind.InvalidArgument, "signal has no samples");
        foreach (var c in s.Channels)
        {
            if (c.Length != n) throw new AudioFileException(path, AudioErrorKind.InvalidArgument, "channels have different lengths");
            for (int i = 0; i < c.Length; i++)
                if (!float.IsFinite(c[i])) throw new AudioFileException(path, AudioErrorKind.NonFiniteSamples, $"sample {i} is {c[i]}; refusing to write non-finite audio");
        }
        if (enc == AudioEncoding.Mp3)
        {
            if (o.BitrateKbps is < 32 or > 320) throw new AudioFileException(path, AudioErrorKind.InvalidArgument, $"MP3 bitrate must be 32..320 kbps (got {o.BitrateKbps})");
            if (s.Channels.Length > 2) throw new AudioFileException(path, AudioErrorKind.InvalidArgument, "MP3 holds at most 2 channels");
        }
    }

    private static int SndFormat(AudioEncoding enc) => enc switch
    {
        AudioEncoding.Pcm8 => SndFileInterop.FormatWav | SndFileInterop.FormatPcmU8,
        AudioEncoding.Pcm16 => SndFileInterop.FormatWav | SndFileInterop.FormatPcm16,
        AudioEncoding.Pcm24 => SndFileInterop.FormatWav | SndFileInterop.FormatPcm24,
        AudioEncoding.Pcm32 => SndFileInterop.FormatWav | SndFileInterop.FormatPcm32,
        AudioEncoding.Float32 => SndFileInterop.FormatWav | SndFileInterop.FormatFloat,
        AudioEncoding.Flac16 => 0x170000 | SndFileInterop.FormatPcm16,
        AudioEncoding.OggVorbis => 0x200000 | 0x0060,
        AudioEncoding.Mp3 => SndFileInterop.FormatMpeg | SndFileInterop.FormatMpegLayerIII,
        _ => throw new ArgumentOutOfRangeException(nameof(enc)),
    };

    private static unsafe bool TryWriteSndFile(string tmp, AudioSignal s, AudioEncoding enc, int kbps, bool throwOnOpen)
    {
        int ch = s.Channels.Length, n = s.Length;
        var info = new SfInfo { SampleRate = s.SampleRate, Channels = ch, Format = SndFormat(enc) };
        if (SndFileInterop.FormatCheck(ref info) == 0)
        {
            if (!throwOnOpen) return false;
            throw new AudioFileException(tmp, AudioErrorKind.UnsupportedFormat, $"libsndfile cannot write {enc} with {ch} channels at {s.SampleRate} Hz");
        }
        IntPtr h = SndFileInterop.Open(tmp, SndFileInterop.SfmWrite, ref info);
        if (h == IntPtr.Zero)
        {
            if (!throwOnOpen) return false;
            throw new AudioFileException(tmp, AudioErrorKind.WriteFailed, SndFileInterop.LastError(IntPtr.Zero));
        }
        try
        {
            int clip = 1;
            SndFileInterop.Command(h, SndFileInterop.SfcSetClipping, null, clip); // SFC_SET_CLIPPING takes the flag in datasize
            // No PEAK chunk: it stores the write time, which would make identical audio give different bytes.
            SndFileInterop.Command(h, SndFileInterop.SfcSetAddPeakChunk, null, 0);
            if (enc == AudioEncoding.Mp3)
            {
                int mode = SndFileInterop.BitrateModeConstant;
                SndFileInterop.Command(h, SndFileInterop.SfcSetBitrateMode, &mode, sizeof(int));
                double level = Mp3CompressionLevel(kbps, s.SampleRate);
                SndFileInterop.Command(h, SndFileInterop.SfcSetCompressionLevel, &level, sizeof(double));
            }
            const int block = 8192;
            var inter = new float[block * ch];
            for (int start = 0; start < n; start += block)
            {
                int m = Math.Min(block, n - start);
                for (int i = 0; i < m; i++)
                    for (int c = 0; c < ch; c++)
                        inter[i * ch + c] = s.Channels[c][start + i];
                long wrote;
                fixed (float* p = inter) wrote = SndFileInterop.WriteFramesFloat(h, p, m);
                if (wrote != m) throw new AudioFileException(tmp, AudioErrorKind.WriteFailed, $"libsndfile wrote {wrote} of {m} frames: {SndFileInterop.LastError(h)}");
            }
        }
        finally
        {
            SndFileInterop.Close(h);
        }
        return true;
    }

    /// <summary>
    /// The constant bitrates (kbit/s) MPEG Layer III allows at a sample rate: MPEG-1 (32–48 kHz) 32…320,
    /// MPEG-2 (16–24 kHz) 8…160, MPEG-2.5 (8–12 kHz) 8…64. libsndfile's encoder keeps the input rate, so a bitrate
    /// outside this range goes to the external encoder, which resamples.
    /// </summary>
    internal static (int Lo, int Hi) Mp3BitrateRange(int sampleRate) => sampleRate >= 32000 ? (32, 320) : sampleRate >= 16000 ? (8, 160) : (8, 64);

    /// <summary>libsndfile maps compression level c ∈ [0, 1] linearly onto the rate's CBR range, highest bitrate at 0.</summary>
    internal static double Mp3CompressionLevel(int kbps, int sampleRate)
    {
        var (lo, hi) = Mp3BitrateRange(sampleRate);
        return Math.Clamp((double)(hi - kbps) / (hi - lo), 0, 1);
    }

    private static void WriteMp3External(string path, string tmp, AudioSignal s, int kbps)
    {
        string wav = tmp + ".wav";
        try
        {
            // 24-bit PCM, not float: LAME 3.100 misreads mono IEEE-float WAV input (+3 dB, clipping).
            TryWriteSndFile(wav, s, AudioEncoding.Pcm24, kbps, throwOnOpen: true);
            var (lo, hi) = Mp3BitrateRange(s.SampleRate);
            int outRate = kbps >= lo && kbps <= hi ? s.SampleRate : kbps > 160 ? 44100 : kbps > 64 ? 22050 : 11025;
            var (exe, args) = FindOnPath("lame") is { } lame
                ? (lame, new[] { "--quiet", "-b", kbps.ToString(), "--cbr", "--resample", (outRate / 1000.0).ToString(System.Globalization.CultureInfo.InvariantCulture), wav, tmp })
                : FindOnPath("ffmpeg") is { } ff
                    ? (ff, new[] { "-nostdin", "-loglevel", "error", "-y", "-i", wav, "-codec:a", "libmp3lame", "-b:a", $"{kbps}k", "-ar", outRate.ToString(), "-f", "mp3", tmp })
                    : throw new AudioFileException(path, AudioErrorKind.UnsupportedFormat, "no MP3 encoder: libsndfile lacks MPEG support and neither lame nor ffmpeg is on PATH (Debian: apt-get install lame)");
            var psi = new ProcessStartInfo(exe) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in args) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            string err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0) throw new AudioFileException(path, AudioErrorKind.WriteFailed, $"{System.IO.Path.GetFileName(exe)} exited with {p.ExitCode}: {err.Trim()}");
        }
        finally
        {
            if (File.Exists(wav)) File.Delete(wav);
        }
    }

    internal static string? FindOnPath(string program)
    {
        var names = OperatingSystem.IsWindows() ? new[] { program + ".exe", program } : [program];
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            foreach (var name in names)
            {
                var candidate = System.IO.Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }
}
