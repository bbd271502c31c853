using AudioAlchemy.Dsp;
using AudioAlchemy.Features;

namespace AudioAlchemy.Tests.Features;

/// <summary>Properties on generated signals: a click track gives its tempo and beat spacing; silence gives no NaN and librosa's zero conventions.</summary>
public class PropertyTests
{
    /// <summary>Decaying 1 kHz bursts (20 ms) every 60/bpm seconds, starting at <paramref name="start"/> s.</summary>
    private static float[] ClickTrack(int sr, double bpm, double seconds, double start = 0.25)
    {
        var y = new float[(int)(sr * seconds)];
        int len = (int)(0.02 * sr);
        for (double t0 = start; t0 < seconds; t0 += 60.0 / bpm)
        {
            int s = (int)Math.Round(t0 * sr);
            for (int i = 0; i < len && s + i < y.Length; i++)
                y[s + i] += (float)(0.8 * Math.Exp(-i / (0.004 * sr)) * Math.Sin(2 * Math.PI * 1000 * i / sr));
        }
        return y;
    }

    [Fact]
    public void ClickTrack120_TempoIs120_AndBeatsHalfSecondApart()
    {
        // hop 441 at 22050 Hz = 50 frames/s, so 120 BPM is exactly lag 25 of the tempogram (with hop 512 the nearest
        // lags are 117.45 and 123.05 BPM).
        const int sr = 22050, hop = 441;
        var y = ClickTrack(sr, 120, 20);
        var env = Onset.OnsetStrength(y, sr, hopLength: hop);
        var tempo = Feature.Tempo(onsetEnvelope: env, sr: sr, hopLength: hop);
        Assert.Equal(120.0, tempo[0], 9);
        var beats = Beat.BeatTrack(y, sr, hopLength: hop);
        Assert.Equal(120.0, beats.Tempo, 9);
        Assert.True(beats.Beats.Length >= 35, $"only {beats.Beats.Length} beats");
        for (int i = 1; i < beats.Beats.Length; i++)
            Assert.Equal(0.5, Units.FramesToTime(beats.Beats[i] - beats.Beats[i - 1], sr, hop), 9);
        // every beat sits on a click (onset frames ≈ click time, ±1 frame)
        foreach (var b in beats.Beats)
        {
            double t = Units.FramesToTime(b, sr, hop), phase = (t - 0.25) / 0.5;
            Assert.True(Math.Abs(phase - Math.Round(phase)) * 0.5 <= 1.5 / 50, $"beat at {t} s is off the click grid");
        }
    }

    [Fact]
    public void ClickTrack120_DefaultHop_TempoIsNearestLag()
    {
        var y = ClickTrack(22050, 120, 20);
        var tempo = Feature.Tempo(y);
        Assert.Contains(tempo[0], new[] { 60 * 22050 / (512.0 * 21), 60 * 22050 / (512.0 * 22) });
    }

    [Fact]
    public void Silence_NoNaN_AndLibrosaConventions()
    {
        var y = new float[22050 * 3];
        var ctx = new SpectralContext(y);
        var mel = new MelSpectrogramTransform().Compute(ctx);
        Assert.All(mel.Data, v => Assert.Equal(0f, v));
        var db = Decibels.PowerToDb(mel);
        Assert.All(db.Data, v => Assert.Equal(-100f, v));   // 10·log10(amin)
        var mfcc = new MfccTransform(new MfccOptions(13)).Compute(ctx);
        Assert.All(mfcc.Data, v => Assert.True(float.IsFinite(v)));
        Assert.All(Feature.Rms(y), v => Assert.Equal(0f, v));
        Assert.All(Feature.ZeroCrossingRate(y), v => Assert.Equal(0.0, v));
        Assert.All(Feature.SpectralCentroid(ctx), v => Assert.Equal(0.0, v));
        Assert.All(Feature.SpectralBandwidth(ctx), v => Assert.Equal(0.0, v));
        Assert.All(Feature.SpectralRolloff(ctx), v => Assert.Equal(0.0, v));
        var chroma = new ChromaStftTransform();
        Assert.All(chroma.Compute(ctx).Data, v => Assert.Equal(0f, v));
        Assert.Equal(0.0, chroma.LastTuning);
        var env = new OnsetStrengthTransform().Compute(ctx);
        Assert.All(env, v => Assert.Equal(0f, v));
        var tempo = Feature.Tempo(onsetEnvelope: env);
        Assert.True(double.IsFinite(tempo[0]));
        var beats = Beat.BeatTrack(onsetEnvelope: env);
        Assert.Equal(0.0, beats.Tempo);
        Assert.Empty(beats.Beats);
        var img = MelImage.Normalize(mel);
        Assert.All(img.Data, v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Sine440_ChromaPeaksAtA_AndCentroidNear440()
    {
        var y = TestData.Sine(440, 22050, 2.0);
        var ctx = new SpectralContext(y);
        var chroma = new ChromaStftTransform().Compute(ctx);
        int mid = chroma.Cols / 2;
        int best = 0;
        for (int c = 1; c < 12; c++) if (chroma[c, mid] > chroma[best, mid]) best = c;
        Assert.Equal(9, best);   // A
        var centroid = Feature.SpectralCentroid(ctx);
        Assert.InRange(centroid[mid], 430, 450);
    }

    [Fact]
    public void BadParameters_AreRejectedWithTheirNames()
    {
        var e = Assert.Throws<ParameterException>(() => new MelOptions(NMels: 0).Validate());
        Assert.Contains("n_mels", e.Message);
        Assert.Contains("fmin", Assert.Throws<ParameterException>(() => new MelOptions(Fmin: 9000, Fmax: 8000).Validate()).Message);
        Assert.Contains("dct_type", Assert.Throws<ParameterException>(() => new MfccOptions(DctType: 3).Validate()).Message);
        Assert.Contains("tightness", Assert.Throws<ParameterException>(() => new BeatOptions(Tightness: 0).Validate()).Message);
        Assert.Contains("roll_percent", Assert.Throws<ParameterException>(() => Feature.SpectralRolloff(new Matrix(3, 2), rollPercent: 1.5)).Message);
        Assert.Throws<AlchemyException>(() => new SpectralContext([0f, float.NaN]));
    }
}
