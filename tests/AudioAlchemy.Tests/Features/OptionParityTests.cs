using AudioAlchemy.Audio;
using AudioAlchemy.Dsp;
using AudioAlchemy.Features;

namespace AudioAlchemy.Tests.Features;

/// <summary>
/// Non-default keyword arguments against librosa 0.11 on the trumpet clip (tests/data/features/make_options.py):
/// tempo per frame / custom prior, tempogram, onset lag/max_size/detrend/center, MFCC with lifter on an HTK mel,
/// beat_track tightness/trim/bpm, chroma n_chroma 24 with fixed tuning, uncentred ZCR/RMS, rolloff 0.99, bandwidth p=1.
/// Tolerances as in the default-parameter tests (same arithmetic); discrete outputs (tempo, beats, ZCR) identical.
/// </summary>
public class OptionParityTests
{
    private const int Sr = 22050;
    private static float[] Y => FeatureFixture.Get("trumpet").Y;

    private static NpyArray Fixture(string name) => Npy.Read(Path.Combine(TestData.Root, "features", name + ".npy"));

    private static void Close(NpyArray e, ReadOnlySpan<float> a, double rel) => Assert.True(Parity.MaxAbs(e, a) <= rel * Parity.MaxAbsValue(e), $"max |diff| {Parity.MaxAbs(e, a)}");

    private static void Close(NpyArray e, ReadOnlySpan<double> a, double rel) => Assert.True(Parity.MaxAbs(e, a) <= rel * Parity.MaxAbsValue(e), $"max |diff| {Parity.MaxAbs(e, a)}");

    [Fact]
    public void Tempo_PerFrame_And_CustomPrior()
    {
        var env = Onset.OnsetStrength(Y);
        Assert.Equal(Fixture("trumpet_tempo_per_frame").Data, Feature.Tempo(onsetEnvelope: env, aggregate: false));
        Assert.Equal(Fixture("trumpet_tempo_start90_std05_max200").Data[0], Feature.Tempo(onsetEnvelope: env, startBpm: 90, stdBpm: 0.5, maxTempo: 200)[0], 9);
    }

    [Fact]
    public void Tempogram_FirstFrames()
    {
        var e = Fixture("trumpet_tempogram_first10");   // (384, 10) float64
        var tg = Feature.TempogramOf(Onset.OnsetStrength(Y));
        Assert.Equal(e.Shape[0], tg.Rows);
        double worst = 0;
        for (int k = 0; k < e.Shape[0]; k++) for (int t = 0; t < e.Shape[1]; t++) worst = Math.Max(worst, Math.Abs(tg[k, t] - e[k, t]));
        Assert.True(worst <= 1e-6, $"tempogram max |diff| {worst}");   // values in [-1, 1], stored float32 here
    }

    [Fact]
    public void OnsetStrength_LagMaxSize_DetrendUncentred()
    {
        Close(Fixture("trumpet_onset_lag2_max3"), Onset.OnsetStrength(Y, lag: 2, maxSize: 3), 1e-3);
        Close(Fixture("trumpet_onset_detrend_nocenter"), Onset.OnsetStrength(Y, detrend: true, center: false), 1e-3);
    }

    [Fact]
    public void Mfcc_LifterOnHtkMel()
    {
        var e = Fixture("trumpet_mfcc_lifter22_htk40");
        var m = Feature.Mfcc(Y, nMfcc: 13, lifter: 22, htk: true, nMels: 40);
        Assert.True(Parity.MaxAbs(e, m.Data) <= 1e-2, $"max |diff| {Parity.MaxAbs(e, m.Data)}");
    }

    [Fact]
    public void BeatTrack_TightnessTrimBpm()
    {
        var env = Onset.OnsetStrength(Y, aggregate: OnsetAggregate.Median);
        var r = Beat.BeatTrack(onsetEnvelope: env, tightness: 400, trim: false);
        Assert.Equal(Fixture("trumpet_beats_tight400_notrim").Data.Select(v => (int)v), r.Beats);
        Assert.Equal(Fixture("trumpet_beats_tight400_notrim_bpm").Data[0], r.Tempo, 9);
        Assert.Equal(Fixture("trumpet_beats_bpm100").Data.Select(v => (int)v), Beat.BeatTrack(onsetEnvelope: env, bpm: 100).Beats);
    }

    [Fact]
    public void Chroma_24Bins_FixedTuning() => Assert.True(Parity.MaxAbs(Fixture("trumpet_chroma_tuning0_n24"), Feature.ChromaStft(Y, tuning: 0, nChroma: 24).Data) <= 1e-4);

    [Fact]
    public void ZcrRms_Uncentred()
    {
        Assert.Equal(0.0, Parity.MaxAbs(Fixture("trumpet_zcr_1024_256_nocenter"), Feature.ZeroCrossingRate(Y, 1024, 256, center: false)));
        Close(Fixture("trumpet_rms_1024_256_nocenter"), Feature.Rms(Y, 1024, 256, center: false), 1e-4);
    }

    [Fact]
    public void Rolloff099_BandwidthP1()
    {
        var e = Fixture("trumpet_rolloff_099_bandwidth_p1");   // (2, 230)
        int T = e.Shape[1];
        var ctx = new SpectralContext(Y);
        var ro = Feature.SpectralRolloff(ctx, 0.99);
        var bw = Feature.SpectralBandwidth(ctx, p: 1);
        double binHz = Sr / 2048.0, worstRo = 0, worstBw = 0, maxBw = 0;
        for (int t = 0; t < T; t++)
        {
            worstRo = Math.Max(worstRo, Math.Abs(ro[t] - e[0, t]));
            worstBw = Math.Max(worstBw, Math.Abs(bw[t] - e[1, t]));
            maxBw = Math.Max(maxBw, e[1, t]);
        }
        Assert.True(worstRo <= binHz, $"rolloff max |diff| {worstRo}");
        Assert.True(worstBw <= 1e-4 * maxBw, $"bandwidth max |diff| {worstBw}");
    }
}
