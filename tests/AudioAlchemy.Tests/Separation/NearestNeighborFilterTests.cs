using AudioAlchemy.Dsp;
using AudioAlchemy.Separation;

namespace AudioAlchemy.Tests.Separation;

public class NearestNeighborFilterTests
{
    [Fact]
    public void Neighbors_RespectWidth_AndPickMostSimilar()
    {
        // 12 frames, 2 bins: frames alternate between direction A=(1,0) and B=(0,1), frame 5 is (1,0.1).
        var S = new Matrix(2, 12);
        for (int t = 0; t < 12; t++) { S[0, t] = t % 2 == 0 ? 1 : 0; S[1, t] = t % 2 == 0 ? 0 : 1; }
        S[1, 5] = 0.1f; S[0, 5] = 1;
        var nb = NearestNeighborFilter.CosineNeighbors(S, width: 2, k: 3);
        foreach (var (list, t) in nb.Select((l, t) => (l, t)))
        {
            Assert.All(list, j => Assert.True(Math.Abs(t - j) >= 2));
            Assert.Equal(3, list.Length);
        }
        // Frame 0 (A): its nearest at distance >= 2 are the A frames 2, 4, 6 (ties by index).
        Assert.Equal([2, 4, 6], nb[0]);
        Assert.Equal(6, NearestNeighborFilter.DefaultNeighbors(12, 2)); // 2*ceil(sqrt(12-4+1)) = 6
        Assert.Throws<ParameterException>(() => NearestNeighborFilter.CosineNeighbors(S, width: 5));
    }

    [Fact]
    public void MedianAggregate_UsesNumpyEvenMedian()
    {
        var S = new Matrix(1, 5, [1, 2, 10, 4, 100]);
        var outM = NearestNeighborFilter.AggregateMedian(S, [[1, 2, 3, 4], [0], [], [0, 1, 4], [0, 1]]);
        Assert.Equal([7f, 1f, 10f, 2f, 1.5f], outM.Data);
    }

    [Fact]
    public void Selection_MatchesSort()
    {
        var rng = new Random(3);
        for (int trial = 0; trial < 200; trial++)
        {
            var v = Enumerable.Range(0, rng.Next(1, 40)).Select(_ => (float)rng.Next(0, 10)).ToArray();
            var sorted = v.Order().ToArray();
            float expected = v.Length % 2 == 1 ? sorted[v.Length / 2] : (sorted[v.Length / 2 - 1] + sorted[v.Length / 2]) / 2f;
            Assert.Equal(expected, Selection.Median(v.ToArray()));
        }
    }

    [Fact]
    public void SoftMask_MatchesLibrosa()
    {
        float[] x = [1, 0, 3, 0], r = [1, 2, 1, 0], m = new float[4];
        SoftMask.Compute(x, r, m, 2);
        Assert.Equal([0.5f, 0f, 0.9f, 0f], m);
        SoftMask.Compute(x, r, m, 2, splitZeros: true);
        Assert.Equal(0.5f, m[3]);
    }

    [Fact]
    public void HpssMedianFilter_ReflectsEdgesLikeScipy()
    {
        // scipy.ndimage.median_filter([1, 5, 2, 8, 3], size=3, mode='reflect') = [1, 2, 5, 3, 3]
        var S = new Matrix(1, 5, [1, 5, 2, 8, 3]);
        Assert.Equal([1f, 2f, 5f, 3f, 3f], Hpss.MedianFilterTime(S, 3).Data);
        Assert.Equal(0, Hpss.Reflect(-1, 5));
        Assert.Equal(4, Hpss.Reflect(5, 5));
        Assert.Equal(3, Hpss.Reflect(6, 5));
    }
}
