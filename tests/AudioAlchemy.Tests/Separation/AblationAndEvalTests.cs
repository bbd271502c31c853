using AudioAlchemy.Audio;
using AudioAlchemy.Corpus;
using AudioAlchemy.Corpus.Batch;
using AudioAlchemy.Separation;

namespace AudioAlchemy.Tests.Separation;

public class AblationAndEvalTests
{
    private const int Sr = 22050;

    /// <summary>Writes two generated songs (mixture + stems), one missing file, and a manifest; returns the manifest path.</summary>
    private static string TinyCorpus(TempDir dir)
    {
        var lines = new List<string> { "id,path,vocals_path,accompaniment_path,genre,language" };
        for (int s = 0; s < 2; s++)
        {
            var (v, a, m) = SyntheticMix.LoopAndGlide(Sr, 6, seed: s + 1);
            var fmt = new SaveOptions(AudioEncoding.Float32);
            AudioFile.Save(dir.File($"mix{s}.wav"), m, Sr, fmt);
            AudioFile.Save(dir.File($"voc{s}.wav"), v, Sr, fmt);
            AudioFile.Save(dir.File($"acc{s}.wav"), a, Sr, fmt);
            lines.Add($"song{s},mix{s}.wav,voc{s}.wav,acc{s}.wav,rock,en");
        }
        File.WriteAllText(dir.File("bad.wav"), "not audio");
        lines.Add("broken,bad.wav,voc0.wav,acc0.wav,rock,en");
        File.WriteAllLines(dir.File("manifest.csv"), lines);
        return dir.File("manifest.csv");
    }

    /// <summary>Counts how often it separates, to prove the cache.</summary>
    private sealed class CountingSeparator(RepetSimSeparator inner) : ISeparator
    {
        public static int Calls;
        public string Settings => inner.Settings;
        public SeparationResult Separate(float[] mixture, int sampleRate) { Interlocked.Increment(ref Calls); return inner.Separate(mixture, sampleRate); }
    }

    /// <summary>Throws a native-style failure on the calls whose number (over all instances) is in <see cref="FailOn"/>.</summary>
    private sealed class FlakySeparator(RepetSimSeparator inner, Func<int, bool> failOn) : ISeparator, IDisposable
    {
        private static int calls;
        public static int Disposed;
        public static void Reset() { calls = 0; Disposed = 0; }
        public string Settings => inner.Settings;
        public SeparationResult Separate(float[] mixture, int sampleRate) =>
            failOn(Interlocked.Increment(ref calls)) ? throw new System.Runtime.InteropServices.ExternalException("Expected false to be true\nframe #0: c10::Error") : inner.Separate(mixture, sampleRate);
        public void Dispose() => Interlocked.Increment(ref Disposed);
    }

    [Fact]
    public void Ablate_NativeSeparatorFailure_IsRetriedOnceWithANewInstance_ThenTheRowIsSkipped()
    {
        using var dir = TestData.TempDir();
        var manifest = Manifest.Load(TinyCorpus(dir));
        var repet = new RepetSimSeparator(new RepetSimOptions(MaxThreads: 1));
        FlakySeparator.Reset();
        // the first separation call fails once: the retry with a fresh instance succeeds, both songs are kept
        var once = new AblationBuilder(() => new FlakySeparator(repet, n => n == 1), new AblationOptions(dir.File("abl1"), ParallelFiles: 1)).Build(manifest);
        Assert.Equal(2, once.Separated);
        Assert.DoesNotContain(once.Skipped, s => s.Id.StartsWith("song", StringComparison.Ordinal));
        Assert.True(FlakySeparator.Disposed >= 2, "the failed instance and the last worker's instance are disposed");
        // always failing: the songs are skipped with the reason, the batch finishes and writes its manifest
        var never = new AblationBuilder(() => new FlakySeparator(repet, _ => true), new AblationOptions(dir.File("abl2"), ParallelFiles: 1)).Build(manifest);
        Assert.Equal(0, never.Separated);
        var skipped = never.Skipped.Where(s => s.Id.StartsWith("song", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, skipped.Count);
        Assert.All(skipped, s => Assert.Contains("the separator failed twice (Expected false to be true; then Expected false to be true)", s.Reason));
        Assert.True(File.Exists(never.ManifestPath));
    }

    [Fact]
    public void Ablate_WritesThreeTypesPerSong_SkipsBadFile_AndResumesFromCache()
    {
        using var dir = TestData.TempDir();
        var manifest = Manifest.Load(TinyCorpus(dir));
        var opts = new AblationOptions(dir.File("ablation"), Sr, ParallelFiles: 2);
        CountingSeparator.Calls = 0;
        var builder = new AblationBuilder(() => new CountingSeparator(new RepetSimSeparator(new RepetSimOptions(MaxThreads: 1))), opts);
        var first = builder.Build(manifest);
        Assert.Equal(2, first.Separated);
        Assert.Equal(0, first.Cached);
        var skipped = Assert.Single(first.Skipped);
        Assert.Equal("broken", skipped.Id);
        Assert.Contains("bad.wav", skipped.Reason);

        var ablated = Manifest.Load(first.ManifestPath);
        Assert.Equal(6, ablated.Rows.Count);
        Assert.Equal(["0", "1", "2", "0", "1", "2"], ablated.Rows.Select(r => r.TrackType));
        Assert.Equal(["song0_full", "song0_vocals", "song0_no_vocals"], ablated.Rows.Take(3).Select(r => r.Id));
        Assert.All(ablated.Rows, r => Assert.Equal("rock", r.Genre));
        Assert.Equal("song1", ablated.Rows[4].Label("source_id"));
        foreach (var r in ablated.Rows)
        {
            var info = AudioFile.Info(r.Path);
            Assert.Equal(Sr, info.SampleRate);
            Assert.Equal(6 * Sr, AudioFile.Load(r.Path, sr: null).Length);
        }

        // Resume: drop one stem of song 1; a second run redoes only that song, the other comes from the cache.
        File.Delete(ablated.Rows[4].Path);
        var second = builder.Build(manifest);
        Assert.Equal(1, second.Separated);
        Assert.Equal(1, second.Cached);
        Assert.Equal(3, CountingSeparator.Calls);

        // The stems live in the content-addressed layout under the output folder; other settings → another folder.
        Assert.StartsWith(Path.Combine(dir.File("ablation"), AblationBuilder.Stage) + Path.DirectorySeparatorChar, Path.GetFullPath(ablated.Rows[0].Path));
        Assert.Equal(builder.StemFolder(manifest.Rows[0].Path), Path.GetDirectoryName(Path.GetFullPath(ablated.Rows[0].Path)));
        var other = new AblationBuilder(() => new RepetSimSeparator(new RepetSimOptions(MarginVocals: 3)), opts);
        Assert.NotEqual(builder.StemFolder(manifest.Rows[0].Path), other.StemFolder(manifest.Rows[0].Path));
    }

    [Fact]
    public void IdealMask_IsTheOracleCeiling_GivenTheStems_AndRefusesToRunWithout()
    {
        using var dir = TestData.TempDir();
        var manifest = Manifest.Load(TinyCorpus(dir));
        var repet = new SeparationEvaluator(() => new RepetSimSeparator(new RepetSimOptions(MaxThreads: 1)), Sr, parallelFiles: 1).Evaluate(manifest);
        var ideal = new SeparationEvaluator(() => new IdealMaskSeparator(512, 128, 2), Sr, parallelFiles: 1).Evaluate(manifest);
        Assert.Equal(2, ideal.Tracks.Count);
        for (int i = 0; i < ideal.Tracks.Count; i++)
            Assert.True(ideal.Tracks[i].Separator.VocalsSdr > repet.Tracks[i].Separator.VocalsSdr + 3,
                $"{ideal.Tracks[i].Id}: oracle {ideal.Tracks[i].Separator.VocalsSdr:0.0} dB vs REPET-SIM {repet.Tracks[i].Separator.VocalsSdr:0.0} dB");
        // All-vocal mixture: mask 1 everywhere, so the reconstruction is the mixture itself.
        var y = TestData.Sine(440, Sr, 1.0);
        var r = new IdealMaskSeparator(512, 128, 1).Separate(y, y, new float[y.Length], Sr);
        for (int i = 0; i < y.Length; i++) Assert.True(Math.Abs(r.Vocals[i] - y[i]) < 1e-5, $"sample {i}");
        Assert.All(r.Accompaniment, v => Assert.True(Math.Abs(v) < 1e-5));
        var e = Assert.Throws<AlchemyException>(() => new IdealMaskSeparator().Separate(y, Sr));
        Assert.Contains("true stems", e.Message);
    }

    [Fact]
    public void Evaluate_ScoresSeparatorAndBaselines_WritesCsv()
    {
        using var dir = TestData.TempDir();
        var manifest = Manifest.Load(TinyCorpus(dir));
        var run = new SeparationEvaluator(() => new RepetSimSeparator(new RepetSimOptions(MaxThreads: 1)), Sr, parallelFiles: 2).Evaluate(manifest);
        Assert.Equal(2, run.Tracks.Count);
        Assert.Equal("broken", Assert.Single(run.Skipped).Id);
        foreach (var t in run.Tracks)
        {
            Assert.True(t.Separator.VocalsSdr > t.Mixture.VocalsSdr + 6, $"{t.Id}: {t.Separator.VocalsSdr} vs {t.Mixture.VocalsSdr}");
            Assert.Equal(0.0, t.Silence.VocalsSdr, 9);
            Assert.Equal(double.NegativeInfinity, t.Silence.VocalsSiSdr);
            Assert.Equal(6.0, t.AudioSeconds, 6);
        }
        string csv = dir.File("out/eval.csv");
        SeparationEvaluator.WriteCsv(csv, run.Tracks);
        var lines = File.ReadAllLines(csv);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("id,audio_seconds,separate_seconds,sep_vocals_sdr", lines[0]);
        Assert.Contains(",-inf", lines[1]);
        Assert.Empty(Directory.GetFiles(dir.File("out"), "*.tmp"));
    }
}
