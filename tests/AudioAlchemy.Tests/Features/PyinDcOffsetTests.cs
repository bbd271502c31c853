using AudioAlchemy.Features.Pitch;

namespace AudioAlchemy.Tests.Features;

/// <summary>
/// pyin on a clip with a large DC offset (trumpet + 0.35) against librosa 0.11 (fixture made by
/// tests/data/reference/pyin_dc/make_pyin_dc.py). With the offset, ACF(0) and ACF(k) are large and nearly equal;
/// the clips are the trumpet reference + 0.35 and a synthetic 800 Hz voice + 0.35 (the register of issue 14's clip).
/// </summary>
public class PyinDcOffsetTests
{
    private static string Dir => Path.Combine(TestData.Root, "reference", "pyin_dc");

    private static AudioAlchemy.Audio.NpyArray Read(string name) => AudioAlchemy.Audio.Npy.Read(Path.Combine(Dir, name + ".npy"));

    [Theory]
    [InlineData("y", "")]
    [InlineData("y_voice", "_voice")]
    public void PyinOnDcOffsetClipMatchesLibrosa(string input, string suffix)
    {
        var y = Read(input).ToFloat();
        Assert.InRange(y.Average(v => (double)v), 0.3, 0.4);
        AssertMatchesLibrosa(Pyin.Run(y), suffix);
    }

    /// <summary>
    /// A user's file: a gated 800 Hz voice + 0.35 as a 44100 Hz 16-bit WAV, loaded like <c>librosa.load(sr=22050)</c>
    /// and analysed. The loaded samples equal librosa's; the noise-only frames are where librosa's d(1) (which omits
    /// x[0]², see DifferenceFunction) decides whether a trough exists at period 10 or 11.
    /// </summary>
    [Fact]
    public void PyinOnA44100Pcm16DcFileLoadedAt22050MatchesLibrosa()
    {
        var y = AudioAlchemy.Audio.AudioFile.Load(Path.Combine(Dir, "voice_dc_44100.wav")).Samples;
        var yRef = Read("y_load").ToFloat();
        Assert.Equal(yRef.Length, y.Length);
        double worst = 0;
        for (int i = 0; i < y.Length; i++) worst = Math.Max(worst, Math.Abs(y[i] - yRef[i]));
        Assert.True(worst <= 1e-7, $"loaded samples differ from librosa.load by up to {worst:E2}");
        AssertMatchesLibrosa(Pyin.Run(y), "_load");
    }

    private static void AssertMatchesLibrosa(PyinResult r, string suffix)
    {
        var flagRef = Read("pyin_voiced_flag" + suffix).Data;
        var f0Ref = Read("pyin_f0" + suffix).Data;
        var probRef = Read("pyin_voiced_prob" + suffix).Data;
        Assert.Equal(flagRef.Length, r.F0.Length);
        int flagDiff = 0, f0Bad = 0;
        double probWorst = 0;
        for (int t = 0; t < flagRef.Length; t++)
        {
            bool vf = flagRef[t] != 0;
            if (vf != r.VoicedFlag[t]) flagDiff++;
            else if (vf && Math.Abs(r.F0[t] - f0Ref[t]) > 1e-6 * f0Ref[t]) f0Bad++;
            probWorst = Math.Max(probWorst, Math.Abs(r.VoicedProb[t] - probRef[t]));
        }
        Assert.True(flagDiff == 0, $"{flagDiff} of {flagRef.Length} voiced flags differ from librosa");
        Assert.True(f0Bad == 0, $"{f0Bad} voiced frames differ in f0 by more than 1e-6 relative");
        Assert.True(probWorst < 1e-6, $"voiced probability differs by up to {probWorst:E2}");
    }

    [Fact]
    public void OffsetChangesLibrosasAnswerSoTheFixtureIsNotTrivial()
    {
        var with = Read("pyin_voiced_flag").Data.Count(v => v != 0);
        var without = Read("pyin_voiced_flag_nodc").Data.Count(v => v != 0);
        Assert.NotEqual(with, without);
        var r = Pyin.Run(Read("y").ToFloat().Select(v => v - 0.35f).ToArray());
        Assert.True(Math.Abs(r.VoicedFlag.Count(v => v) - without) <= 2, $"{r.VoicedFlag.Count(v => v)} vs librosa {without} without the offset");
    }
}
