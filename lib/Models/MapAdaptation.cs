namespace AudioAlchemy.Models;

/// <summary>
/// Maximum a posteriori adaptation of a universal background model (Reynolds, Quatieri and Dunn 2000, eqs. 11–14,
/// means only): with n_i = Σ_t Pr(i | x_t) and E_i(x) = Σ_t Pr(i | x_t) x_t / n_i under the UBM, the adapted mean is
/// μ̂_i = α_i E_i(x) + (1 − α_i) μ_i with α_i = n_i / (n_i + r). Weights and variances stay the UBM's, so a class model
/// moves only where its data has mass; r (relevance factor) is 16 in the paper.
/// </summary>
public static class MapAdaptation
{
    /// <summary>The UBM with means adapted to <paramref name="frames"/>.</summary>
    public static DiagonalGmm AdaptMeans(DiagonalGmm ubm, IReadOnlyList<float[]> frames, double relevanceFactor = 16)
    {
        if (!(relevanceFactor > 0) || !double.IsFinite(relevanceFactor)) throw new AlchemyException($"map: relevance factor must be > 0 (got {relevanceFactor})");
        var st = ubm.Posteriors(frames);
        return AdaptMeans(ubm, st, relevanceFactor);
    }

    /// <summary>The UBM with means adapted from precomputed statistics <paramref name="st"/> (only N and F are used).</summary>
    public static DiagonalGmm AdaptMeans(DiagonalGmm ubm, DiagonalGmm.Statistics st, double relevanceFactor)
    {
        int k = ubm.Weights.Length;
        var means = new double[k][];
        for (int i = 0; i < k; i++)
        {
            var mu = ubm.Means[i];
            double n = st.N[i], alpha = n / (n + relevanceFactor);
            means[i] = new double[mu.Length];
            for (int j = 0; j < mu.Length; j++)
            {
                double e = n > 0 ? st.F[i][j] / n : mu[j];
                means[i][j] = alpha * e + (1 - alpha) * mu[j];
            }
        }
        return new DiagonalGmm(ubm.Options, (double[])ubm.Weights.Clone(), means, ubm.Variances.Select(v => (double[])v.Clone()).ToArray());
    }
}
