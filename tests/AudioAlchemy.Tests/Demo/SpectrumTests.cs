using AudioAlchemy.Demo;
using AudioAlchemy.Studies;

namespace AudioAlchemy.Tests.Demo;

public class SpectrumTests
{
    [Fact]
    public void BandSpectrum_PutsASineInItsBand()
    {
        var y = TestData.Sine(3000, 22050, 1.0);
        var s = BandSpectrum.Of(y, 22050, bands: 32);
        Assert.Equal(32, s.MeanDb.Length);
        Assert.Equal(33, s.BandEdgesHz.Length);
        Assert.Equal(11025, s.MaxHz);
        int loudest = Array.IndexOf(s.MeanDb, s.MeanDb.Max());
        Assert.InRange(3000.0, s.BandEdgesHz[loudest], s.BandEdgesHz[loudest + 1]);
        Assert.True(s.MeanDb[loudest] - s.MeanDb[^1] > 60, "a pure sine leaves the top band far below its own band");
    }

    [Fact]
    public void BandSpectrum_RejectsBadInput()
    {
        Assert.Throws<AlchemyException>(() => BandSpectrum.Of([], 22050));
        Assert.Throws<AlchemyException>(() => BandSpectrum.Of(new float[4096], 22050, bands: 0));
    }

    [Fact]
    public void Similarity_PearsonIgnoresGain_MeanAbsDiffDoesNot()
    {
        var s = SpectrumSimilarity.Of([1.0, 2.0, 3.0], [2.0, 3.0, 4.0]);
        Assert.Equal(1.0, s.Pearson, 12);
        Assert.Equal(1.0, s.MeanAbsDiffDb, 12);
        Assert.Equal(1.0, s.MaxAbsDiffDb, 12);

        var t = SpectrumSimilarity.Of([0.0, 0.0, 10.0, 0.0], [0.0, 0.0, 0.0, 0.0]);
        Assert.True(double.IsNaN(t.Pearson));
        Assert.Equal(2.5, t.MeanAbsDiffDb, 12);
        Assert.Equal(10.0, t.MaxAbsDiffDb, 12);
        Assert.Equal(2, t.MaxBand);

        var u = SpectrumSimilarity.Of([1.0, 2.0, 3.0], [3.0, 2.0, 1.0]);
        Assert.Equal(-1.0, u.Pearson, 12);
        Assert.Throws<AlchemyException>(() => SpectrumSimilarity.Of([1.0], [1.0, 2.0]));
    }
}
