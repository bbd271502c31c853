using AudioAlchemy.Dsp;

namespace AudioAlchemy.Features.Pitch;

/// <summary>
/// The YIN cumulative-mean-normalized difference function of every frame and its parabolic-interpolation shifts,
/// librosa 0.11's <c>_cumulative_mean_normalized_difference</c> and <c>_parabolic_interpolation</c>.
/// <para>The autocorrelation of each frame (lags 0..max_period) is computed in double precision with FFTs over
/// segments of length g = gcd(frame_length, hop): every segment's spectrum is computed once and each frame sums
/// its segments' auto- and adjacent cross-spectra before one inverse FFT of size 2g (valid when max_period &lt; g;
/// otherwise one zero-padded FFT per frame). The following steps round like librosa's float32 code: the difference
/// <c>d[k] = 2 (r[0] - r[k]) - Σ_{n&lt;k} x[n]²</c> and its running sum are float32, the normalisation is float64; like
/// librosa, <c>d[1]</c> omits the <c>x[0]²</c> term (librosa zeroes row 0 of its energy array before reading it).</para>
/// Not thread-safe: one instance per thread (buffers are reused across calls).
/// </summary>
internal sealed class DifferenceFunction
{
    private readonly YinOptions o;
    private readonly int minP, maxP, nP, g, q, step;
    private readonly bool segmented;
    private readonly RealFft fft;
    private readonly double[] buf, re, im, sumRe, sumIm, r;
    private readonly double[][] segRe, segIm;
    private readonly int[] segTag;
    private readonly float[] energy, d;

    public DifferenceFunction(YinOptions options)
    {
        o = options.Validate();
        minP = o.MinPeriod;
        maxP = o.MaxPeriod;
        nP = maxP - minP + 1;
        int L = o.FrameLength, h = o.Hop;
        g = Gcd(L, h);
        segmented = maxP < g;
        int m = segmented ? 2 * g : NextPow2(2 * L - 1);
        fft = new RealFft(m);
        q = L / g;
        step = h / g;
        buf = new double[m];
        re = new double[fft.Bins];
        im = new double[fft.Bins];
        sumRe = new double[fft.Bins];
        sumIm = new double[fft.Bins];
        r = new double[m];
        int ring = segmented ? q : 0;
        segRe = new double[ring][];
        segIm = new double[ring][];
        segTag = new int[ring];
        for (int i = 0; i < ring; i++) { segRe[i] = new double[fft.Bins]; segIm[i] = new double[fft.Bins]; segTag[i] = -1; }
        energy = new float[maxP + 1];
        d = new float[maxP + 1];
    }

    /// <summary>Number of periods per frame, max_period - min_period + 1 (329 at the defaults).</summary>
    public int Periods => nP;

    /// <summary>Shortest period (row 0 of a frame).</summary>
    public int MinPeriod => minP;

    /// <summary>Number of frames for <paramref name="n"/> samples.</summary>
    public int FrameCount(int n) => o.Center ? 1 + n / o.Hop : n < o.FrameLength ? 0 : 1 + (n - o.FrameLength) / o.Hop;

    /// <summary>
    /// Fills <paramref name="yin"/> and <paramref name="shifts"/> (frame-major, shape (frames, periods)) for signal
    /// <paramref name="y"/>. Both must hold at least frames × periods values.
    /// </summary>
    public void Compute(ReadOnlySpan<float> y, Span<double> yin, Span<double> shifts)
    {
        var x = Pad(y);
        int T = FrameCount(y.Length);
        for (int i = 0; i < segTag.Length; i++) segTag[i] = -1;
        for (int t = 0; t < T; t++)
        {
            int start = t * o.Hop;
            if (segmented) SegmentedAcf(x, t); else DirectAcf(x, start);
            FrameYin(x.AsSpan(start, o.FrameLength), yin.Slice(t * nP, nP));
            Parabolic(yin.Slice(t * nP, nP), shifts.Slice(t * nP, nP));
        }
    }

    private float[] Pad(ReadOnlySpan<float> y)
    {
        if (!o.Center) return y.ToArray();
        int pad = o.FrameLength / 2, n = y.Length;
        if (o.PadMode == PadMode.Reflect && n <= pad)
            throw new AlchemyException($"signal of {n} samples is too short for reflect padding of {pad}");
        var x = new float[n + 2 * pad];
        y.CopyTo(x.AsSpan(pad));
        if (n > 0 && o.PadMode != PadMode.Constant)
            for (int i = 0; i < pad; i++)
            {
                x[pad - 1 - i] = o.PadMode == PadMode.Edge ? y[0] : y[i + 1];
                x[pad + n + i] = o.PadMode == PadMode.Edge ? y[n - 1] : y[n - 2 - i];
            }
        return x;
    }

    private void DirectAcf(float[] x, int start)
    {
        int L = o.FrameLength;
        Array.Clear(buf);
        for (int i = 0; i < L; i++) buf[i] = x[start + i];
        fft.Forward(buf, re, im);
        for (int k = 0; k < re.Length; k++) { re[k] = re[k] * re[k] + im[k] * im[k]; im[k] = 0; }
        fft.Inverse(re, im, r);
    }

    private void SegmentedAcf(float[] x, int t)
    {
        int s0 = t * step, bins = re.Length;
        Array.Clear(sumRe);
        Array.Clear(sumIm);
        for (int i = 0; i < q; i++)
        {
            var (ar, ai) = Segment(x, s0 + i);
            for (int k = 0; k < bins; k++) sumRe[k] += ar[k] * ar[k] + ai[k] * ai[k];
            if (i + 1 < q)
            {
                var (br, bi) = Segment(x, s0 + i + 1);
                // conj(A)·B shifted by g samples: multiply by (-1)^k.
                for (int k = 0; k < bins; k++)
                {
                    double cr = ar[k] * br[k] + ai[k] * bi[k], ci = ar[k] * bi[k] - ai[k] * br[k];
                    if ((k & 1) == 0) { sumRe[k] += cr; sumIm[k] += ci; } else { sumRe[k] -= cr; sumIm[k] -= ci; }
                }
            }
        }
        fft.Inverse(sumRe, sumIm, r);
    }

    private (double[] Re, double[] Im) Segment(float[] x, int a)
    {
        int slot = a % q;
        if (segTag[slot] != a)
        {
            Array.Clear(buf);
            int o0 = a * g;
            for (int i = 0; i < g && o0 + i < x.Length; i++) buf[i] = x[o0 + i];
            fft.Forward(buf, segRe[slot], segIm[slot]);
            segTag[slot] = a;
        }
        return (segRe[slot], segIm[slot]);
    }

    private void FrameYin(ReadOnlySpan<float> frame, Span<double> yin)
    {
        float e = 0;
        for (int k = 0; k < maxP; k++) { e += frame[k] * frame[k]; energy[k] = e; }
        float a0 = (float)r[0];
        d[0] = 0;
        // librosa writes yin_frames[0] = 0 into the cumulative-energy array before the update that reads
        // yin_frames[:max_period], so d[1] subtracts 0 instead of x[0]²: large when the signal has a DC offset.
        if (maxP >= 1) d[1] = 2f * (a0 - (float)r[1]) - 0f;
        for (int k = 2; k <= maxP; k++) d[k] = 2f * (a0 - (float)r[k]) - energy[k - 1];
        const double tiny = 2.2250738585072014e-308;
        float c = 0;
        for (int k = 1; k <= maxP; k++)
        {
            c += d[k];
            if (k >= minP) yin[k - minP] = d[k] / ((double)c / k + tiny);
        }
    }

    /// <summary>librosa's <c>_parabolic_interpolation</c>: vertex offset of the parabola through each point and its neighbours, 0 at the edges or when it would move more than one bin.</summary>
    internal static void Parabolic(ReadOnlySpan<double> x, Span<double> shifts)
    {
        int n = x.Length;
        if (n == 0) return;
        shifts[0] = 0;
        for (int i = 1; i < n - 1; i++)
        {
            double a = x[i + 1] + x[i - 1] - 2 * x[i];
            double b = (x[i + 1] - x[i - 1]) / 2;
            shifts[i] = Math.Abs(b) >= Math.Abs(a) ? 0 : -b / a;
        }
        shifts[n - 1] = 0;
    }

    private static int Gcd(int a, int b) { while (b != 0) (a, b) = (b, a % b); return a; }

    private static int NextPow2(int n) { int m = 1; while (m < n) m <<= 1; return m; }
}
