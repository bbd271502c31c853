using AudioAlchemy.Dsp;
using AudioAlchemy.Features;
using Xunit.Abstractions;

namespace AudioAlchemy.Tests.Features;

/// <summary>
/// Mel spectrogram, dB, MFCC, STFT (non-default n_fft) parity with librosa 0.11 on every fixture folder.
/// Tolerances: librosa computes these in float32 (BLAS sgemm for the mel product, float32 log10, pocketfft float32
/// DCT); we accumulate in float32 SIMD lanes or double. The differences are float32 rounding (≈ 1e-7 relative per
/// operation, summed over ≤ 1025 terms), so: mel ≤ 1e-4 × max (mel is a non-negative sum, rounding is relative);
/// dB ≤ 1e-3 dB (10·log10 of a 1e-6 relative error is 4e-6 dB; 1e-3 also covers bins at the −80 dB clamp, whose
/// value depends on the max); MFCC ≤ 0.01 (a 128-term DCT of dB values up to ~100 with 1e-3 dB noise).
/// </summary>
public class SpectralParityTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(FeatureFixture.All), MemberType = typeof(FeatureFixture))]
    public void MelSpectrogram_MatchesLibrosa(string clip)
    {
        var f = FeatureFixture.Get(clip);
        var expected = f.Npy("mel");
        var mel = new MelSpectrogramTransform(f.Mel, f.Stft).Compute(f.Context());
        Parity.Shape(expected, mel);
        double err = Parity.MaxAbs(expected, mel.Data), max = Parity.MaxAbsValue(expected);
        output.WriteLine($"{clip} mel max|diff| {err:G4} = {err / max:G3} of max {max:G4}");
        Assert.True(err <= 1e-4 * max, $"mel error {err} > 1e-4 × {max}");
    }

    [Theory]
    [MemberData(nameof(FeatureFixture.All), MemberType = typeof(FeatureFixture))]
    public void PowerToDb_MatchesLibrosa(string clip)
    {
        var f = FeatureFixture.Get(clip);
        var mel = new MelSpectrogramTransform(f.Mel, f.Stft).Compute(f.Context());
        var db = Decibels.PowerToDb(mel);
        var dbMax = Decibels.PowerToDb(mel, DbReference.Max);
        double e1 = Parity.MaxAbs(f.Npy("mel_db"), db.Data), e2 = Parity.MaxAbs(f.Npy("mel_db_max"), dbMax.Data);
        output.WriteLine($"{clip} mel_db max|diff| {e1:G4} dB, mel_db_max {e2:G4} dB");
        Assert.True(e1 <= 1e-3, $"mel_db error {e1} dB");
        Assert.True(e2 <= 1e-3, $"mel_db_max error {e2} dB");
    }

    [Theory]
    [MemberData(nameof(FeatureFixture.All), MemberType = typeof(FeatureFixture))]
    public void Mfcc_MatchesLibrosa(string clip)
    {
        var f = FeatureFixture.Get(clip);
        var expected = f.Npy("mfcc");
        var mfcc = new MfccTransform(new MfccOptions(f.NMfcc), f.Mel, f.Stft).Compute(f.Context());
        Parity.Shape(expected, mfcc);
        double err = Parity.MaxAbs(expected, mfcc.Data);
        output.WriteLine($"{clip} mfcc max|diff| {err:G4}");
        Assert.True(err <= 1e-2, $"mfcc error {err}");
    }

    [Fact]
    public void Stft_NonDefaultNfft_MatchesLibrosa()
    {
        var f = FeatureFixture.Get("trumpet_sr16k");
        var expected = f.Npy("stft_mag");
        var mag = f.Context().Magnitude;
        Parity.Shape(expected, mag);
        double err = Parity.MaxAbs(expected, mag.Data), max = Parity.MaxAbsValue(expected);
        output.WriteLine($"stft_mag (n_fft 1024) max|diff| {err:G4} = {err / max:G3} of max");
        Assert.True(err <= 1e-4 * max);
    }

    [Fact]
    public void StaticWrappers_EqualTransforms()
    {
        var f = FeatureFixture.Get("trumpet");
        var viaStatic = Feature.MelSpectrogram(f.Y);
        var viaTransform = new MelSpectrogramTransform().Compute(f.Y);
        Assert.Equal(viaTransform.Data, viaStatic.Data);
        var mfcc = Feature.Mfcc(f.Y, nMfcc: 13);
        Assert.Equal(13, mfcc.Rows);
        Assert.Equal(new MfccTransform(new MfccOptions(13)).Compute(f.Y).Data, mfcc.Data);
    }
}

/// <summary>The bundled transforms give the same arrays as the individual parity-tested ones, on a non-default set.</summary>
public class FeatureTransformsTests
{
    [Fact]
    public void Bundle_MatchesLibrosaFixtures()
    {
        var f = FeatureFixture.Get("nutcracker10_sr16k");
        var tr = new FeatureTransforms(new Table1Options(f.Sr, f.NFft, f.Hop, f.NMels, f.Fmin, f.Fmax, f.NMfcc));
        var ctx = tr.Context(f.Y);
        Assert.True(Parity.MaxAbs(f.Npy("mfcc"), tr.Mfcc.Compute(ctx).Data) <= 1e-2);
        Assert.True(Parity.MaxAbs(f.Npy("onset_env"), tr.Onset.Compute(ctx)) <= 1e-3 * Parity.MaxAbsValue(f.Npy("onset_env")));
        Assert.Equal(f.Npy("tempo").Data[0], tr.TempoOf(ctx), 9);
        Assert.Equal(f.Npy("beats").Data.Select(v => (int)v).ToArray(), tr.BeatTrack(ctx).Beats);
        Assert.True(Parity.MaxAbs(f.Npy("chroma_stft"), tr.Chroma.Compute(ctx).Data) <= 1e-4);
        Assert.Equal(0.0, Parity.MaxAbs(f.Npy("zcr"), tr.ZeroCrossingRate(ctx)));
        // the same context reused: mel computed once and shared (same instance)
        Assert.Same(tr.Mel.Compute(ctx), tr.Mel.Compute(ctx));
    }
}
