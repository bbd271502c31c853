using AudioAlchemy.Audio;
using AudioAlchemy.Corpus;
using AudioAlchemy.Corpus.Synth;

namespace AudioAlchemy.Tests.Corpus;

/// <summary>Builds the tiny corpus (10 genres x 1 song x 4 s) twice with the same seed, once for all tests of this class.</summary>
public sealed class TinyCorpusFixture : IDisposable
{
    public TinyCorpusFixture()
    {
        First = new SynthOptions(Dir.File("a"), PerGenre: 1, Seconds: 4, Seed: 11);
        Second = First with { OutDir = Dir.File("b") };
        FirstReport = new CorpusSynthesizer(First).Run();
        SecondReport = new CorpusSynthesizer(Second).Run();
    }

    public TempDir Dir { get; } = TestData.TempDir();
    public SynthOptions First { get; }
    public SynthOptions Second { get; }
    public SynthReport FirstReport { get; }
    public SynthReport SecondReport { get; }

    public void Dispose() => Dir.Dispose();
}

public class CorpusSynthTests(TinyCorpusFixture tiny) : IClassFixture<TinyCorpusFixture>
{
    [Fact]
    public void TinyCorpusHasEveryGenreWithAllStemsAndAManifest()
    {
        Assert.Empty(tiny.FirstReport.Failed.Select(f => f.Error));
        Assert.Equal(10, tiny.FirstReport.Generated);
        var m = Manifest.Load(tiny.FirstReport.ManifestPath);
        Assert.Equal(GenreCatalog.Names, m.Rows.Select(r => r.Genre));
        var report = ManifestChecker.Check(m, new CheckOptions(new Dictionary<string, IReadOnlyList<string>>
        {
            ["genre"] = GenreCatalog.Names,
            ["language"] = LyricsBank.DefaultLanguages,
        }));
        Assert.Equal(10, report.Usable.Count);
        Assert.DoesNotContain(report.Problems, p => p.Kind != ManifestProblemKind.EmptyClass);
        foreach (var r in m.Rows)
        {
            Assert.True(r.HasStems);
            foreach (var p in new[] { r.Path, r.VocalsPath!, r.AccompanimentPath! })
            {
                var info = AudioFile.Info(p);
                Assert.Equal((22050, 1, 4L * 22050), (info.SampleRate, info.Channels, info.Frames));
            }
            Assert.NotNull(r.Key);
            Assert.Contains(r.Mode, new[] { "major", "minor" });
            Assert.NotNull(r.TempoBpm);
        }
        Assert.False(Directory.Exists(Path.Combine(tiny.First.OutDir, ".tmp")));
    }

    [Fact]
    public void SameSeedGivesBitIdenticalFiles()
    {
        Assert.Equal(10, tiny.SecondReport.Generated);
        foreach (var sub in new[] { "mixture", "vocals", "accompaniment", "midi" })
            foreach (var f in Directory.GetFiles(Path.Combine(tiny.First.OutDir, sub)))
            {
                var other = Path.Combine(tiny.Second.OutDir, sub, Path.GetFileName(f));
                Assert.True(File.ReadAllBytes(f).AsSpan().SequenceEqual(File.ReadAllBytes(other)), $"{sub}/{Path.GetFileName(f)} differs between runs");
            }
        Assert.Equal(File.ReadAllText(tiny.FirstReport.ManifestPath), File.ReadAllText(tiny.SecondReport.ManifestPath));
    }

    [Fact]
    public void MixtureIsVocalsPlusAccompanimentAndStemChecksPass()
    {
        foreach (var r in Manifest.Load(tiny.FirstReport.ManifestPath).Rows)
        {
            var s = StemChecker.Measure(r);
            Assert.Equal(0, s.MaxSumError); // float32 stems add up to the float32 mixture exactly
            Assert.True(s.MixturePeak <= Mixer.PeakLimit + 1e-6);
            Assert.True(s.VocalActiveFraction > 0.1, $"{r.Id}: vocals active in {s.VocalActiveFraction:P0}");
            Assert.True(s.AccompanimentRmsDb > -40, $"{r.Id}: accompaniment at {s.AccompanimentRmsDb} dBFS");
            Assert.InRange(s.VocalToAccompanimentDb, -8, 12);
        }
    }

    [Fact]
    public void CompleteSongsAreSkippedAndChangedOrMissingOnesRedone()
    {
        var dir = tiny.Dir.File("resume");
        var opts = new SynthOptions(dir, PerGenre: 1, Seconds: 3, Seed: 5, Genres: ["pop", "jazz"]);
        var first = new CorpusSynthesizer(opts).Run();
        Assert.Equal(2, first.Generated);
        var synth = new CorpusSynthesizer(opts);
        File.Delete(synth.PathsOf(synth.Plans[1]).Vocals);
        var again = synth.Run();
        Assert.Equal((1, 1), (again.Skipped, again.Generated));
        Assert.Equal(SongStatus.Skipped, again.Outcomes[0].Status);
        var changed = new CorpusSynthesizer(opts with { Seconds = 3.5 }).Run();
        Assert.Equal(2, changed.Generated);
        Assert.Equal(2, Manifest.Load(changed.ManifestPath).Rows.Count);
    }

    [Fact]
    public void FluidSynthRendersTheSameMidiToTheSameSamples()
    {
        var song = new MidiSong(480, 120, 4) { LengthTicks = 1920 };
        song.Programs[0] = 0;
        song.Add(0, 0, 900, 60, 100);
        song.Add(0, 480, 900, 67, 90);
        song.Add(9, 0, 60, 36, 110);
        song.Add(9, 960, 60, 38, 110);
        string midi = tiny.Dir.File("det.mid");
        SmfWriter.Write(midi, song);
        var r = new FluidSynthRenderer();
        var a = r.Render(midi, tiny.Dir.Path, 22050);
        var b = r.Render(midi, tiny.Dir.Path, 22050);
        Assert.True(a.Length >= 22050 * 2 - 10);
        Assert.True(a.Max(Math.Abs) > 0.01f);
        Assert.Equal(a, b);
    }

    [Fact]
    public void EveryLyricLineIsSpokenWithoutEnglishFallback()
    {
        foreach (var lang in LyricsBank.Languages)
        {
            string file = tiny.Dir.File($"lyrics.{lang}.txt");
            File.WriteAllLines(file, LyricsBank.For(lang));
            Assert.True(LyricsBank.For(lang).Count >= 12, lang);
            string phonemes = ExternalTool.Run("espeak-ng", ["-q", "-x", "-v", lang, "-f", file], TimeSpan.FromSeconds(60), "");
            Assert.False(phonemes.Contains("(en)"), $"{lang}: espeak-ng falls back to English: {phonemes}");
        }
    }
}
