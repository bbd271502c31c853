using AudioAlchemy.Dsp;

namespace AudioAlchemy.Separation;

/// <summary>
/// Harmonic/percussive soft masks as <c>librosa.decompose.hpss(S, kernel_size, power, mask=True, margin)</c> computes them
/// on a magnitude spectrogram (bins, frames): harmonic = median filter across time (<c>scipy.ndimage.median_filter</c>,
/// size (1, kernel), mode 'reflect'), percussive = median filter across frequency (size (kernel, 1)); then
/// <see cref="SoftMask"/> with the margins, split_zeros when both margins are 1.
/// </summary>
public static class Hpss
{
    /// <summary>librosa's default median-filter length (<c>kernel_size=31</c>).</summary>
    public const int DefaultKernel = 31;

    /// <summary>Harmonic and percussive masks, each (bins, frames) in [0, 1].</summary>
    public static (Matrix Harmonic, Matrix Percussive) Masks(Matrix S, int kernelHarmonic = DefaultKernel, int kernelPercussive = DefaultKernel,
        double power = 2.0, double marginHarmonic = 1.0, double marginPercussive = 1.0, int? maxThreads = null)
    {
        if (marginHarmonic < 1 || marginPercussive < 1) throw new ParameterException("Margins must be >= 1.0");
        if (kernelHarmonic < 1 || kernelPercussive < 1) throw new ParameterException("kernel sizes must be >= 1");
        var harm = MedianFilterTime(S, kernelHarmonic, maxThreads);
        var perc = MedianFilterFrequency(S, kernelPercussive, maxThreads);
        bool split = marginHarmonic == 1 && marginPercussive == 1;
        var mh = new Matrix(S.Rows, S.Cols);
        var mp = new Matrix(S.Rows, S.Cols);
        var refH = Scaled(perc.Data, marginHarmonic);
        var refP = Scaled(harm.Data, marginPercussive);
        SoftMask.Compute(harm.Data, refH, mh.Data, power, split);
        SoftMask.Compute(perc.Data, refP, mp.Data, power, split);
        return (mh, mp);
    }

    /// <summary>Median over a window of <paramref name="size"/> frames centred on each frame, per bin (scipy reflect edges).</summary>
    public static Matrix MedianFilterTime(Matrix S, int size, int? maxThreads = null)
    {
        int rows = S.Rows, cols = S.Cols;
        var o = new Matrix(rows, cols);
        Parallel.For(0, rows, new ParallelOptions { MaxDegreeOfParallelism = maxThreads ?? Environment.ProcessorCount }, () => new float[size], (r, _, buf) =>
        {
            var src = S.Row(r);
            var dst = o.Row(r);
            Filter1D(src, dst, size, buf);
            return buf;
        }, _ => { });
        return o;
    }

    /// <summary>Median over a window of <paramref name="size"/> bins centred on each bin, per frame (scipy reflect edges).</summary>
    public static Matrix MedianFilterFrequency(Matrix S, int size, int? maxThreads = null)
    {
        int rows = S.Rows, cols = S.Cols;
        var o = new Matrix(rows, cols);
        Parallel.For(0, cols, new ParallelOptions { MaxDegreeOfParallelism = maxThreads ?? Environment.ProcessorCount },
            () => (col: new float[rows], res: new float[rows], buf: new float[size]), (c, _, st) =>
            {
                for (int r = 0; r < rows; r++) st.col[r] = S.Data[r * cols + c];
                Filter1D(st.col, st.res, size, st.buf);
                for (int r = 0; r < rows; r++) o.Data[r * cols + c] = st.res[r];
                return st;
            }, _ => { });
        return o;
    }

    /// <summary>scipy.ndimage 1-D median filter, origin 0 (window [i − size/2, i + size − 1 − size/2]), mode 'reflect'.</summary>
    private static void Filter1D(ReadOnlySpan<float> src, Span<float> dst, int size, float[] buf)
    {
        int n = src.Length, left = size / 2;
        for (int i = 0; i < n; i++)
        {
            for (int m = 0; m < size; m++) buf[m] = src[Reflect(i - left + m, n)];
            // scipy's median_filter is rank filter at size // 2 (no averaging for even sizes).
            dst[i] = Selection.Select(buf.AsSpan(0, size), size / 2);
        }
    }

    /// <summary>scipy 'reflect' (half-sample symmetric: d c b a | a b c d | d c b a) index into 0..n−1.</summary>
    public static int Reflect(int i, int n)
    {
        if ((uint)i < (uint)n) return i;
        int period = 2 * n;
        i %= period;
        if (i < 0) i += period;
        return i < n ? i : period - 1 - i;
    }

    private static float[] Scaled(float[] x, double factor)
    {
        var o = new float[x.Length];
        float f = (float)factor;
        for (int i = 0; i < x.Length; i++) o[i] = x[i] * f;
        return o;
    }
}
