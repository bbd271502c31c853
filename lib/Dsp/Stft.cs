using System.Collections.Concurrent;
using System.Numerics;

namespace AudioAlchemy.Dsp;

/// <summary>
/// Short-time Fourier transform with librosa 0.11 semantics: periodic Hann window, centred frames padded with zeros
/// (pad_mode 'constant'), unscaled real FFT per frame computed in double precision and stored as complex64, shape
/// (1 + n_fft/2, 1 + len(y)/hop). The window is built once per instance. An instance is thread-safe: each call
/// takes a scratch workspace (FFT plan + frame buffers) from the instance's pool and returns it, so one transform
/// (and the mel/MFCC transforms built on it) can be shared by parallel loops without locks or wrong results.
/// <see cref="Inverse"/> is <c>librosa.istft</c>.
/// </summary>
public sealed class Stft
{
    private const int Block = 32;
    private readonly double[] window;
    private readonly int bins, stride;
    private readonly ConcurrentBag<Workspace> pool = [];

    /// <summary>Per-call scratch: its own FFT plan (which keeps buffers) and the frame/block buffers.</summary>
    private sealed class Workspace
    {
        public Workspace(int nFft, int bins, int stride)
        {
            Fft = new RealFft(nFft);
            Frame = new double[nFft];
            Re = new double[bins];
            Im = new double[bins];
            BlockRe = new float[Block * stride];
            BlockIm = new float[Block * stride];
        }

        public RealFft Fft { get; }
        public double[] Frame { get; }
        public double[] Re { get; }
        public double[] Im { get; }
        public float[] BlockRe { get; }
        public float[] BlockIm { get; }
    }

    /// <summary>Creates a transform for the given options (defaults: n_fft 2048, hop 512, Hann, centred, zero padding).</summary>
    public Stft(StftOptions? options = null)
    {
        Options = (options ?? new StftOptions()).Validate();
        window = Options.BuildWindow();
        bins = Options.NFft / 2 + 1;
        // Scratch rows are padded so that the column reads of the transpose do not all fall into the same L1 cache
        // set (1025 floats = 4100 bytes is almost exactly the 4 KB set period).
        stride = bins + 16;
        pool.Add(new Workspace(Options.NFft, bins, stride));
    }

    private Workspace Rent() => pool.TryTake(out var w) ? w : new Workspace(Options.NFft, bins, stride);

    private void Return(Workspace w) => pool.Add(w);

    /// <summary>The validated options.</summary>
    public StftOptions Options { get; }

    /// <summary><c>librosa.stft(y, n_fft, hop_length, win_length, window, center, pad_mode)</c>, shape (1 + n_fft/2, frames).</summary>
    public ComplexMatrix Forward(ReadOnlySpan<float> y)
    {
        int frames = CheckedFrames(y.Length);
        var S = new ComplexMatrix(bins, frames);
        Transform(y, frames, S.Real, S.Imag, power: 1.0);
        return S;
    }

    /// <summary>
    /// <c>np.abs(librosa.stft(y)) ** power</c>, shape (1 + n_fft/2, frames). Computed frame by frame without the
    /// complex intermediate (same float32 rounding of the complex values as <see cref="Forward"/> then
    /// <see cref="ComplexMatrix.Magnitude"/>), into one freshly allocated matrix.
    /// </summary>
    public Matrix Spectrogram(ReadOnlySpan<float> y, double power = 1.0)
    {
        if (!(power > 0)) throw new ParameterException($"power must be positive (got {power})");
        int frames = CheckedFrames(y.Length);
        // Every element is written below, so the array need not be zeroed first (it is 5 MB for 30 s at the defaults).
        var data = GC.AllocateUninitializedArray<float>(checked(bins * frames));
        Transform(y, frames, data, null, power);
        return new Matrix(bins, frames, data);
    }

    private int CheckedFrames(int length)
    {
        int pad = Options.Center ? Options.NFft / 2 : 0;
        if (Options.Center && Options.PadMode == PadMode.Reflect && length <= pad)
            throw new ParameterException($"signal of {length} samples is too short for reflect padding of {pad}");
        return Options.FrameCount(length);
    }

    /// <summary>
    /// Frames are transformed in blocks into frame-major scratch, then transposed into the (bins, frames) layout block
    /// by block, so the output is written in contiguous runs instead of one scattered value per row. With
    /// <paramref name="outIm"/> given the complex values go to <paramref name="outRe"/>/<paramref name="outIm"/>
    /// (<paramref name="power"/> unused); otherwise |X|^power goes to <paramref name="outRe"/>.
    /// </summary>
    private void Transform(ReadOnlySpan<float> y, int frames, float[] outRe, float[]? outIm, double power)
    {
        int nFft = Options.NFft, hop = Options.Hop;
        int pad = Options.Center ? nFft / 2 : 0;
        var ws = Rent();
        var (fft, frame, re, im, blockRe, blockIm) = (ws.Fft, ws.Frame, ws.Re, ws.Im, ws.BlockRe, ws.BlockIm);
        try
        {
            for (int t0 = 0; t0 < frames; t0 += Block)
            {
                int count = Math.Min(Block, frames - t0);
                for (int b = 0; b < count; b++)
                {
                    int start = (t0 + b) * hop - pad;
                    if (start >= 0 && start + nFft <= y.Length)
                    {
                        var seg = y.Slice(start, nFft);
                        for (int i = 0; i < nFft; i++) frame[i] = seg[i] * window[i];
                    }
                    else
                    {
                        for (int i = 0; i < nFft; i++) frame[i] = Sample(y, start + i) * window[i];
                    }
                    fft.Forward(frame, re, im);
                    int o = b * stride;
                    if (outIm is not null)
                    {
                        for (int k = 0; k < bins; k++)
                        {
                            blockRe[o + k] = (float)re[k];
                            blockIm[o + k] = (float)im[k];
                        }
                    }
                    else Magnitudes(re, im, blockRe.AsSpan(o, bins), power);
                }
                for (int k = 0; k < bins; k++)
                {
                    int row = k * frames + t0;
                    for (int b = 0; b < count; b++) outRe[row + b] = blockRe[b * stride + k];
                    if (outIm is not null)
                        for (int b = 0; b < count; b++) outIm[row + b] = blockIm[b * stride + k];
                }
            }
        }
        finally { Return(ws); }
    }

    /// <summary>
    /// <c>librosa.istft(S, hop_length, win_length, n_fft, window, center, length)</c>: inverse FFT per frame, windowed
    /// overlap-add, division by the window sum-square where it exceeds float32 tiny, centre padding trimmed; the result is
    /// cut or zero-padded to <paramref name="length"/> when given.
    /// </summary>
    public float[] Inverse(ComplexMatrix S, int? length = null)
    {
        int nFft = Options.NFft, hop = Options.Hop, frames = S.Cols;
        if (S.Rows != bins) throw new ParameterException($"spectrogram has {S.Rows} bins, n_fft {nFft} needs {bins}");
        int expected = nFft + hop * (frames - 1);
        var y = new double[expected];
        var wss = new double[expected];
        var ws = Rent();
        var (fft, frame, re, im) = (ws.Fft, ws.Frame, ws.Re, ws.Im);
        try
        {
            for (int t = 0; t < frames; t++)
            {
                for (int k = 0; k < re.Length; k++) { re[k] = S.Real[k * frames + t]; im[k] = S.Imag[k * frames + t]; }
                fft.Inverse(re, im, frame);
                int o = t * hop;
                for (int i = 0; i < nFft; i++)
                {
                    y[o + i] += frame[i] * window[i];
                    wss[o + i] += window[i] * window[i];
                }
            }
        }
        finally { Return(ws); }
        const double tiny = 1.1754943508222875e-38; // np.finfo(float32).tiny
        for (int i = 0; i < expected; i++) if (wss[i] > tiny) y[i] /= wss[i];
        int start = Options.Center ? nFft / 2 : 0;
        int outLen = length ?? (Options.Center ? expected - nFft : expected);
        var result = new float[Math.Max(0, outLen)];
        for (int i = 0; i < result.Length && start + i < expected; i++) result[i] = (float)y[start + i];
        return result;
    }

    /// <summary>
    /// |X|^power per bin: complex64 first (as librosa stores the STFT), then np.abs in float32 computed as
    /// sqrt(re² + im²) in double and rounded once. The SIMD path performs the same IEEE operations in the same order
    /// (narrow to float, widen, multiply, add, square root, narrow), so it is bit-identical to the scalar loop.
    /// </summary>
    private static void Magnitudes(ReadOnlySpan<double> re, ReadOnlySpan<double> im, Span<float> dst, double power)
    {
        int n = dst.Length, k = 0;
        if (Vector.IsHardwareAccelerated && (power == 1.0 || power == 2.0))
        {
            int w = Vector<double>.Count;
            for (; k + 2 * w <= n; k += 2 * w)
            {
                Vector.Widen(Vector.Narrow(new Vector<double>(re.Slice(k)), new Vector<double>(re.Slice(k + w))), out var rl, out var rh);
                Vector.Widen(Vector.Narrow(new Vector<double>(im.Slice(k)), new Vector<double>(im.Slice(k + w))), out var il, out var ih);
                var a = Vector.Narrow(Vector.SquareRoot(rl * rl + il * il), Vector.SquareRoot(rh * rh + ih * ih));
                if (power == 2.0) a *= a;
                a.CopyTo(dst.Slice(k));
            }
        }
        for (; k < n; k++)
        {
            float r = (float)re[k], i = (float)im[k];
            float a = (float)Math.Sqrt((double)r * r + (double)i * i);
            dst[k] = power == 1.0 ? a : power == 2.0 ? a * a : (float)Math.Pow(a, power);
        }
    }

    /// <summary>Sample i of the (virtually) padded signal: zeros, edge repeats or numpy-style reflection outside 0..n-1.</summary>
    private double Sample(ReadOnlySpan<float> y, int i)
    {
        if ((uint)i < (uint)y.Length) return y[i];
        int n = y.Length;
        return Options.PadMode switch
        {
            PadMode.Edge => n == 0 ? 0 : y[i < 0 ? 0 : n - 1],
            PadMode.Reflect => y[i < 0 ? -i : 2 * (n - 1) - i],
            _ => 0,
        };
    }
}
