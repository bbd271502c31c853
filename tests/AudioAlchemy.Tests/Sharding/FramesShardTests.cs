namespace AudioAlchemy.Tests.Sharding;

/// <summary>
/// <c>alchemy frames --shard K/N</c> + <c>alchemy table merge</c>: the merged frame table is byte-identical to the
/// single-process table, in Parquet (with more tracks than one row group of
/// <see cref="AudioAlchemy.Corpus.Frames.FrameTableFile.TracksPerRowGroup"/>) and CSV; an incomplete set is refused.
/// </summary>
public class FramesShardTests
{
    [Fact]
    public void Frames_ThreeShards_Merge_ToTheSingleProcessParquet_AcrossRowGroups()
    {
        using var dir = TestData.TempDir();
        // 24 songs × 3 track types = 72 signals > 64 tracks per row group.
        ShardCli.StemCorpus(dir, [.. Enumerable.Range(0, 24).Select(i => $"t{i:00}")], seconds: 1.0);
        string[] common = ["frames", "m.csv", "--vad", "energy", "--jobs", "2"];
        ShardCli.Ok(dir.Path, [.. common, "--out", "one.parquet", "--cache", "c1"]);
        foreach (var k in new[] { "2/3", "0/3", "1/3" })
            ShardCli.Ok(dir.Path, [.. common, "--out", "many.parquet", "--cache", "c2", "--shard", k]);
        Assert.Equal(3, Directory.GetFiles(dir.File("many.parts"), "PART-*-of-3.parquet").Length);
        ShardCli.Ok(dir.Path, "table", "merge", "many.parts", "--out", "many.parquet");
        byte[] single = File.ReadAllBytes(dir.File("one.parquet")), merged = File.ReadAllBytes(dir.File("many.parquet"));
        Assert.True(single.Length > 10_000, $"single-process table is only {single.Length} bytes");
        Assert.Equal(single, merged);
    }

    [Fact]
    public void Frames_TwoShards_Merge_ToTheSingleProcessCsv_AndAMissingPartIsRefused()
    {
        using var dir = TestData.TempDir();
        ShardCli.StemCorpus(dir, [.. Enumerable.Range(0, 5).Select(i => $"s{i}")], seconds: 1.0);
        string[] common = ["frames", "m.csv", "--vad", "energy", "--jobs", "1", "--no-cache"];
        ShardCli.Ok(dir.Path, [.. common, "--out", "one.csv"]);
        ShardCli.Ok(dir.Path, [.. common, "--out", "two.csv", "--shard", "1/2"]);

        // Only part 1 of 2: refused, and nothing written.
        string refusal = ShardCli.Expect(1, dir.Path, "table", "merge", "two.parts", "--out", "two.csv");
        Assert.Contains("PART-0-of-2", refusal);
        Assert.False(File.Exists(dir.File("two.csv")));

        ShardCli.Ok(dir.Path, [.. common, "--out", "two.csv", "--shard", "0/2"]);
        ShardCli.Ok(dir.Path, "table", "merge", "two.parts", "--out", "two.csv");
        string[] single = File.ReadAllLines(dir.File("one.csv"));
        Assert.True(single.Length > 15, $"single-process table has only {single.Length} lines");
        Assert.Equal(single, File.ReadAllLines(dir.File("two.csv")));
    }

    [Fact]
    public void Frames_PartsOfDifferentParameters_AreRefused()
    {
        using var dir = TestData.TempDir();
        ShardCli.StemCorpus(dir, [.. Enumerable.Range(0, 4).Select(i => $"s{i}")], seconds: 1.0);
        string[] common = ["frames", "m.csv", "--vad", "energy", "--jobs", "1", "--no-cache", "--out", "p.parquet"];
        ShardCli.Ok(dir.Path, [.. common, "--shard", "0/2"]);
        ShardCli.Ok(dir.Path, [.. common, "--shard", "1/2", "--n-mfcc", "13"]);
        string refusal = ShardCli.Expect(1, dir.Path, "table", "merge", "p.parts", "--out", "p.parquet");
        Assert.Contains("parameter", refusal, StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(dir.File("p.parquet")));
    }
}
