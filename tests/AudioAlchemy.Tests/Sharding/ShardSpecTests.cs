using AudioAlchemy.Sharding;

namespace AudioAlchemy.Tests.Sharding;

/// <summary>--shard parsing (K/N, auto from Slurm or Kubernetes variables) and the stable partition by id.</summary>
public class ShardSpecTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] vars) =>
        name => vars.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Parse_KOverN_AndRejectsBadText()
    {
        Assert.Equal(new ShardSpec(2, 4), ShardSpec.Parse("2/4", Env()));
        Assert.Equal("PART-2-of-4", ShardSpec.Parse(" 2/4 ", Env()).PartName);
        foreach (var bad in new[] { "4/4", "-1/4", "1/0", "1", "a/4", "1/b", "/4", "1/", "" })
        {
            var e = Assert.Throws<AlchemyException>(() => ShardSpec.Parse(bad, Env()));
            Assert.Contains("--shard", e.Message);
        }
    }

    [Fact]
    public void Auto_FromSlurm_SubtractsArrayMinAndStep()
    {
        Assert.Equal(new ShardSpec(3, 4), ShardSpec.Parse("auto", Env(("SLURM_ARRAY_TASK_ID", "3"), ("SLURM_ARRAY_TASK_COUNT", "4"),
            ("SLURM_ARRAY_TASK_MIN", "0"), ("SLURM_ARRAY_TASK_MAX", "3"))));
        // --array=1-8: ids 1..8 are shards 0..7
        Assert.Equal(new ShardSpec(0, 8), ShardSpec.Parse("auto", Env(("SLURM_ARRAY_TASK_ID", "1"), ("SLURM_ARRAY_TASK_COUNT", "8"),
            ("SLURM_ARRAY_TASK_MIN", "1"), ("SLURM_ARRAY_TASK_MAX", "8"))));
        // --array=10-16:2 → ids 10,12,14,16 are shards 0..3
        Assert.Equal(new ShardSpec(2, 4), ShardSpec.Parse("auto", Env(("SLURM_ARRAY_TASK_ID", "14"), ("SLURM_ARRAY_TASK_COUNT", "4"),
            ("SLURM_ARRAY_TASK_MIN", "10"), ("SLURM_ARRAY_TASK_MAX", "16"), ("SLURM_ARRAY_TASK_STEP", "2"))));
        // --array=1,3,7 is not a range
        var e = Assert.Throws<AlchemyException>(() => ShardSpec.Parse("auto", Env(("SLURM_ARRAY_TASK_ID", "3"), ("SLURM_ARRAY_TASK_COUNT", "3"),
            ("SLURM_ARRAY_TASK_MIN", "1"), ("SLURM_ARRAY_TASK_MAX", "7"))));
        Assert.Contains("contiguous", e.Message);
        e = Assert.Throws<AlchemyException>(() => ShardSpec.Parse("auto/5", Env(("SLURM_ARRAY_TASK_ID", "0"), ("SLURM_ARRAY_TASK_COUNT", "4"))));
        Assert.Contains("SLURM_ARRAY_TASK_COUNT=4", e.Message);
    }

    [Fact]
    public void Auto_FromKubernetesIndex_NeedsACount()
    {
        Assert.Equal(new ShardSpec(5, 6), ShardSpec.Parse("auto/6", Env(("JOB_COMPLETION_INDEX", "5"))));
        Assert.Equal(new ShardSpec(1, 3), ShardSpec.Parse("auto", Env(("JOB_COMPLETION_INDEX", "1"), (ShardSpec.CountVariable, "3"))));
        Assert.Contains(ShardSpec.CountVariable, Assert.Throws<AlchemyException>(() => ShardSpec.Parse("auto", Env(("JOB_COMPLETION_INDEX", "1")))).Message);
        Assert.Contains("K must be 0..2", Assert.Throws<AlchemyException>(() => ShardSpec.Parse("auto/3", Env(("JOB_COMPLETION_INDEX", "3")))).Message);
        Assert.Contains("neither SLURM_ARRAY_TASK_ID", Assert.Throws<AlchemyException>(() => ShardSpec.Parse("auto", Env())).Message);
    }

    [Fact]
    public void Partition_IsStable_Complete_AndIndependentOfOrder()
    {
        // Pinned values: the partition must never change between versions or machines (parts of one run would no longer merge).
        Assert.Equal(ShardSpec.ShardOf("blues_000", 4), ShardSpec.ShardOf("blues_000", 4));
        int[] pinned = new[] { "blues_000", "blues_001", "rock_017", "track-42" }.Select(id => ShardSpec.ShardOf(id, 4)).ToArray();
        Assert.Equal([2, 3, 1, 3], pinned);   // = int.from_bytes(hashlib.sha256(id.encode()).digest()[:8], "big") % 4 in Python

        var ids = Enumerable.Range(0, 1000).Select(i => $"song_{i:0000}").ToList();
        var shuffled = ids.OrderBy(id => ShardSpec.ShardOf(id + "salt", 1000)).ToList();
        for (int n = 1; n <= 7; n++)
        {
            var sizes = new int[n];
            var union = new List<string>();
            for (int k = 0; k < n; k++)
            {
                var a = ShardSelection<string>.Of(ids, s => s, new ShardSpec(k, n));
                var b = ShardSelection<string>.Of(shuffled, s => s, new ShardSpec(k, n));
                Assert.Equal(a.Items.Order(), b.Items.Order());   // same rows whatever the manifest order
                sizes[k] = a.Items.Count;
                union.AddRange(a.Items);
                Assert.All(a.Items, id => Assert.Equal(ids.IndexOf(id), a.PositionOf(id)));
            }
            Assert.Equal(ids, union.Order());              // every row in exactly one shard
            Assert.All(sizes, s => Assert.InRange(s, 1000 / n * 0.8, 1000 / n * 1.2));
        }
        var all = ShardSelection<string>.Of(ids, s => s, null);
        Assert.Equal(1000, all.Items.Count);
        Assert.Null(all.Shard);
    }
}
