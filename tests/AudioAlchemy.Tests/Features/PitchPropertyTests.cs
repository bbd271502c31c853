using AudioAlchemy.Features;
using AudioAlchemy.Features.Pitch;

namespace AudioAlchemy.Tests.Features;

/// <summary>Generated-signal properties of yin/pyin and the Table-1 summary.</summary>
public class PitchPropertyTests
{
    [Fact]
    public void Tone440_IsVoicedAt440()
    {
        var y = TestData.Sine(440, 22050, 2.0);
        var r = new Pyin().Compute(y);
        int voiced = 0;
        for (int t = 2; t < r.F0.Length - 2; t++)
        {
            Assert.True(r.VoicedFlag[t], $"frame {t} unvoiced");
            Assert.True(Math.Abs(1200 * Math.Log2(r.F0[t] / 440)) < 10, $"frame {t}: {r.F0[t]} Hz");
            voiced++;
        }
        Assert.True(voiced > 70);
        Assert.Equal(440, r.MeanVoicedF0()!.Value, 440 * 0.01);
        var yin = new Yin().Compute(y);
        Assert.Equal(440, yin[yin.Length / 2], 1.0);
    }

    [Fact]
    public void Silence_IsUnvoicedAndTable1HasNullsButNoNaN()
    {
        var y = new float[22050 * 2];
        var r = new Pyin().Compute(y);
        Assert.All(r.VoicedFlag, v => Assert.False(v));
        Assert.All(r.VoicedProb, v => Assert.Equal(0.0, v));
        var s = Table1.Compute(y);
        Assert.Null(s.FundamentalFreq);
        Assert.Null(s.Key);
        Assert.Null(s.YSkewness);
        Assert.Null(s.YKurtosis);
        Assert.Equal(0, s.VoicedFrames);
        Assert.Equal(2.0, s.DurationS, 9);
        foreach (var v in new[] { s.ZeroCrossingRate, s.RmsEnergy, s.YMean, s.YVariance, s.Tempo }.Concat(s.MfccMean).Concat(s.MfccStd))
            Assert.True(v is null || double.IsFinite(v.Value));
    }

    [Fact]
    public void FillNaNull_KeepsBestGuessPitch()
    {
        var y = TestData.Sine(220, 22050, 1.0);
        var r = new Pyin(new PyinOptions(FillNa: null)).Compute(y);
        Assert.All(r.F0, f => Assert.False(double.IsNaN(f)));
    }

    [Fact]
    public void InvalidParameters_Throw()
    {
        Assert.Throws<AlchemyException>(() => new Pyin(new PyinOptions(Fmax: 20000)));
        Assert.Throws<AlchemyException>(() => new Yin(new YinOptions(Fmin: 10)));
        Assert.Throws<AlchemyException>(() => new Pyin(new PyinOptions(Fmin: 500, Fmax: 400)));
    }

    /// <summary>One instance reused on signals of different lengths (its work buffers are kept) gives fresh-instance results.</summary>
    [Fact]
    public void ReusedInstance_MatchesFreshInstance()
    {
        var longTone = TestData.Sine(330, 22050, 3.0);
        var shortTone = TestData.Sine(523.25, 22050, 1.0);
        var reused = new Pyin();
        reused.Compute(longTone);
        var again = reused.Compute(shortTone);
        var fresh = new Pyin().Compute(shortTone);
        Assert.Equal(fresh.F0, again.F0);
        Assert.Equal(fresh.VoicedFlag, again.VoicedFlag);
        Assert.Equal(fresh.VoicedProb, again.VoicedProb);
    }
}
