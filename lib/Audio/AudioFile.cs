namespace AudioAlchemy.Audio;

/// <summary>
/// Reading and writing audio files, librosa-style. Decoding uses libsndfile (WAV, FLAC, OGG/Vorbis, MP3, AIFF…),
/// resampling uses libsoxr at librosa's <c>soxr_hq</c> quality.
/// </summary>
public static partial class AudioFile
{
    /// <summary>librosa's default sample rate.</summary>
    public const int DefaultSampleRate = 22050;

    private const int ChunkFrames = 1 << 16;

    /// <summary>Reads the header of <paramref name="path"/> without decoding.</summary>
    /// <exception cref="AudioFileException">Missing, empty, corrupt or unsupported file.</exception>
    public static AudioInfo Info(string path)
    {
        using var r = new SndFileReader(path);
        return new AudioInfo(path, r.SampleRate, r.Channels, r.Frames, r.FormatName);
    }

    /// <summary>
    /// Loads audio like <c>librosa.load(path, sr=22050, mono=True, offset=0.0, duration=None)</c>.
    /// Offset and duration are converted to frames at the native rate with truncation (<c>int(offset * sr_native)</c>),
    /// channels are averaged in float32, then the signal is resampled with soxr HQ to <paramref name="sr"/> and
    /// fixed to <c>ceil(n * sr / sr_native)</c> samples. Decoding streams in chunks: a mono load of a long file holds
    /// one chunk at the native rate plus the output.
    /// </summary>
    /// <param name="path">Audio file.</param>
    /// <param name="sr">Target rate in Hz, or null to keep the native rate.</param>
    /// <param name="mono">Average the channels into one.</param>
    /// <param name="offset">Start reading after this many seconds.</param>
    /// <param name="duration">Read at most this many seconds (null = to the end).</param>
    /// <param name="quality">Resampling quality (librosa <c>res_type</c>).</param>
    /// <returns>Samples of shape (1, n) when mono, else (channels, n), and the rate.</returns>
    /// <exception cref="AudioFileException">Any bad input; the message names the file and the reason.</exception>
    public static AudioSignal Load(string path, int? sr = DefaultSampleRate, bool mono = true, double offset = 0,
        double? duration = null, ResampleQuality quality = ResampleQuality.High)
    {
        if (sr is <= 0) throw new AudioFileException(path, AudioErrorKind.InvalidArgument, $"target sample rate must be positive (got {sr})");
        if (!(offset >= 0) || double.IsInfinity(offset)) throw new AudioFileException(path, AudioErrorKind.InvalidArgument, $"offset must be a finite number >= 0 (got {offset})");
        if (duration is { } d && (!(d > 0) || double.IsInfinity(d))) throw new AudioFileException(path, AudioErrorKind.InvalidArgument, $"duration must be a finite number > 0 (got {d})");

        using var reader = new SndFileReader(path);
        int nativeSr = reader.SampleRate;
        int ch = reader.Channels;
        long total = reader.Frames;
        if (total <= 0) throw new AudioFileException(path, AudioErrorKind.Empty, "contains no audio frames");
        long start = (long)(offset * nativeSr);
        if (start >= total)
            throw new AudioFileException(path, AudioErrorKind.OffsetPastEnd, $"offset {offset} s is at or past the end of the audio ({(double)total / nativeSr:0.###} s)");
        reader.SeekFrames(start);
        long want = duration is { } dur ? Math.Min((long)(dur * nativeSr), total - start) : total - start;
        if (want <= 0) throw new AudioFileException(path, AudioErrorKind.InvalidArgument, $"duration {duration} s is shorter than one sample at {nativeSr} Hz");
        if (want > Array.MaxLength) throw new AudioFileException(path, AudioErrorKind.InvalidArgument, $"{want} frames exceed the largest array .NET can hold; use offset/duration to read a part");

        int outCh = mono ? 1 : ch;
        int targetSr = sr ?? nativeSr;
        bool resample = targetSr != nativeSr;
        using var resampler = resample ? new SoxrResampler(nativeSr, targetSr, outCh, quality) : null;
        var resampled = resample ? new FloatBuffer((int)Math.Min(Array.MaxLength, want * (double)targetSr / nativeSr * outCh + 1024)) : null;
        var direct = resample ? null : new float[outCh][];
        if (direct != null) for (int c = 0; c < outCh; c++) direct[c] = new float[want];

        var chunk = new float[ChunkFrames * ch];
        var mixed = new float[ChunkFrames * outCh];
        long read = 0;
        while (read < want)
        {
            int n = (int)Math.Min(ChunkFrames, want - read);
            int got = reader.ReadFrames(chunk.AsSpan(0, n * ch));
            if (got == 0) break;
            CheckFinite(path, chunk.AsSpan(0, got * ch), start + read, ch);
            if (mono) DownmixInto(chunk.AsSpan(0, got * ch), ch, mixed.AsSpan(0, got));
            var frameData = mono ? mixed.AsSpan(0, got) : chunk.AsSpan(0, got * ch);
            if (resampler != null) resampler.Process(frameData, resampled!);
            else Deinterleave(frameData, outCh, direct!, read);
            read += got;
        }
        if (read == 0) throw new AudioFileException(path, AudioErrorKind.Corrupt, "decoder returned no samples (truncated or damaged data)");
        // MP3 lengths come from the Xing/Info header (or the bitrate): allow two MPEG frames and 0.5 % of slack there.
        long slack = reader.IsMpeg ? Math.Max(2 * 1152, want / 200) : 0;
        if (read < want - slack)
            throw new AudioFileException(path, AudioErrorKind.Corrupt,
                $"truncated: the header declares {want} frames from frame {start} but only {read} could be decoded ({(double)read / nativeSr:0.###} of {(double)want / nativeSr:0.###} s)");

        if (resampler == null)
        {
            if (read < want) for (int c = 0; c < outCh; c++) Array.Resize(ref direct![c], (int)read);
            return new AudioSignal(direct!, nativeSr);
        }
        resampler.Flush(resampled!);
        int outLen = SoxrResampler.OutputLength(read, nativeSr, targetSr);
        var inter = resampled!.ToArray(outLen * outCh);
        if (outCh == 1) return new AudioSignal(inter, targetSr);
        var channels = new float[outCh][];
        for (int c = 0; c < outCh; c++) channels[c] = new float[outLen];
        Deinterleave(inter, outCh, channels, 0);
        return new AudioSignal(channels, targetSr);
    }

    /// <summary>Averages interleaved channels in float32 the way numpy's <c>np.mean(y, axis=0)</c> does for float32 input.</summary>
    internal static void DownmixInto(ReadOnlySpan<float> interleaved, int channels, Span<float> mono)
    {
        if (channels == 1) { interleaved.CopyTo(mono); return; }
        float count = channels;
        for (int i = 0; i < mono.Length; i++)
        {
            int b = i * channels;
            float s = interleaved[b];
            for (int c = 1; c < channels; c++) s += interleaved[b + c];
            mono[i] = s / count;
        }
    }

    private static void Deinterleave(ReadOnlySpan<float> interleaved, int channels, float[][] dest, long at)
    {
        int frames = interleaved.Length / channels;
        if (channels == 1) { interleaved.CopyTo(dest[0].AsSpan((int)at)); return; }
        for (int i = 0; i < frames; i++)
            for (int c = 0; c < channels; c++)
                dest[c][at + i] = interleaved[i * channels + c];
    }

    /// <summary>
    /// Largest sample magnitude accepted (|x| ≤ 1e6, i.e. 120 dB above full scale). Float files are nominally within ±1;
    /// beyond this, squares summed over an STFT frame overflow float32 and every feature turns to Inf/NaN.
    /// </summary>
    public const float MaxAbsSample = 1e6f;

    private static void CheckFinite(string path, ReadOnlySpan<float> samples, long firstFrame, int channels)
    {
        for (int i = 0; i < samples.Length; i++)
        {
            float x = samples[i];
            if (!float.IsFinite(x))
                throw new AudioFileException(path, AudioErrorKind.NonFiniteSamples,
                    $"sample {(float.IsNaN(x) ? "NaN" : "Inf")} at frame {firstFrame + i / channels} (channel {i % channels})");
            if (Math.Abs(x) > MaxAbsSample)
                throw new AudioFileException(path, AudioErrorKind.NonFiniteSamples,
                    string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"sample {x:G3} at frame {firstFrame + i / channels} (channel {i % channels}) is beyond ±{MaxAbsSample:G0} (float audio is nominally within ±1; such values overflow the power spectrum)"));
        }
    }
}
