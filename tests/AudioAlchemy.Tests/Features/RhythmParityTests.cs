using AudioAlchemy.Features;
using Xunit.Abstractions;

namespace AudioAlchemy.Tests.Features;

/// <summary>
/// Chroma, onset strength, tempo and beats against librosa 0.11. Chroma: the estimated tuning must be librosa's exactly
/// (it is a histogram argmax on a 0.01 grid), then the chroma values are float32 filterbank products: ≤ 1e-4 absolute
/// (values are in [0, 1]). Onset envelope: mean of positive dB differences; dB agree to ~1e-5 dB, so ≤ 1e-3 × max.
/// Tempo (argmax over a discrete lag grid) and beat frames (a DP over frames) must be identical.
/// </summary>
public class RhythmParityTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(FeatureFixture.All), MemberType = typeof(FeatureFixture))]
    public void ChromaStft_MatchesLibrosa(string clip)
    {
        var f = FeatureFixture.Get(clip);
        var t = new ChromaStftTransform(new ChromaOptions(f.Sr), f.Stft);
        var chroma = t.Compute(f.Context());
        var e = f.Npy("chroma_stft");
        Parity.Shape(e, chroma);
        double err = Parity.MaxAbs(e, chroma.Data);
        output.WriteLine($"{clip} tuning {t.LastTuning:F2} (librosa {f.Tuning:F2}), chroma max|diff| {err:G4}");
        Assert.Equal(f.Tuning, t.LastTuning, 9);
        Assert.True(err <= 1e-4, $"chroma error {err}");
    }

    [Theory]
    [MemberData(nameof(FeatureFixture.All), MemberType = typeof(FeatureFixture))]
    public void OnsetStrength_MatchesLibrosa(string clip)
    {
        var f = FeatureFixture.Get(clip);
        var env = new OnsetStrengthTransform(new OnsetOptions(), f.Mel, f.Stft).Compute(f.Context());
        var e = f.Npy("onset_env");
        double err = Parity.MaxAbs(e, env), max = Parity.MaxAbsValue(e);
        output.WriteLine($"{clip} onset max|diff| {err:G4} = {err / max:G3} of max {max:G4}");
        Assert.True(err <= 1e-3 * max);
    }

    [Theory]
    [MemberData(nameof(FeatureFixture.All), MemberType = typeof(FeatureFixture))]
    public void Tempo_IsIdentical(string clip)
    {
        var f = FeatureFixture.Get(clip);
        var env = new OnsetStrengthTransform(new OnsetOptions(), f.Mel, f.Stft).Compute(f.Context());
        var tempo = new TempoEstimator(new TempoOptions(f.Sr, f.Hop)).Estimate(env);
        double expected = f.Npy("tempo").Data[0];
        output.WriteLine($"{clip} tempo {tempo[0]:F4} (librosa {expected:F4})");
        Assert.Single(tempo);
        Assert.Equal(expected, tempo[0], 9);
    }

    [Theory]
    [MemberData(nameof(FeatureFixture.All), MemberType = typeof(FeatureFixture))]
    public void BeatTrack_IsIdentical(string clip)
    {
        var f = FeatureFixture.Get(clip);
        var env = new OnsetStrengthTransform(new OnsetOptions(Aggregate: OnsetAggregate.Median), f.Mel, f.Stft).Compute(f.Context());
        var result = new BeatTracker(new BeatOptions(), f.Sr, f.Hop).Track(env);
        var beats = f.Npy("beats").Data.Select(v => (int)v).ToArray();
        double bt = f.Npy("beat_track_tempo").Data[0];
        output.WriteLine($"{clip} beats {result.Beats.Length} (librosa {beats.Length}), tempo {result.Tempo:F4} (librosa {bt:F4})");
        Assert.Equal(bt, result.Tempo, 9);
        Assert.Equal(beats, result.Beats);
    }
}
