using AudioAlchemy.Corpus;
using AudioAlchemy.Corpus.Batch;
using AudioAlchemy.Features;
using Parquet.Serialization;

namespace AudioAlchemy.Tests.Features;

/// <summary>Corpus extraction: manifest reading, bad files skipped, cache hit on rerun, CSV and Parquet tables.</summary>
public class FeatureBatchTests
{
    [Fact]
    public async Task Run_SkipsBadFiles_CachesAndWritesTables()
    {
        using var dir = TestData.TempDir();
        File.WriteAllText(dir.File("bad.ogg"), "not audio");
        var sine = TestData.Sine(440, 22050, 1.5);
        AudioAlchemy.Audio.AudioFile.Save(dir.File("tone.wav"), sine, 22050);
        // A different file for the vocals stem: identical content would share one cache entry (keyed by content),
        // and which of the two parallel jobs computes it first would be a race.
        AudioAlchemy.Audio.AudioFile.Save(dir.File("tone_vocals.wav"), TestData.Sine(550, 22050, 1.5), 22050);
        File.WriteAllText(dir.File("m.csv"),
            "id,path,track_type,genre,language,artist,vocals_path\n" +
            "tone,tone.wav,0,test,xx,\"Doe, J\",tone_vocals.wav\n" +
            "bad,bad.ogg,0,test,,,\n" +
            "gone,missing.wav,0,test,,,\n" +
            "oops,tone.wav,7,test,,,\n");
        var m = CorpusManifestAdapter.Load(dir.File("m.csv"));
        Assert.Equal(4, m.Jobs.Count); // tone ×2 (track types 0 and 1), bad, gone
        Assert.Single(m.Problems); // track_type 7
        Assert.Equal("Doe, J", m.Jobs[0].Artist);

        var options = new FeatureBatchOptions(new Table1Options(), dir.File("cache"), Parallelism: 2);
        var (results, failures) = FeatureBatch.Run(m.Jobs, options);
        Assert.Equal(2, results.Count);
        Assert.Equal(2, failures.Count);
        Assert.Contains(failures, f => f.Job.TrackId == "bad");
        Assert.Contains(failures, f => f.Job.TrackId == "gone" && f.Error.Contains("not found"));
        Assert.All(results, r => Assert.False(r.FromCache));
        Assert.Equal(440, results[0].Summary.FundamentalFreq!.Value, 440 * 0.01);

        var (again, _) = FeatureBatch.Run(m.Jobs, options);
        Assert.All(again, r => Assert.True(r.FromCache));
        Assert.Equal(results[0].Summary.FundamentalFreq, again[0].Summary.FundamentalFreq);
        Assert.Equal(results[0].Summary.MfccMean, again[0].Summary.MfccMean);

        FeatureTable.Save(again, dir.File("out.csv"), 13);
        var lines = File.ReadAllLines(dir.File("out.csv"));
        Assert.Equal(3, lines.Length);
        Assert.Equal(FeatureTable.ColumnNames(13), lines[0].Split(','));
        Assert.Contains("mfcc_std_12", lines[0]);

        FeatureTable.Save(again, dir.File("out.parquet"), 13);
        await using var fs = File.OpenRead(dir.File("out.parquet"));
        var back = await ParquetSerializer.DeserializeUntypedAsync(fs);
        Assert.Equal(2, back.Data.Count);
        Assert.Equal("tone", back.Data[0]["track_id"]);
        Assert.Equal(1, back.Data[1]["track_type"]);
        Assert.Equal(again[0].Summary.FundamentalFreq, (double?)back.Data[0]["fundamental_freq"]);
    }
}

public class CorpusManifestAdapterTests
{
    [Fact]
    public void CorpusCsvManifest_ExpandsStemsIntoTrackTypes()
    {
        using var dir = TestData.TempDir();
        File.WriteAllText(dir.File("m.csv"), "id,path,genre,language,vocals_path,accompaniment_path\ns1,a.wav,pop,de,v.wav,acc.wav\ns2,b.wav,rock,en,,\n");
        var m = CorpusManifestAdapter.Load(dir.File("m.csv"));
        Assert.Equal(new[] { ("s1", 0), ("s1", 1), ("s1", 2), ("s2", 0) }, m.Jobs.Select(j => (j.TrackId, j.TrackType)).ToArray());
        Assert.Equal(Path.Combine(dir.Path, "v.wav"), m.Jobs[1].Path);
        Assert.Equal("de", m.Jobs[0].Language);
        Assert.Equal(TrackType.Vocals, TrackTypes.Parse("vocals"));
        Assert.Equal(TrackType.NoVocals, TrackTypes.Parse("instrumental"));
        Assert.False(TrackTypes.TryParse("drums", out _));
    }
}
