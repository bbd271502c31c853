namespace AudioAlchemy.Features;

/// <summary>Time-domain statistics of a signal (Table 1's y_mean, y_variance, y_skewness, y_kurtosis), in double precision.</summary>
/// <param name="Mean"><c>mu = (1/N) Σ y</c>; null for an empty signal.</param>
/// <param name="Variance">Population variance <c>m2 = (1/N) Σ (y - mu)²</c>; null for an empty signal.</param>
/// <param name="Skewness">Biased skewness <c>m3 / m2^1.5</c> (scipy.stats.skew, bias=True); null when undefined (constant signal).</param>
/// <param name="Kurtosis">Excess kurtosis <c>m4 / m2² - 3</c> (scipy.stats.kurtosis, fisher=True, bias=True); null when undefined.</param>
public sealed record Moments(double? Mean, double? Variance, double? Skewness, double? Kurtosis)
{
    /// <summary>
    /// Computes the moments of <paramref name="y"/>. Like scipy, skewness and kurtosis are undefined (null) when
    /// <c>m2 &lt;= (1e-15 · mean)²</c>, which includes every constant signal.
    /// </summary>
    public static Moments Of(ReadOnlySpan<float> y)
    {
        int n = y.Length;
        if (n == 0) return new Moments(null, null, null, null);
        double sum = 0;
        foreach (var v in y) sum += v;
        double mu = sum / n;
        double m2 = 0, m3 = 0, m4 = 0;
        foreach (var v in y)
        {
            double d = v - mu, d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        m2 /= n;
        m3 /= n;
        m4 /= n;
        const double resolution = 1e-15; // np.finfo(float64).resolution
        bool zero = m2 <= (resolution * mu) * (resolution * mu);
        double? skew = zero ? null : Finite(m3 / Math.Pow(m2, 1.5));
        double? kurt = zero ? null : Finite(m4 / (m2 * m2) - 3.0);
        return new Moments(mu, m2, skew, kurt);
    }

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;
}
