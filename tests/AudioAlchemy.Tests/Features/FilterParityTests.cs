using AudioAlchemy.Audio;
using AudioAlchemy.Dsp;

namespace AudioAlchemy.Tests.Features;

/// <summary>
/// Filterbanks and unit conversions against librosa 0.11 (tests/data/features/make_filters.py). librosa builds them in
/// float64 and stores float32, as we do, so ≤ 1e-6 relative to the max (last-bit rounding of exp/log in the chroma).
/// </summary>
public class FilterParityTests
{
    private static NpyArray Fixture(string name) => Npy.Read(Path.Combine(TestData.Root, "features", name + ".npy"));

    private static void AssertClose(NpyArray e, Matrix a, double rel)
    {
        Parity.Shape(e, a);
        double err = Parity.MaxAbs(e, a.Data), max = Parity.MaxAbsValue(e);
        Assert.True(err <= rel * max, $"max |diff| {err} vs {rel} × {max}");
    }

    [Fact]
    public void MelHtk_MatchesLibrosa() => AssertClose(Fixture("mel_htk_sr16000_nfft512_n40"), Filters.Mel(16000, 512, 40, 20, 7000, htk: true), 1e-6);

    [Fact]
    public void MelUnnormalised_MatchesLibrosa() => AssertClose(Fixture("mel_nonorm_sr22050_nfft512_n40"), Filters.Mel(22050, 512, 40, norm: MelNorm.None), 1e-6);

    [Fact]
    public void Chroma_MatchesLibrosa() => AssertClose(Fixture("chroma_sr22050_nfft512_tuning-0.13"), Filters.Chroma(22050, 512, tuning: -0.13), 1e-6);

    [Fact]
    public void HzToMel_MatchesLibrosa()
    {
        var p = Fixture("hz_to_mel_points");
        for (int i = 0; i < p.Shape[0]; i++)
        {
            double hz = p[i, 0];
            Assert.Equal(p[i, 1], Units.HzToMel(hz), 12);
            Assert.Equal(p[i, 2], Units.HzToMel(hz, htk: true), 9);
            Assert.Equal(hz, Units.MelToHz(Units.HzToMel(hz)), 9);
            Assert.Equal(hz, Units.MelToHz(Units.HzToMel(hz, true), true), 9);
        }
    }

    [Fact]
    public void Grids_MatchNumpy()
    {
        var f = Units.FftFrequencies(22050, 2048);
        Assert.Equal(1025, f.Length);
        Assert.Equal(11025.0, f[^1], 9);
        Assert.Equal(new[] { 0.0, 0.25, 0.5, 0.75, 1.0 }, Units.Linspace(0, 1, 5));
        Assert.Equal(344, Units.TimeToFrames(8.0));
        var bpm = Units.TempoFrequencies(24);
        Assert.True(double.IsPositiveInfinity(bpm[0]));
        Assert.Equal(112.34714673913044, bpm[23], 9);
        Assert.Equal(440.0, Units.MidiToHz(69), 12);
        Assert.Equal(69.0, Units.HzToMidi(440), 12);
    }
}
