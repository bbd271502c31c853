using AudioAlchemy.Audio;
using AudioAlchemy.Dsp;
using AudioAlchemy.Features;
using Xunit.Abstractions;

namespace AudioAlchemy.Tests.Features;

/// <summary>
/// feature.delta against librosa 0.11 (fixtures from tests/data/features/make_delta.py, applied to librosa's trumpet
/// MFCCs). scipy's savgol_filter works in float64 on the float32 input and returns float32; we fit in double too, so the
/// only difference is the last float32 rounding: ≤ 1e-4 absolute on values up to ~30.
/// </summary>
public class DeltaParityTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("trumpet_mfcc_delta1", 9, 1)]
    [InlineData("trumpet_mfcc_delta2", 9, 2)]
    [InlineData("trumpet_mfcc_delta1_w5", 5, 1)]
    public void Delta_MatchesLibrosa(string name, int width, int order)
    {
        var m = TestData.Npy("trumpet", "mfcc");
        var mfcc = new Matrix(m.Shape[0], m.Shape[1], m.ToFloat());
        var expected = Npy.Read(Path.Combine(TestData.Root, "features", name + ".npy"));
        var d = Feature.Delta(mfcc, width, order);
        double err = Parity.MaxAbs(expected, d.Data);
        output.WriteLine($"{name} max|diff| {err:G4} (max |value| {Parity.MaxAbsValue(expected):G4})");
        Assert.True(err <= 1e-4, $"delta error {err}");
    }

    [Fact]
    public void Delta_RejectsBadWidth()
    {
        var m = new Matrix(2, 20);
        Assert.Throws<ParameterException>(() => Feature.Delta(m, width: 4));
        Assert.Throws<ParameterException>(() => Feature.Delta(new Matrix(2, 5), width: 9));
    }
}
