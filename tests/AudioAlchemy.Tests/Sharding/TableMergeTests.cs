using AudioAlchemy.Audio;
using AudioAlchemy.Corpus.Batch;
using AudioAlchemy.Features;
using AudioAlchemy.Sharding;

namespace AudioAlchemy.Tests.Sharding;

/// <summary>Parts written per shard merge into the single-process table byte for byte; incomplete or mixed sets are refused.</summary>
public class TableMergeTests
{
    private static (string Manifest, IFeatureManifest Jobs) Corpus(TempDir dir, int songs)
    {
        var lines = new List<string> { "id,path,genre,vocals_path" };
        for (int i = 0; i < songs; i++)
        {
            AudioFile.Save(dir.File($"s{i}.wav"), TestData.Sine(220 + 37 * i, 22050, 0.6), 22050);
            AudioFile.Save(dir.File($"s{i}_v.wav"), TestData.Sine(330 + 41 * i, 22050, 0.6, amp: 0.3), 22050);
            lines.Add($"song_{i},s{i}.wav,g{i % 2},s{i}_v.wav");
        }
        lines.Add("broken,missing.wav,g0,");
        File.WriteAllLines(dir.File("m.csv"), lines);
        return (dir.File("m.csv"), CorpusManifestAdapter.Load(dir.File("m.csv")));
    }

    private static List<string> WriteParts(TempDir dir, IFeatureManifest m, FeatureBatchOptions options, int n, string parameters, string folder)
    {
        var paths = new List<string>();
        for (int k = 0; k < n; k++)
        {
            var spec = new ShardSpec(k, n);
            var sel = ShardSelection<FeatureJob>.Of(m.Jobs, j => j.TrackId, spec);
            var (results, failures) = FeatureBatch.Run(sel.Items, options);
            string json = PartWriter.Write(dir.File(folder), spec, ".parquet", "features", parameters, ["track_id", "track_type"], sel.InputItems,
                sel.Items.Count, results.Select(r => sel.PositionOf(r.Job)).ToList(), failures.Select(f => new PartSkip(f.Job.Label, f.Error)).ToList(),
                p => FeatureTable.Save(results, p, 13));
            paths.Add(Path.ChangeExtension(json, ".parquet"));
        }
        return paths;
    }

    [Fact]
    public void FeatureParts_MergeToTheSingleProcessTable_AndBadSetsAreRefused()
    {
        using var dir = TestData.TempDir();
        var (_, m) = Corpus(dir, 5);
        var options = new FeatureBatchOptions(new Table1Options(), dir.File("cache"), Parallelism: 2);
        var (single, _) = FeatureBatch.Run(m.Jobs, options);
        FeatureTable.Save(single, dir.File("single.parquet"), 13);

        var parts = WriteParts(dir, m, options, 3, "p=1", "parts");
        var r = TableMerge.Merge(parts.AsEnumerable().Reverse().ToList(), dir.File("merged.parquet"));
        Assert.Equal(10, r.Rows);
        Assert.Equal(11, r.InputItems);
        Assert.Single(r.Skipped);                               // the missing file, reported by its shard
        Assert.Contains("broken", r.Skipped[0].Item);
        Assert.Equal(File.ReadAllBytes(dir.File("single.parquet")), File.ReadAllBytes(dir.File("merged.parquet")));

        // A missing part, a part without its JSON, a repeated part: refused, nothing written.
        var e = Assert.Throws<AlchemyException>(() => TableMerge.Merge([parts[0], parts[2]], dir.File("x.parquet")));
        Assert.Contains("missing PART-1-of-3", e.Message);
        e = Assert.Throws<AlchemyException>(() => TableMerge.Merge([parts[0], parts[1], parts[1], parts[2]], dir.File("x.parquet")));
        Assert.Contains("given 2 times", e.Message);
        // Mixed parameters: shard 1 rerun with other parameters.
        var other = WriteParts(dir, m, options, 3, "p=2", "other");
        e = Assert.Throws<AlchemyException>(() => TableMerge.Merge([parts[0], other[1], parts[2]], dir.File("x.parquet")));
        Assert.Contains("mixed parameter hashes", e.Message);
        Assert.Contains("p=1 vs p=2", e.Message);
        // Mixed N.
        var four = WriteParts(dir, m, options, 4, "p=1", "four");
        e = Assert.Throws<AlchemyException>(() => TableMerge.Merge([parts[0], parts[1], parts[2], four[3]], dir.File("x.parquet")));
        Assert.Contains("mixed shard counts", e.Message);
        File.Delete(Path.ChangeExtension(parts[1], ".json"));
        e = Assert.Throws<AlchemyException>(() => TableMerge.Merge(parts, dir.File("x.parquet")));
        Assert.Contains("PART-1-of-3.json", e.Message);
        Assert.False(File.Exists(dir.File("x.parquet")));
    }

    [Fact]
    public void CsvParts_KeepRecordsVerbatim_AndDuplicateIdsAreRefused()
    {
        using var dir = TestData.TempDir();
        string header = "id,note,value";
        var rows = new[] { "a,\"two\nlines, quoted \"\"x\"\"\",1", "b,plain,2", "c,,3", "d,\"comma, here\",4" };
        File.WriteAllText(dir.File("single.csv"), header + "\n" + string.Join("\n", rows) + "\n");
        var split = new[] { new[] { 1, 3 }, new[] { 0, 2 } };
        var parts = new List<string>();
        for (int k = 0; k < 2; k++)
        {
            var idx = split[k];
            string json = PartWriter.Write(dir.File("parts"), new ShardSpec(k, 2), ".csv", "t", "x", ["id"], 4, idx.Length,
                idx.Select(i => (long)i).ToList(), [], p => AtomicFile.WriteAllText(p, header + "\n" + string.Join("\n", idx.Select(i => rows[i])) + "\n"));
            parts.Add(Path.ChangeExtension(json, ".csv"));
        }
        TableMerge.Merge(parts, dir.File("merged.csv"));
        Assert.Equal(File.ReadAllText(dir.File("single.csv")), File.ReadAllText(dir.File("merged.csv")));

        // The same id in two parts.
        string dup = PartWriter.Write(dir.File("dup"), new ShardSpec(1, 2), ".csv", "t", "x", ["id"], 4, 2, [0L, 2L], [],
            p => AtomicFile.WriteAllText(p, header + "\nb,again,9\nc,,3\n"));
        var e = Assert.Throws<AlchemyException>(() => TableMerge.Merge([parts[0], Path.ChangeExtension(dup, ".csv")], dir.File("x.csv")));
        Assert.Contains("duplicate id (id=b)", e.Message);
        Assert.Contains("parquet", Assert.Throws<AlchemyException>(() => TableMerge.Merge(parts, dir.File("x.parquet"))).Message);
    }

    [Theory]
    [InlineData("results/features.parquet", "results/features.parts")]
    [InlineData("out/eval.csv", "out/eval.parts")]
    [InlineData("data/ablation", "data/ablation")]
    public void PartsFolder_IsTheTableNameWithParts_OrTheFolderItself(string output, string folder) =>
        Assert.Equal(folder, PartWriter.PartsFolder(output));
}
