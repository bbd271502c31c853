using AudioAlchemy.Corpus.Frames;
using AudioAlchemy.Corpus.Synth;
using AudioAlchemy.Experiments;
using AudioAlchemy.Corpus.Batch;
using AudioAlchemy.Features.Frames;
using AudioAlchemy.Models;
using Xunit.Abstractions;

namespace AudioAlchemy.Tests.Corpus;

/// <summary>
/// End to end on a tiny synthesised corpus where language is recognisable (3 languages × 6 songs × 8 s, espeak voices):
/// frame table → GMM-UBM cross-validation on the true vocal stems, well above chance; the cache makes the rerun
/// instant; a silent file gets a note instead of frames; the Parquet table reads back identically.
/// </summary>
public class FrameBatchTests(ITestOutputHelper output)
{
    [Fact]
    public void TinyCorpus_FramesToGmmUbm_RecognisesLanguage()
    {
        using var tmp = TestData.TempDir();
        var opts = new SynthOptions(tmp.File("corpus"), PerGenre: 9, Seconds: 8, Seed: 5, Genres: ["pop", "country"], Languages: ["en", "ru", "ko"]);
        new CorpusSynthesizer(opts).Run();
        var m = CorpusManifestAdapter.Load(Path.Combine(opts.OutDir, "manifest.csv"));
        var jobs = m.Jobs.Where(j => j.TrackType == 1).ToList();
        Assert.Equal(18, jobs.Count);
        // A silent file in the batch: a note, no frames, no failure.
        string silent = tmp.File("silent.wav");
        AudioAlchemy.Audio.AudioFile.Save(silent, new float[22050], 22050);
        var all = jobs.Append(new FeatureJob("silent", 1, silent, Language: "en", Artist: "x")).ToList();
        var bo = new FrameBatchOptions(new FrameFeatureOptions(), tmp.File("cache"));
        var r = FrameBatch.Run(all, bo);
        Assert.Empty(r.Failures);
        var empty = Assert.Single(r.Empty);
        Assert.Equal("silent", empty.Job.TrackId);
        Assert.Contains("silent", empty.Features.Note);
        var again = FrameBatch.Run(all, bo);
        Assert.All(again.WithFrames, x => Assert.True(x.FromCache));
        Assert.Equal(r.WithFrames.Select(x => x.Features.Frames.Length), again.WithFrames.Select(x => x.Features.Frames.Length));

        string path = tmp.File("frames.parquet");
        long rows = FrameTableFile.Save(r.Results, path);
        var table = FrameTable.Load(path, "track_id", "track_type", new StudyColumns().Metadata);
        Assert.Equal(18, table.Count);
        Assert.Equal(rows, jobs.Sum(j => (long)table.Get(j.TrackId, "1")!.Length));
        var first = r.Results[0];
        Assert.Equal(first.Features.Frames[5], table.Get(first.Job.TrackId, "1")![5]);

        var tracks = jobs.Select(j => table.Get(j.TrackId, "1")!).ToArray();
        var data = new Dataset(jobs.Select(_ => new float[] { 0 }).ToArray(), jobs.Select(j => j.Language!).ToArray(),
            jobs.Select(j => j.Artist ?? j.TrackId).ToArray(), jobs.Select(j => j.TrackId).ToArray(), ["x"]);
        var cv = new FrameDataset(data, tracks).CrossValidate(new GmmUbmOptions(new GmmOptions(Components: 8, MaxIterations: 15)),
            new StratifiedKFold(3, Shuffle: true, Seed: 0));
        double f1 = cv.Result.Pooled.Macro.F1;
        output.WriteLine($"tiny corpus, true vocals, GMM-UBM 3-fold macro-F1 {f1:0.000} (chance 0.333); {rows} frames");
        // Observed 0.837 and 0.595 on two runs with the same frame count (see docs/language-id.md); 0.5 is 1.5x chance.
        Assert.True(f1 >= 0.5, $"macro-F1 {f1}");
    }
}
