namespace AudioAlchemy.Recommendation;

/// <summary>
/// Top-k ranking metrics on one user's ranked list (best first) against the set of relevant items, as in the
/// recommender literature (and scikit-learn's <c>ndcg_score</c> with linear gains, <c>ignore_ties=True</c>).
/// </summary>
public static class RankingMetrics
{
    /// <summary>|top-k ∩ relevant| / k (k, not the list length, is the denominator).</summary>
    public static double PrecisionAtK<T>(IReadOnlyList<T> ranked, IReadOnlySet<T> relevant, int k) => Hits(ranked, relevant, k) / (double)CheckK(k);

    /// <summary>|top-k ∩ relevant| / |relevant| (NaN when nothing is relevant).</summary>
    public static double RecallAtK<T>(IReadOnlyList<T> ranked, IReadOnlySet<T> relevant, int k) =>
        relevant.Count == 0 ? double.NaN : Hits(ranked, relevant, k) / (double)relevant.Count;

    /// <summary>Binary NDCG@k: Σ_{r≤k} rel_r / log₂(r+1) over the ideal ordering's value (NaN when nothing is relevant).</summary>
    public static double NdcgAtK<T>(IReadOnlyList<T> ranked, IReadOnlySet<T> relevant, int k) where T : notnull =>
        NdcgAtK(ranked, relevant.ToDictionary(r => r, _ => 1.0), k);

    /// <summary>Graded NDCG@k with gains <paramref name="gain"/> (items absent have gain 0): DCG@k / ideal DCG@k (NaN when all gains are 0).</summary>
    public static double NdcgAtK<T>(IReadOnlyList<T> ranked, IReadOnlyDictionary<T, double> gain, int k) where T : notnull
    {
        CheckK(k);
        double dcg = 0;
        for (int r = 0; r < Math.Min(k, ranked.Count); r++)
            if (gain.TryGetValue(ranked[r], out double g)) dcg += g / Math.Log2(r + 2);
        var ideal = gain.Values.Where(g => g > 0).OrderByDescending(g => g).Take(k).ToList();
        double idcg = 0;
        for (int r = 0; r < ideal.Count; r++) idcg += ideal[r] / Math.Log2(r + 2);
        return idcg == 0 ? double.NaN : dcg / idcg;
    }

    /// <summary>Catalogue coverage: distinct items in any of the top-k lists over the catalogue size.</summary>
    public static double Coverage<T>(IEnumerable<IReadOnlyList<T>> rankedLists, int k, int catalogueSize)
    {
        CheckK(k);
        if (catalogueSize < 1) throw new AlchemyException($"coverage: catalogue size must be ≥ 1 (got {catalogueSize})");
        return rankedLists.SelectMany(l => l.Take(k)).Distinct().Count() / (double)catalogueSize;
    }

    /// <summary>
    /// Indices of the <paramref name="k"/> highest <paramref name="scores"/> among <paramref name="candidates"/>; ties go
    /// by <paramref name="tieOrder"/> (a rank per item, e.g. a seeded random permutation, so that a model that cannot tell
    /// items apart ranks them at random rather than in table order), then by index.
    /// </summary>
    public static int[] TopK(double[] scores, IEnumerable<int> candidates, int k, IReadOnlyList<int>? tieOrder = null) =>
        candidates.OrderByDescending(i => scores[i]).ThenBy(i => tieOrder is null ? 0 : tieOrder[i]).ThenBy(i => i).Take(k).ToArray();

    private static int Hits<T>(IReadOnlyList<T> ranked, IReadOnlySet<T> relevant, int k)
    {
        CheckK(k);
        int h = 0;
        for (int r = 0; r < Math.Min(k, ranked.Count); r++) if (relevant.Contains(ranked[r])) h++;
        return h;
    }

    private static int CheckK(int k) => k >= 1 ? k : throw new AlchemyException($"ranking metric: k must be ≥ 1 (got {k})");
}
