using AudioAlchemy.Features;

namespace AudioAlchemy.Tests.Features;

public class MomentsTests
{
    [Fact]
    public void KnownValues()
    {
        // y = [0, 0, 0, 1]: mu 0.25, m2 0.1875, m3 0.09375, m4 0.08203125
        var m = Moments.Of([0f, 0f, 0f, 1f]);
        Assert.Equal(0.25, m.Mean!.Value, 15);
        Assert.Equal(0.1875, m.Variance!.Value, 15);
        Assert.Equal(0.09375 / Math.Pow(0.1875, 1.5), m.Skewness!.Value, 12);
        Assert.Equal(0.08203125 / (0.1875 * 0.1875) - 3, m.Kurtosis!.Value, 12);
    }

    [Fact]
    public void ConstantSignal_HasNullSkewAndKurtosis()
    {
        var m = Moments.Of(Enumerable.Repeat(0.3f, 1000).ToArray());
        Assert.Equal(0.3f, m.Mean!.Value, 6);
        Assert.Null(m.Skewness);
        Assert.Null(m.Kurtosis);
        var silence = Moments.Of(new float[100]);
        Assert.Equal(0.0, silence.Variance);
        Assert.Null(silence.Skewness);
        var empty = Moments.Of([]);
        Assert.Null(empty.Mean);
    }

    [Fact]
    public void SineHasZeroSkewAndKurtosisMinusOneAndAHalf()
    {
        var y = TestData.Sine(100, 22050, 1.0);
        var m = Moments.Of(y);
        Assert.Equal(0, m.Skewness!.Value, 3);
        Assert.Equal(-1.5, m.Kurtosis!.Value, 3);
    }
}
