using AudioAlchemy.Audio;
using AudioAlchemy.Separation;

namespace AudioAlchemy.Tests.Separation;

public class DemucsSeparatorTests
{
    private const int Sr = 22050;

    /// <summary>Writes an executable shell script standing in for demucs. It checks the arguments, then runs <paramref name="body"/>
    /// with $model, $out, $in and $name set the way demucs would use them.</summary>
    private static string FakeDemucs(TempDir dir, string body)
    {
        string path = dir.File("demucs");
        File.WriteAllText(path, $$"""
            #!/bin/sh
            stems=""
            while [ $# -gt 0 ]; do
              case "$1" in
                -n) model="$2"; shift 2;;
                -o) out="$2"; shift 2;;
                --two-stems=*) stems="$1"; shift;;
                *) in="$1"; shift;;
              esac
            done
            [ "$stems" = "--two-stems=vocals" ] || { echo "missing --two-stems=vocals" >&2; exit 3; }
            name=$(basename "$in"); name="${name%.*}"
            {{body}}
            """.Replace("\r", ""));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    [UnixFact]
    public void TestDouble_LayoutIsParsed_ResampledAndFittedToInputLength()
    {
        using var dir = TestData.TempDir();
        // demucs writes 44.1 kHz stems; the adapter resamples to the input rate and fits the length.
        var v = TestData.Sine(440, 44100, 2.0, amp: 0.3);
        var a = TestData.Sine(110, 44100, 2.0, amp: 0.2);
        AudioFile.Save(dir.File("v.wav"), v, 44100, new SaveOptions(AudioEncoding.Float32));
        AudioFile.Save(dir.File("a.wav"), a, 44100, new SaveOptions(AudioEncoding.Float32));
        var exe = FakeDemucs(dir, $"""
            mkdir -p "$out/$model/$name"
            cp "{dir.File("v.wav")}" "$out/$model/$name/vocals.wav"
            cp "{dir.File("a.wav")}" "$out/$model/$name/no_vocals.wav"
            """);
        var mix = TestData.Sine(440, Sr, 2.0);
        var r = new DemucsSeparator(new DemucsOptions(exe, Model: "mdx_extra")).Separate(mix, Sr);
        Assert.Equal(mix.Length, r.Vocals.Length);
        Assert.Equal(mix.Length, r.Accompaniment.Length);
        var expectV = TestData.Sine(440, Sr, 2.0, amp: 0.3);
        var expectA = TestData.Sine(110, Sr, 2.0, amp: 0.2);
        Assert.True(SiSdr.Compute(expectV, r.Vocals) > 30, "vocals.wav read back as vocals");
        Assert.True(SiSdr.Compute(expectA, r.Accompaniment) > 30, "no_vocals.wav read back as accompaniment");
    }

    [UnixFact]
    public void TestDouble_MissingOutput_IsAClearError()
    {
        using var dir = TestData.TempDir();
        var exe = FakeDemucs(dir, """mkdir -p "$out/$model/$name" """);
        var e = Assert.Throws<AlchemyException>(() => new DemucsSeparator(new DemucsOptions(exe)).Separate(TestData.Sine(440, Sr, 0.5), Sr));
        Assert.Contains("did not write", e.Message);
        Assert.Contains("vocals.wav", e.Message);
    }

    [UnixFact]
    public void TestDouble_NonZeroExit_ReportsCodeAndStderrTail()
    {
        using var dir = TestData.TempDir();
        var exe = FakeDemucs(dir, """echo "RuntimeError: CUDA out of memory" >&2; exit 7""");
        var e = Assert.Throws<AlchemyException>(() => new DemucsSeparator(new DemucsOptions(exe)).Separate(TestData.Sine(440, Sr, 0.5), Sr));
        Assert.Contains("exit code 7", e.Message);
        Assert.Contains("CUDA out of memory", e.Message);
    }

    [UnixFact]
    public void TestDouble_Timeout_KillsAndReports()
    {
        using var dir = TestData.TempDir();
        var exe = FakeDemucs(dir, "sleep 30");
        var sep = new DemucsSeparator(new DemucsOptions(exe, Timeout: TimeSpan.FromMilliseconds(500)));
        var e = Assert.Throws<AlchemyException>(() => sep.Separate(TestData.Sine(440, Sr, 0.5), Sr));
        Assert.Contains("timed out", e.Message);
    }

    [Fact]
    public void MissingExecutable_IsAClearError()
    {
        var e = Assert.Throws<AlchemyException>(() => new DemucsSeparator(new DemucsOptions("/nonexistent/demucs")));
        Assert.Contains("/nonexistent/demucs", e.Message);
    }

    [DemucsFact]
    public void RealDemucs_SeparatesLoopAndGlide()
    {
        var (voc, acc, mix) = SyntheticMix.LoopAndGlide(Sr, 8);
        var r = new DemucsSeparator().Separate(mix, Sr);
        Assert.Equal(mix.Length, r.Vocals.Length);
        Assert.Equal(mix.Length, r.Accompaniment.Length);
        var sdr = BssEvalV4.Track([voc, acc], [r.Vocals, r.Accompaniment], Sr);
        Assert.All(sdr, s => Assert.False(double.IsNaN(s)));
    }
}
