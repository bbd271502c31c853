using AudioAlchemy.Audio;
using AudioAlchemy.Dsp;
using AudioAlchemy.Features;

namespace AudioAlchemy.Tests.Features;

/// <summary>
/// amplitude_to_db, rms(S=...), estimate_tuning(y=...) and the y-input spectral wrappers against librosa 0.11
/// (tests/data/features/make_db.py, on the first 16 frames of librosa's own |stft| of trumpet). dB: float32 log10 on
/// both sides, ≤ 1e-3 dB. RMS from S: float32 sums over 1025 bins vs double, ≤ 1e-5 relative.
/// </summary>
public class DecibelParityTests
{
    private static NpyArray Fixture(string name) => Npy.Read(Path.Combine(TestData.Root, "features", name + ".npy"));

    private static Matrix StftSlice()
    {
        var full = TestData.Npy("trumpet", "stft_mag");
        var m = new Matrix(full.Shape[0], 16);
        for (int k = 0; k < m.Rows; k++) for (int t = 0; t < 16; t++) m[k, t] = (float)full[k, t];
        return m;
    }

    [Fact]
    public void AmplitudeToDb_MatchesLibrosa()
    {
        var S = StftSlice();
        Assert.True(Parity.MaxAbs(Fixture("trumpet_amplitude_to_db_max_16"), Decibels.AmplitudeToDb(S, DbReference.Max).Data) <= 1e-3);
        Assert.True(Parity.MaxAbs(Fixture("trumpet_amplitude_to_db_16"), Decibels.AmplitudeToDb(S).Data) <= 1e-3);
    }

    [Fact]
    public void RmsFromSpectrogram_MatchesLibrosa()
    {
        var e = Fixture("trumpet_rms_from_S_16");
        Assert.True(Parity.MaxAbs(e, Feature.Rms(StftSlice())) <= 1e-5 * Parity.MaxAbsValue(e));
    }

    [Fact]
    public void EstimateTuningFromY_MatchesLibrosa()
        => Assert.Equal(Fixture("trumpet_estimate_tuning_y").Data[0], Tuning.EstimateTuning(FeatureFixture.Get("trumpet").Y), 9);

    [Fact]
    public void SpectralWrappersOnY_MatchLibrosa()
    {
        var f = FeatureFixture.Get("trumpet_sr16k");
        var c = Feature.SpectralCentroid(f.Y, f.Sr, f.NFft, f.Hop);
        Assert.True(Parity.MaxAbs(f.Npy("spectral_centroid"), c) <= 1e-4 * Parity.MaxAbsValue(f.Npy("spectral_centroid")));
        var b = Feature.SpectralBandwidth(f.Y, f.Sr, f.NFft, f.Hop);
        Assert.True(Parity.MaxAbs(f.Npy("spectral_bandwidth"), b) <= 1e-4 * Parity.MaxAbsValue(f.Npy("spectral_bandwidth")));
        Assert.Equal(0.0, Parity.MaxAbs(f.Npy("spectral_rolloff"), Feature.SpectralRolloff(f.Y, f.Sr, f.NFft, f.Hop)));
        var chroma = Feature.ChromaStft(f.Y, f.Sr, nFft: f.NFft, hopLength: f.Hop);
        Assert.True(Parity.MaxAbs(f.Npy("chroma_stft"), chroma.Data) <= 1e-4);
        var env = Onset.OnsetStrength(f.Y, f.Sr, f.NFft, f.Hop, nMels: f.NMels, fmin: f.Fmin, fmax: f.Fmax);
        Assert.True(Parity.MaxAbs(f.Npy("onset_env"), env) <= 1e-3 * Parity.MaxAbsValue(f.Npy("onset_env")));
    }
}
