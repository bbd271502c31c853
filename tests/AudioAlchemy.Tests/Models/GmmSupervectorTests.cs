using AudioAlchemy.Experiments;
using AudioAlchemy.Models;

namespace AudioAlchemy.Tests.Models;

/// <summary>GMM supervectors: the KL-kernel embedding on a hand-worked example, and classification of synthetic frame tracks.</summary>
public class GmmSupervectorTests
{
    [Fact]
    public void Supervector_IsTheWeightedVarianceNormalisedMeanShift_HandWorked()
    {
        // UBM: two 1-D components, w = 0.25/0.75, μ = 0 and 10, σ² = 4 and 1. Frames x = 1, 1, 1 sit on component 0
        // (posterior 1 − 1e-9 or closer), so with r = 1: α_0 = 3/4, μ̂_0 = 0.75, μ̂_1 = 10.
        // s = [√0.25 · (0.75 − 0) / 2, √0.75 · (10 − 10) / 1] = [0.1875, 0].
        var ubm = new DiagonalGmm(new GmmOptions(Components: 2), [0.25, 0.75], [[0.0], [10.0]], [[4.0], [1.0]]);
        var sv = new GmmSupervectorClassifier(new GmmSupervectorOptions(new GmmUbmOptions(new GmmOptions(Components: 2), RelevanceFactor: 1, MaxUbmFrames: 10)));
        var s = sv.Supervectors(ubm, [[[1f], [1f], [1f]], [[10f], [10f]]]);
        Assert.Equal(0.1875, s[0][0], 6);
        Assert.Equal(0.0, s[0][1], 6);
        // Second track: x = 10 twice on component 1, α_1 = 2/3, μ̂_1 = 10 → no shift; component 0 gets posterior ≈ 2.5e-6
        // per frame, so α_0 ≈ 5e-6 and its entry ≈ √0.25 · 5e-6 · 10 / 2 ≈ 1e-5 at most.
        Assert.InRange(s[1][0], 0, 2e-5);
        Assert.Equal(0.0, s[1][1], 6);
    }

    [Fact]
    public void GmmSupervector_ClassifiesSyntheticTracks_AndIsDeterministic()
    {
        // One draw (the class centres depend on the seed): per class the first 6 tracks train, the other 4 test.
        var (all, y) = GmmUbmTests.Synthetic(10, 4, 80, 1);
        var trainIdx = Enumerable.Range(0, y.Length).Where(i => i % 10 < 6).ToArray();
        var testIdx = Enumerable.Range(0, y.Length).Where(i => i % 10 >= 6).ToArray();
        var (train, ytr) = (trainIdx.Select(i => all[i]).ToArray(), trainIdx.Select(i => y[i]).ToArray());
        var (test, yte) = (testIdx.Select(i => all[i]).ToArray(), testIdx.Select(i => y[i]).ToArray());
        var o = new GmmSupervectorOptions(new GmmUbmOptions(new GmmOptions(Components: 8, MaxIterations: 15, Seed: 3), RelevanceFactor: 4, MaxUbmFrames: 4000));
        var a = new GmmSupervectorClassifier(o);
        a.FitTracks(train, ytr, 4);
        var pa = a.PredictTracksProba(test);
        double acc = ClassifierExtensions.ArgMax(pa).Zip(yte).Count(p => p.First == p.Second) / (double)yte.Length;
        Assert.True(acc >= 0.9, $"accuracy {acc}");
        Assert.All(pa, r => Assert.Equal(1.0, r.Sum(), 6));
        var b = new GmmSupervectorClassifier(o with { Ubm = o.Ubm with { Ubm = o.Ubm.Ubm with { Degree = 1 } } });
        b.FitTracks(train, ytr, 4);
        Assert.Equal(pa, b.PredictTracksProba(test));   // same numbers on 1 thread as on all cores
    }

    [Fact]
    public void GmmSupervector_BadOptionsAndEmptyTracks_AreClearErrors()
    {
        Assert.Throws<ParameterException>(() => new GmmSupervectorOptions(new GmmUbmOptions(), L2: 0).Validate());
        var (train, y) = GmmUbmTests.Synthetic(3, 2, 40, 4);
        var m = new GmmSupervectorClassifier(new GmmSupervectorOptions(new GmmUbmOptions(new GmmOptions(Components: 2, MaxIterations: 5), MaxUbmFrames: 200)));
        Assert.Throws<InvalidOperationException>(() => m.PredictTracksProba(train));
        m.FitTracks(train, y, 2);
        var e = Assert.Throws<AlchemyException>(() => m.PredictTracksProba([[]]));
        Assert.Contains("no frames", e.Message);
    }
}
