namespace AudioAlchemy.Separation;

/// <summary>
/// Scale-invariant SDR (Le Roux et al. 2019) over the whole signal, no zero-mean step:
/// α = ⟨ŝ, s⟩ / ‖s‖², SI-SDR = 10·log10(‖α·s‖² / ‖ŝ − α·s‖²) in dB, computed in double.
/// </summary>
public static class SiSdr
{
    /// <summary>
    /// SI-SDR of <paramref name="estimate"/> against <paramref name="reference"/> (both shape (n,); the estimate is
    /// zero-padded/truncated to n). NaN for an all-zero reference; −∞ for an all-zero (or orthogonal) estimate; +∞ for a
    /// perfect scaled copy.
    /// </summary>
    public static double Compute(ReadOnlySpan<float> reference, ReadOnlySpan<float> estimate)
    {
        int n = reference.Length;
        double ss = 0, se = 0;
        for (int i = 0; i < n; i++)
        {
            double s = reference[i], e = i < estimate.Length ? estimate[i] : 0;
            ss += s * s;
            se += s * e;
        }
        if (ss == 0) return double.NaN;
        double alpha = se / ss, target = 0, noise = 0;
        for (int i = 0; i < n; i++)
        {
            double t = alpha * reference[i], e = i < estimate.Length ? estimate[i] : 0;
            target += t * t;
            noise += (e - t) * (e - t);
        }
        if (noise == 0) return target == 0 ? double.NegativeInfinity : double.PositiveInfinity;
        return 10 * Math.Log10(target / noise);
    }
}
