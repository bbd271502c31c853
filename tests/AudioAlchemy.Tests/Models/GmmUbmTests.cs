using AudioAlchemy.Experiments;
using AudioAlchemy.Models;

namespace AudioAlchemy.Tests.Models;

/// <summary>GMM-UBM: MAP adaptation against a hand-worked example, and classification of synthetic frame tracks.</summary>
public class GmmUbmTests
{
    [Fact]
    public void MapAdaptation_MatchesHandWorkedExample()
    {
        // UBM: two 1-D components, w = 0.5/0.5, μ = 0 and 10, σ² = 1. Frames x = 1, 1, 1: each frame's posterior on component 0
        // is 1 / (1 + exp(−(81 − 1)/2)) = 1 − 4.2e-18, so n_0 = 3, E_0(x) = 1, n_1 ≈ 1.3e-17.
        // r = 16: α_0 = 3 / 19, μ̂_0 = 3/19 · 1 + 16/19 · 0 = 0.157894736…; μ̂_1 = 10 (α_1 ≈ 0). r = 1: α_0 = 3/4, μ̂_0 = 0.75.
        var ubm = new DiagonalGmm(new GmmOptions(Components: 2), [0.5, 0.5], [[0.0], [10.0]], [[1.0], [1.0]]);
        float[][] x = [[1f], [1f], [1f]];
        var a16 = MapAdaptation.AdaptMeans(ubm, x, 16);
        Assert.Equal(3.0 / 19.0, a16.Means[0][0], 12);
        Assert.Equal(10.0, a16.Means[1][0], 12);
        Assert.Equal(ubm.Weights, a16.Weights);
        Assert.Equal(1.0, a16.Variances[0][0]);
        var a1 = MapAdaptation.AdaptMeans(ubm, x, 1);
        Assert.Equal(0.75, a1.Means[0][0], 12);
        // Frames split between the components: x = 0 (posterior ≈ 1 on c0) and x = 10 (≈ 1 on c1), 4 each, r = 4:
        // α = 4/8 for both, E_0 = 0 → μ̂_0 = 0; E_1 = 10 → μ̂_1 = 10 (data at the means leaves them in place).
        float[][] y = [[0f], [0f], [0f], [0f], [10f], [10f], [10f], [10f]];
        var b = MapAdaptation.AdaptMeans(ubm, y, 4);
        Assert.Equal(0.0, b.Means[0][0], 9);
        Assert.Equal(10.0, b.Means[1][0], 9);
        Assert.Throws<AlchemyException>(() => MapAdaptation.AdaptMeans(ubm, x, 0));
    }

    [Fact]
    public void Statistics_AreTheEStepSums()
    {
        var ubm = new DiagonalGmm(new GmmOptions(Components: 2), [0.5, 0.5], [[0.0], [10.0]], [[1.0], [1.0]]);
        var st = ubm.Posteriors([[1f], [9f]]);
        double p = 1 / (1 + Math.Exp(-40));   // posterior of the near component
        Assert.Equal(2.0, st.N.Sum(), 12);
        Assert.Equal(p + (1 - p), st.N[0], 12);   // x = 1 gives p to c0, x = 9 gives 1 − p
        Assert.Equal(1 * p + 9 * (1 - p), st.F[0][0], 9);
        Assert.Equal(1 * p * 1 + 81 * (1 - p), st.S[0][0], 9);
    }

    internal static (float[][][] Tracks, int[] Y) Synthetic(int perClass, int classes, int frames, int seed)
    {
        // Each class draws its frames from its own 3-component mixture in 6 dimensions; classes share one component.
        var rng = new Random(seed);
        var centers = Enumerable.Range(0, classes).Select(c => Enumerable.Range(0, 2).Select(_ => Enumerable.Range(0, 6).Select(_ => rng.NextDouble() * 4 - 2).ToArray()).ToArray()).ToArray();
        var shared = Enumerable.Range(0, 6).Select(_ => 0.0).ToArray();
        var tracks = new List<float[][]>();
        var y = new List<int>();
        for (int c = 0; c < classes; c++)
            for (int t = 0; t < perClass; t++)
            {
                tracks.Add(Enumerable.Range(0, frames).Select(_ =>
                {
                    int k = rng.Next(3);
                    var mu = k == 2 ? shared : centers[c][k];
                    return mu.Select(m => (float)(m + Gauss(rng))).ToArray();
                }).ToArray());
                y.Add(c);
            }
        return (tracks.ToArray(), y.ToArray());
    }

    private static double Gauss(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());

    [Fact]
    public void GmmUbm_ClassifiesSyntheticTracks_AndIsDeterministic()
    {
        var (train, ytr) = Synthetic(6, 4, 80, 1);
        var (test, yte) = Synthetic(4, 4, 80, 1);
        var o = new GmmUbmOptions(new GmmOptions(Components: 8, MaxIterations: 15, Seed: 3));
        var a = new GmmUbmClassifier(o);
        a.FitTracks(train, ytr, 4);
        var pa = a.PredictTracksProba(test);
        double acc = ClassifierExtensions.ArgMax(pa).Zip(yte).Count(p => p.First == p.Second) / (double)yte.Length;
        Assert.True(acc >= 0.9, $"accuracy {acc}");
        Assert.All(pa, r => Assert.Equal(1.0, r.Sum(), 9));
        var b = new GmmUbmClassifier(o with { Ubm = o.Ubm with { Degree = 1 } });
        b.FitTracks(train, ytr, 4);
        Assert.Equal(pa, b.PredictTracksProba(test));   // same numbers on 1 thread as on all cores
    }

    [Fact]
    public void FrameCv_LeavesTracksWithoutFramesOut()
    {
        var (tracks, y) = Synthetic(6, 3, 60, 5);
        tracks[0] = [];
        tracks[7] = [];
        var labels = y.Select(v => $"l{v}").ToArray();
        var data = new Dataset(tracks.Select(_ => new float[] { 0 }).ToArray(), labels, Enumerable.Range(0, y.Length).Select(i => $"a{i % 6}").ToArray(),
            Enumerable.Range(0, y.Length).Select(i => $"t{i}").ToArray(), ["x"]);
        var r = new FrameDataset(data, tracks).CrossValidate(new GmmUbmOptions(new GmmOptions(Components: 4, MaxIterations: 10)), new StratifiedKFold(3, true, 0));
        Assert.Equal(2, r.TotalExcluded);
        Assert.Equal(y.Length - 2, r.Result.Folds.Sum(f => f.TestRows.Length));
        Assert.DoesNotContain(r.Result.Folds.SelectMany(f => f.TestRows), i => i is 0 or 7);
        Assert.All(r.Result.Folds.SelectMany(f => f.Proba).SelectMany(p => p), v => Assert.False(double.IsNaN(v)));
    }
}
