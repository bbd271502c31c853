using System.Runtime.InteropServices;
using AudioAlchemy.Audio.Native;

namespace AudioAlchemy.Audio;

/// <summary>
/// Streaming sample-rate converter over libsoxr (float32 interleaved in and out). Feed chunks with
/// <see cref="Process"/>, then call <see cref="Flush"/> once; or use <see cref="Resample"/> for whole signals with
/// librosa's length convention. Not thread-safe; one instance per stream.
/// </summary>
public sealed unsafe class SoxrResampler : IDisposable
{
    private readonly int channels;
    private readonly double ratio;
    private IntPtr handle;
    private float[] outBuf = new float[8192];

    /// <summary>Creates a converter from <paramref name="inputRate"/> to <paramref name="outputRate"/> Hz.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A rate is not positive or channels &lt; 1.</exception>
    public SoxrResampler(double inputRate, double outputRate, int channels = 1, ResampleQuality quality = ResampleQuality.High)
    {
        if (!(inputRate > 0) || !(outputRate > 0)) throw new ParameterException($"sample rates must be positive (got {inputRate} -> {outputRate})");
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        this.channels = channels;
        ratio = outputRate / inputRate;
        var io = SoxrInterop.IoSpec(SoxrInterop.Float32Interleaved, SoxrInterop.Float32Interleaved);
        var q = SoxrInterop.QualitySpec(new CULong((uint)quality), new CULong(0));
        var rt = SoxrInterop.RuntimeSpec(1);
        handle = SoxrInterop.Create(inputRate, outputRate, (uint)channels, out var error, io, q, rt);
        if (handle == IntPtr.Zero || error != IntPtr.Zero)
            throw new AlchemyException($"libsoxr: cannot create resampler {inputRate} -> {outputRate} Hz: {SoxrInterop.ErrorText(error)}");
    }

    /// <summary>Pushes interleaved input frames and appends every output frame produced so far.</summary>
    internal void Process(ReadOnlySpan<float> input, FloatBuffer output)
    {
        ObjectDisposedException.ThrowIf(handle == IntPtr.Zero, this);
        int frames = input.Length / channels;
        EnsureOut((int)Math.Ceiling(Math.Min(frames, 65536) * ratio) + 64);
        fixed (float* inp = input)
        fixed (float* outp = outBuf)
        {
            int done = 0;
            while (done < frames)
            {
                var err = SoxrInterop.Process(handle, inp + (long)done * channels, (nuint)(frames - done), out var idone,
                    outp, (nuint)(outBuf.Length / channels), out var odone);
                Check(err);
                output.Append(new ReadOnlySpan<float>(outp, (int)odone * channels));
                done += (int)idone;
                if (idone == 0 && odone == 0) break;
            }
        }
    }

    /// <summary>Signals end of input and appends the remaining output frames.</summary>
    internal void Flush(FloatBuffer output)
    {
        ObjectDisposedException.ThrowIf(handle == IntPtr.Zero, this);
        fixed (float* outp = outBuf)
        {
            while (true)
            {
                var err = SoxrInterop.Process(handle, null, 0, out _, outp, (nuint)(outBuf.Length / channels), out var odone);
                Check(err);
                if (odone == 0) break;
                output.Append(new ReadOnlySpan<float>(outp, (int)odone * channels));
            }
        }
    }

    /// <summary>
    /// Resamples a mono signal like <c>librosa.resample(y, orig_sr, target_sr, res_type='soxr_hq')</c>: the output has
    /// exactly <c>ceil(len(y) * target_sr / orig_sr)</c> samples (zero-padded or trimmed).
    /// </summary>
    /// <param name="y">Samples, shape (n,).</param>
    /// <param name="origSr">Input rate in Hz.</param>
    /// <param name="targetSr">Output rate in Hz.</param>
    /// <param name="quality">soxr recipe; librosa's default is <see cref="ResampleQuality.High"/>.</param>
    /// <returns>Resampled samples, shape (ceil(n * target_sr / orig_sr),).</returns>
    public static float[] Resample(ReadOnlySpan<float> y, int origSr, int targetSr, ResampleQuality quality = ResampleQuality.High)
    {
        if (origSr == targetSr) return y.ToArray();
        using var r = new SoxrResampler(origSr, targetSr, 1, quality);
        var buf = new FloatBuffer((int)(y.Length * (double)targetSr / origSr) + 64);
        r.Process(y, buf);
        r.Flush(buf);
        return buf.ToArray(OutputLength(y.Length, origSr, targetSr));
    }

    /// <summary>librosa's resampled length: <c>ceil(n * target / orig)</c>.</summary>
    public static int OutputLength(long n, int origSr, int targetSr) => (int)Math.Ceiling(n * ((double)targetSr / origSr));

    private void EnsureOut(int frames)
    {
        if (outBuf.Length < frames * channels) outBuf = new float[frames * channels];
    }

    private static void Check(IntPtr err)
    {
        if (err != IntPtr.Zero) throw new AlchemyException($"libsoxr: {SoxrInterop.ErrorText(err)}");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (handle != IntPtr.Zero) { SoxrInterop.Delete(handle); handle = IntPtr.Zero; }
    }
}
