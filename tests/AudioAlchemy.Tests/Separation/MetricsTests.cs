using AudioAlchemy.Separation;

namespace AudioAlchemy.Tests.Separation;

public class MetricsTests
{
    [Fact]
    public void Sdr_IsFramewiseSignalToErrorRatio_WithMusevalWindows()
    {
        // 3.5 windows of 100 samples: museval keeps floor((350 - 100 + 100) / 100) = 3 windows.
        var s = TestData.Sine(50, 1000, 0.35, amp: 1);
        var e = s.Select((v, i) => v + (i < 100 ? 0.1f : 0.01f)).ToArray();
        var sdr = BssEvalV4.Framewise([s], [e], 100, 100);
        Assert.Equal(3, sdr[0].Length);
        double energy0 = s.Take(100).Sum(v => (double)v * v);
        Assert.Equal(10 * Math.Log10(energy0 / (100 * 0.1f * 0.1f)), sdr[0][0], 4);
        Assert.True(sdr[0][1] > sdr[0][0] + 19);
    }

    [Fact]
    public void Sdr_SilentReferenceWindow_IsNaNForAllSources_AndMedianSkipsIt()
    {
        var v = TestData.Sine(5, 100, 3, amp: 1);
        for (int i = 100; i < 200; i++) v[i] = 0; // second window: no vocals
        var a = TestData.Sine(7, 100, 3, amp: 1);
        var sdr = BssEvalV4.Framewise([v, a], [a, v], 100, 100);
        Assert.True(double.IsNaN(sdr[0][1]) && double.IsNaN(sdr[1][1]));
        Assert.False(double.IsNaN(sdr[0][0]));
        Assert.Equal(BssEvalV4.NanMedian([sdr[0][0], sdr[0][2]]), BssEvalV4.Track([v, a], [a, v], 100)[0], 10);
    }

    [Fact]
    public void Sdr_PerfectEstimate_IsNaN_LikeMusevalStore_SilenceBaseline_IsZeroDb()
    {
        var s = TestData.Sine(5, 100, 3, amp: 1);
        Assert.True(double.IsNaN(BssEvalV4.Track([s], [s], 100)[0]));
        Assert.True(double.IsNaN(BssEvalV4.Track([s], [new float[300]], 100)[0]), "museval skips all-zero estimates");
        Assert.Equal(0.0, BssEvalV4.Track([s], [new float[300]], 100, skipSilentEstimates: false)[0], 12);
    }

    [Fact]
    public void Sdr_PadsShortEstimates()
    {
        var s = TestData.Sine(5, 100, 3, amp: 1);
        var sdr = BssEvalV4.Framewise([s], [s.Take(250).ToArray()], 100, 100);
        Assert.True(double.IsNaN(sdr[0][0]));            // perfect → +inf → NaN
        Assert.Equal(10 * Math.Log10(s.Skip(200).Sum(x => (double)x * x) / s.Skip(250).Sum(x => (double)x * x)), sdr[0][2], 6);
    }

    [Fact]
    public void SiSdr_IsScaleInvariant_AndMatchesDefinition()
    {
        var s = TestData.Sine(440, 8000, 0.5);
        var noise = TestData.Sine(1234, 8000, 0.5, amp: 0.05);
        var e = s.Select((v, i) => 3 * v + noise[i]).ToArray();
        double expected = SiSdr.Compute(s, e);
        Assert.Equal(expected, SiSdr.Compute(s, e.Select(x => 0.1f * x).ToArray()), 4);
        // Sine and the other sine are orthogonal over whole periods: SI-SDR ≈ 10·log10(‖3s‖²/‖n‖²).
        double direct = 10 * Math.Log10(9 * s.Sum(x => (double)x * x) / noise.Sum(x => (double)x * x));
        Assert.Equal(direct, expected, 1);
        Assert.Equal(double.NegativeInfinity, SiSdr.Compute(s, new float[s.Length]));
        Assert.True(double.IsNaN(SiSdr.Compute(new float[10], s)));
    }
}
