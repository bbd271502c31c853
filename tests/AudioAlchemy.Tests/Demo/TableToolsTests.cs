using AudioAlchemy.Demo;
using AudioAlchemy.Experiments;
using AudioAlchemy.Models;
using AudioAlchemy.Studies;
using Microsoft.Data.Analysis;

namespace AudioAlchemy.Tests.Demo;

public class TableToolsTests
{
    [Fact]
    public void FeatureDeltas_MatchRowsById_AndScaleByTheReferenceSpread()
    {
        var reference = new DataFrame(new StringDataFrameColumn("track_id", ["a", "b", "c"]), new StringDataFrameColumn("genre", ["x", "y", "x"]),
            new DoubleDataFrameColumn("f", [1.0, 2.0, 3.0]), new DoubleDataFrameColumn("g", [10.0, 10.0, 10.0]));
        var variant = new DataFrame(new StringDataFrameColumn("track_id", ["c", "a", "b", "z"]), new StringDataFrameColumn("genre", ["x", "x", "y", "y"]),
            new DoubleDataFrameColumn("f", [3.3, 1.1, 2.0, 99.0]), new DoubleDataFrameColumn("g", [10.0, 10.0, 10.0, 5.0]));
        var t = FeatureDeltas.Compute(reference, variant);
        Assert.Equal(FeatureDeltas.Columns, t.Columns);
        Assert.Equal(2, t.Rows.Count);
        var f = t.Rows.Single(r => (string)r[0]! == "f");
        Assert.Equal(3, f[1]);
        Assert.Equal(0.4 / 3, (double)f[2]!, 9);
        double std = Math.Sqrt(2.0 / 3);
        Assert.Equal(std, (double)f[3]!, 9);
        Assert.Equal(0.4 / 3 / std, (double)f[4]!, 9);
        Assert.Equal((10.0 + 0 + 10.0) / 3, (double)f[5]!, 9);
        Assert.Equal(0.3, (double)f[6]!, 9);
        var g = t.Rows.Single(r => (string)r[0]! == "g");
        Assert.Equal(0.0, (double)g[4]!);
        Assert.Equal("f", t.Rows[0][0]);   // largest effect first
    }

    [Fact]
    public void MissingValues_AreFilledWithTheColumnMean()
    {
        var col = new DoubleDataFrameColumn("fundamental_freq", [100.0, null, 200.0, double.NaN]);
        var df = new DataFrame(new StringDataFrameColumn("track_id", ["a", "b", "c", "d"]), col, new DoubleDataFrameColumn("ok", [1.0, 2.0, 3.0, 4.0]));
        var notes = MissingValues.FillWithColumnMean(df);
        Assert.Single(notes);
        Assert.Contains("fundamental_freq: 2 of 4", notes[0]);
        Assert.Equal(150.0, col[1]);
        Assert.Equal(150.0, col[3]);
        Assert.Equal(100.0, col[0]);
    }

    [Fact]
    public void TransferAccuracy_SameTablesGiveTheSameAccuracy_NoisyVariantScoresLower()
    {
        var rng = new Random(5);
        var ids = Enumerable.Range(0, 60).Select(i => $"t{i}").ToArray();
        var labels = ids.Select((_, i) => i % 3 == 0 ? "a" : i % 3 == 1 ? "b" : "c").ToArray();
        double[] Feature(double noise, int k) => labels.Select(l => (l == "a" ? 0 : l == "b" ? 5 : 10) * (k == 0 ? 1 : -1) + noise * (rng.NextDouble() - 0.5)).ToArray();
        DataFrame Table(double noise) => new(new StringDataFrameColumn("track_id", ids), new StringDataFrameColumn("genre", labels),
            new DoubleDataFrameColumn("f0", Feature(noise, 0).Select(v => (double?)v)), new DoubleDataFrameColumn("f1", Feature(noise, 1).Select(v => (double?)v)));
        var wav = Table(1);
        var t = TransferAccuracy.Evaluate(wav, [("same", wav), ("noisy", Table(60))], ModelSpec.Parse("knn(n_neighbors=3)"), seed: 1);
        Assert.Equal(3, t.Rows.Count);
        Assert.Equal(["wav", "same", "noisy"], t.Rows.Select(r => (string)r[2]!));
        Assert.All(t.Rows, r => Assert.Equal(18, (int)r[3]!));
        Assert.Equal((double)t.Rows[0][4]!, (double)t.Rows[1][4]!);
        Assert.True((double)t.Rows[0][4]! > 0.9);
        Assert.True((double)t.Rows[2][4]! < (double)t.Rows[0][4]!);
    }

    [Fact]
    public void DemoPlan_ModesGrowFromTinyToFull_AndCorpusFoldersDiffer()
    {
        var tiny = DemoPlan.Corpus(DemoMode.Tiny);
        var quick = DemoPlan.Corpus(DemoMode.Quick);
        var full = DemoPlan.Corpus(DemoMode.Full);
        Assert.True(tiny.PerGenre < quick.PerGenre && quick.PerGenre < full.PerGenre);
        Assert.Equal((20, 30.0), full);
        Assert.Equal(DemoPlan.ParametersFor(DemoMode.Tiny).Keys.Order(), DemoPlan.ParametersFor(DemoMode.Quick).Keys.Order());
        Assert.Equal(Path.Combine("d", "demo"), DemoCorpus.FolderFor("d", 20, 30));
        Assert.Equal(Path.Combine("d", "demo-8x20s"), DemoCorpus.FolderFor("d", 8, 20));
        Assert.Equal(Path.Combine("d", "demo-3x4.5s-seed7"), DemoCorpus.FolderFor("d", 3, 4.5, 7));
    }
}
