using AudioAlchemy.Features;
using Xunit.Abstractions;

namespace AudioAlchemy.Tests.Features;

/// <summary>
/// ZCR, RMS, spectral centroid/bandwidth/rolloff parity with librosa 0.11. ZCR is integer counting on the same float32
/// samples, so it must be identical. RMS: librosa averages squares in float32, we in double: ≤ 1e-4 relative to the
/// array max (float32 accumulation over 2048 terms is ≈ 1e-5 relative). Centroid/bandwidth are float64 sums over
/// float32 normalised magnitudes: ≤ 1e-4 × max. Rolloff is a bin frequency chosen by a float32 running sum compared
/// with 0.85·total; we reproduce the float32 cumsum, so frames must agree except where the STFT magnitudes differ in the
/// last float32 bit at the exact crossing: we require ≥ 99.5% identical frames and every frame within one bin.
/// </summary>
public class FrameParityTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(FeatureFixture.All), MemberType = typeof(FeatureFixture))]
    public void ZeroCrossingRate_IsIdentical(string clip)
    {
        var f = FeatureFixture.Get(clip);
        var z = Feature.ZeroCrossingRate(f.Y, f.NFft, f.Hop);
        double err = Parity.MaxAbs(f.Npy("zcr"), z);
        output.WriteLine($"{clip} zcr max|diff| {err:G4}");
        Assert.Equal(0.0, err);
    }

    [Theory]
    [MemberData(nameof(FeatureFixture.All), MemberType = typeof(FeatureFixture))]
    public void Rms_MatchesLibrosa(string clip)
    {
        var f = FeatureFixture.Get(clip);
        var e = f.Npy("rms");
        var r = Feature.Rms(f.Y, f.NFft, f.Hop);
        double err = Parity.MaxAbs(e, r), max = Parity.MaxAbsValue(e);
        output.WriteLine($"{clip} rms max|diff| {err:G4} = {err / max:G3} of max");
        Assert.True(err <= 1e-4 * max);
    }

    [Theory]
    [MemberData(nameof(FeatureFixture.All), MemberType = typeof(FeatureFixture))]
    public void SpectralCentroidBandwidth_MatchLibrosa(string clip)
    {
        var f = FeatureFixture.Get(clip);
        var ctx = f.Context();
        var c = Feature.SpectralCentroid(ctx);
        var b = Feature.SpectralBandwidth(ctx, c);
        var ec = f.Npy("spectral_centroid");
        var eb = f.Npy("spectral_bandwidth");
        double errC = Parity.MaxAbs(ec, c), errB = Parity.MaxAbs(eb, b);
        double maxC = Parity.MaxAbsValue(ec), maxB = Parity.MaxAbsValue(eb);
        output.WriteLine($"{clip} centroid max|diff| {errC:G4} Hz ({errC / maxC:G3} of max), bandwidth {errB:G4} Hz ({errB / maxB:G3})");
        Assert.True(errC <= 1e-4 * maxC);
        Assert.True(errB <= 1e-4 * maxB);
    }

    [Theory]
    [MemberData(nameof(FeatureFixture.All), MemberType = typeof(FeatureFixture))]
    public void SpectralRolloff_MatchesLibrosa(string clip)
    {
        var f = FeatureFixture.Get(clip);
        var r = Feature.SpectralRolloff(f.Context());
        var e = f.Npy("spectral_rolloff");
        Assert.Equal(e.Count, r.Length);
        int same = 0;
        double worst = 0, binHz = f.Sr / f.NFft;
        for (int t = 0; t < r.Length; t++)
        {
            double d = Math.Abs(r[t] - e.Data[t]);
            if (d < 1e-9) same++;
            worst = Math.Max(worst, d);
        }
        output.WriteLine($"{clip} rolloff identical frames {same}/{r.Length}, max|diff| {worst:G4} Hz");
        Assert.True(same >= 0.995 * r.Length, $"{same}/{r.Length} identical");
        Assert.True(worst <= binHz + 1e-9);
    }
}
