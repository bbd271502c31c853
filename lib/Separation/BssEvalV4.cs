namespace AudioAlchemy.Separation;

/// <summary>
/// SDR as museval (BSS Eval v4, <c>museval.evaluate(references, estimates, win=1 s, hop=1 s, mode='v4')</c>) reports it.
/// <para>
/// museval decomposes each estimate ŝ_j on a window into s_true + e_spat + e_interf + e_artif using 512-tap distortion filters
/// fitted once on the whole track, and reports SDR = 10·log10(‖s_true‖² / ‖e_spat + e_interf + e_artif‖²) (the
/// <c>bss_eval_images</c> variant SiSEC uses). Because e_artif is defined as ŝ − s_true − e_spat − e_interf, the denominator is
/// exactly ‖ŝ − s‖² on the window: the filters change ISR/SIR/SAR but not SDR. This class therefore computes the framewise
/// SDR exactly, without fitting the filters (ISR/SIR/SAR are not provided).
/// </para>
/// <para>
/// museval rules kept: estimates are zero-padded or truncated to the reference length; windows of <c>window</c> samples every
/// <c>hop</c> samples, nwin = floor((n − window + hop)/hop) (one window over the whole signal when it is shorter); a window in
/// which any reference or any estimate is all zeros is NaN for every source; ±∞ values (perfect or empty frames) become NaN
/// as museval's JSON store does; a track's score is the median over its non-NaN frames (museval's aggregate). museval refuses
/// all-zero sources outright; here <see cref="Framewise"/> with <c>skipSilentEstimates: false</c> evaluates them by the same
/// formula (an all-zero estimate scores exactly 0 dB in every window), which is how the "silence" baseline is defined.
/// </para>
/// </summary>
public static class BssEvalV4
{
    /// <summary>museval's default window and hop: one second.</summary>
    public const double DefaultWindowSeconds = 1.0;

    /// <summary>
    /// Framewise SDR in dB, shape (sources, windows). <paramref name="references"/> and <paramref name="estimates"/> are
    /// (sources, samples); each estimate is padded/truncated to its reference's length. NaN marks skipped windows.
    /// </summary>
    public static double[][] Framewise(IReadOnlyList<float[]> references, IReadOnlyList<float[]> estimates, int window, int hop, bool skipSilentEstimates = true)
    {
        if (references.Count == 0 || references.Count != estimates.Count)
            throw new ParameterException($"need the same non-zero number of references and estimates (got {references.Count} and {estimates.Count})");
        if (window < 1 || hop < 1) throw new ParameterException($"window and hop must be >= 1 (got {window}, {hop})");
        int n = references[0].Length;
        if (references.Any(r => r.Length != n)) throw new ParameterException("references differ in length");
        int nsrc = references.Count;
        var est = estimates.Select(e => PadOrTruncate(e, n)).ToArray();
        int nwin = window < n ? (n - window + hop) / hop : 1;
        var sdr = new double[nsrc][];
        for (int j = 0; j < nsrc; j++) sdr[j] = new double[nwin];
        for (int t = 0; t < nwin; t++)
        {
            int start = window < n ? t * hop : 0;
            int stop = window < n ? Math.Min(start + window, n) : n;
            bool silent = references.Any(r => AllZero(r, start, stop)) || (skipSilentEstimates && est.Any(e => AllZero(e, start, stop)));
            for (int j = 0; j < nsrc; j++)
            {
                if (silent) { sdr[j][t] = double.NaN; continue; }
                double num = 0, den = 0;
                var s = references[j];
                var e = est[j];
                for (int i = start; i < stop; i++)
                {
                    double d = (double)e[i] - s[i];
                    num += (double)s[i] * s[i];
                    den += d * d;
                }
                double v = den == 0 ? double.PositiveInfinity : 10 * Math.Log10(num / den);
                sdr[j][t] = double.IsInfinity(v) ? double.NaN : v;
            }
        }
        return sdr;
    }

    /// <summary>
    /// Track-level SDR per source (museval: median over non-NaN windows; NaN when none), for references/estimates of shape
    /// (sources, samples) at <paramref name="sampleRate"/> Hz with one-second windows.
    /// </summary>
    public static double[] Track(IReadOnlyList<float[]> references, IReadOnlyList<float[]> estimates, int sampleRate, bool skipSilentEstimates = true)
    {
        int win = (int)(DefaultWindowSeconds * sampleRate);
        return Framewise(references, estimates, win, win, skipSilentEstimates).Select(NanMedian).ToArray();
    }

    /// <summary>Median of the non-NaN values (mean of the two middle ones for an even count); NaN when there are none.</summary>
    public static double NanMedian(IEnumerable<double> values)
    {
        var v = values.Where(x => !double.IsNaN(x)).Order().ToArray();
        if (v.Length == 0) return double.NaN;
        int m = v.Length / 2;
        return v.Length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }

    private static float[] PadOrTruncate(float[] e, int n)
    {
        if (e.Length == n) return e;
        var o = new float[n];
        Array.Copy(e, o, Math.Min(n, e.Length));
        return o;
    }

    private static bool AllZero(float[] x, int start, int stop)
    {
        for (int i = start; i < stop; i++) if (x[i] != 0) return false;
        return true;
    }
}
