namespace AudioAlchemy.Tests.Sharding;

/// <summary>
/// The CLI verbs with --shard (ablate, mels, separate eval): two shards merged with `table merge` give the table of a
/// single-process run (separate eval: except its timing column).
/// </summary>
public class ShardedVerbsTests
{
    private static string Cli(string dir, params string[] args) => ShardCli.Ok(dir, args);

    [Fact]
    public void Ablate_Mels_SeparateEval_TwoShardsMerge_ToTheSingleProcessTables()
    {
        using var dir = TestData.TempDir();
        ShardCli.StemCorpus(dir, [.. Enumerable.Range(0, 5).Select(i => $"s{i}")]);

        // ablate: parts are OUT/PART-K-of-N.csv beside the manifest, so relative paths match.
        Cli(dir.Path, "ablate", "m.csv", "--out", "abl1", "--jobs", "1");
        foreach (var k in new[] { "0/2", "1/2" }) Cli(dir.Path, "ablate", "m.csv", "--out", "abl2", "--jobs", "1", "--shard", k);
        Cli(dir.Path, "table", "merge", "abl2/PART-0-of-2.csv", "abl2/PART-1-of-2.csv", "--out", "abl2/manifest.csv");
        Assert.Equal(16, File.ReadAllLines(dir.File("abl1/manifest.csv")).Length);
        Assert.Equal(File.ReadAllText(dir.File("abl1/manifest.csv")), File.ReadAllText(dir.File("abl2/manifest.csv")));

        // mels of the ablation manifest (15 signals).
        Cli(dir.Path, "mels", "abl1/manifest.csv", "--cache", "mc1", "--out", "mels1.csv");
        foreach (var k in new[] { "0/2", "1/2" }) Cli(dir.Path, "mels", "abl1/manifest.csv", "--cache", "mc2", "--out", "mels2.csv", "--shard", k);
        Cli(dir.Path, "table", "merge", "mels2.parts", "--out", "mels2.csv");
        Assert.Equal(16, File.ReadAllLines(dir.File("mels1.csv")).Length);
        Assert.Equal(File.ReadAllText(dir.File("mels1.csv")), File.ReadAllText(dir.File("mels2.csv")));
        Assert.Equal(Directory.GetFiles(dir.File("mc1")).Select(Path.GetFileName).Order(), Directory.GetFiles(dir.File("mc2")).Select(Path.GetFileName).Order());

        // separate eval: identical except separate_seconds (a timing).
        Cli(dir.Path, "separate", "eval", "m.csv", "--out", "e1.csv", "--quiet", "--jobs", "1");
        foreach (var k in new[] { "0/2", "1/2" }) Cli(dir.Path, "separate", "eval", "m.csv", "--out", "e2.csv", "--quiet", "--jobs", "1", "--shard", k);
        Cli(dir.Path, "table", "merge", "e2.parts", "--out", "e2.csv");
        static List<string> WithoutTiming(string path) =>
            File.ReadAllLines(path).Select(l => { var f = l.Split(','); return string.Join(',', f.Take(2).Concat(f.Skip(3))); }).ToList();
        Assert.Equal(6, File.ReadAllLines(dir.File("e1.csv")).Length);
        Assert.Equal(WithoutTiming(dir.File("e1.csv")), WithoutTiming(dir.File("e2.csv")));
    }
}
