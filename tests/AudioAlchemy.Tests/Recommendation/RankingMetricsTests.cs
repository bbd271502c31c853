using AudioAlchemy.Recommendation;

namespace AudioAlchemy.Tests.Recommendation;

public class RankingMetricsTests
{
    private static readonly string[] Ranked = ["a", "b", "c", "d", "e"];
    private static readonly HashSet<string> Relevant = ["a", "c", "f"];

    [Fact]
    public void PrecisionAndRecall_HandComputed()
    {
        // top-3 = a, b, c: hits a and c
        Assert.Equal(2.0 / 3, RankingMetrics.PrecisionAtK(Ranked, Relevant, 3), 12);
        Assert.Equal(2.0 / 3, RankingMetrics.RecallAtK(Ranked, Relevant, 3), 12);
        // k = 5: still 2 hits, precision over k
        Assert.Equal(0.4, RankingMetrics.PrecisionAtK(Ranked, Relevant, 5), 12);
        // k past the list: the denominator is k, not the list length
        Assert.Equal(2.0 / 10, RankingMetrics.PrecisionAtK(Ranked, Relevant, 10), 12);
        Assert.Equal(1.0, RankingMetrics.PrecisionAtK(Ranked, Relevant, 1), 12); // a is relevant
        Assert.True(double.IsNaN(RankingMetrics.RecallAtK(Ranked, new HashSet<string>(), 3)));
    }

    [Fact]
    public void BinaryNdcg_HandComputed()
    {
        // DCG@3 = 1/log2(2) + 1/log2(4) = 1.5; IDCG@3 (3 relevant) = 1 + 1/log2(3) + 1/2 = 2.1309297535714578
        Assert.Equal(1.5 / 2.1309297535714578, RankingMetrics.NdcgAtK(Ranked, Relevant, 3), 12);
        Assert.Equal(0.703918, RankingMetrics.NdcgAtK(Ranked, Relevant, 3), 6);
        // k = 1: a is relevant, ideal is 1 → 1
        Assert.Equal(1.0, RankingMetrics.NdcgAtK(Ranked, Relevant, 1), 12);
        // perfect ordering is 1, nothing relevant in the list is 0
        Assert.Equal(1.0, RankingMetrics.NdcgAtK(["c", "a", "x"], new HashSet<string> { "a", "c" }, 3), 12);
        Assert.Equal(0.0, RankingMetrics.NdcgAtK(["x", "y"], new HashSet<string> { "a" }, 2), 12);
    }

    [Fact]
    public void GradedNdcg_MatchesScikitLearnDocExample()
    {
        // sklearn.metrics.ndcg_score([[10, 0, 0, 1, 5]], [[.1, .2, .3, 4, 70]]) = 0.6956940443813074 (scikit-learn 1.2, Debian 12) (its docstring shows 0.69...):
        // ranking by score e, d, c, b, a; DCG = 5 + 1/log2(3) + 10/log2(6); IDCG = 10 + 5/log2(3) + 1/log2(4)
        var gain = new Dictionary<string, double> { ["a"] = 10, ["b"] = 0, ["c"] = 0, ["d"] = 1, ["e"] = 5 };
        string[] ranked = ["e", "d", "c", "b", "a"];
        double dcg = 5 + 1 / Math.Log2(3) + 10 / Math.Log2(6), idcg = 10 + 5 / Math.Log2(3) + 0.5;
        Assert.Equal(dcg / idcg, RankingMetrics.NdcgAtK(ranked, gain, 5), 12);
        Assert.Equal(0.6956940443813076, RankingMetrics.NdcgAtK(ranked, gain, 5), 10);
    }

    [Fact]
    public void Coverage_CountsDistinctItemsInTopK()
    {
        Assert.Equal(0.75, RankingMetrics.Coverage(new[] { new[] { 0, 1, 9 }, new[] { 1, 2, 8 } }, 2, 4), 12);
        Assert.Throws<AlchemyException>(() => RankingMetrics.Coverage(new[] { new[] { 0 } }, 0, 4));
    }

    [Fact]
    public void TopK_BreaksTiesByTheGivenOrder()
    {
        double[] s = [1, 3, 3, 0, 3];
        Assert.Equal([1, 2], RankingMetrics.TopK(s, [0, 1, 2, 3, 4], 2));
        Assert.Equal([4, 2], RankingMetrics.TopK(s, [0, 1, 2, 3, 4], 2, tieOrder: [4, 2, 1, 3, 0]));
        Assert.Equal([2, 0], RankingMetrics.TopK(s, [0, 2, 3], 2));
    }
}
