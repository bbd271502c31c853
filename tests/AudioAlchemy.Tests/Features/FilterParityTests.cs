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

/// <summary>Note names, values from librosa 0.11 (note_to_midi/note_to_hz/midi_to_note on the oracle).</summary>
public class NoteTests
{
    [Theory]
    [InlineData("C#4", 61)] [InlineData("Db4", 61)] [InlineData("E-1", 4)] [InlineData("B♭3", 58)]
    [InlineData("F##2", 43)] [InlineData("G!5", 78)] [InlineData("A4+25", 69)] [InlineData("A4-10", 69)]
    public void NoteToMidi_MatchesLibrosa(string note, int midi) => Assert.Equal(midi, Notes.NoteToMidi(note));

    [Fact]
    public void NoteToHz_And_MidiToNote_MatchLibrosa()
    {
        Assert.Equal(65.40639132514966, Notes.NoteToHz("C2"), 12);
        Assert.Equal(2093.004522404789, Notes.NoteToHz("C7"), 10);
        Assert.Equal(Defaults.PitchFmin, Notes.NoteToHz("C2"), 12);
        Assert.Equal(69.25, Notes.NoteToMidi("A4+25", roundMidi: false), 12);
        Assert.Equal(new[] { "C4", "C♯4", "A♯4", "A-1", "G9" }, new[] { 60, 61, 70, -3, 127 }.Select(m => Notes.MidiToNote(m)));
        Assert.Equal("C#4", Notes.MidiToNote(61, unicode: false));
        Assert.Equal("A4", Notes.HzToNote(440));
        Assert.Equal("C♯4+30", Notes.MidiToNote(61.3, cents: true));
        Assert.Throws<ParameterException>(() => Notes.NoteToMidi("H2"));
    }
}
