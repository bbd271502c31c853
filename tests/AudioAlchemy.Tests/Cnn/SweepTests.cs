using AudioAlchemy.Models.Cnn;

namespace AudioAlchemy.Tests.Cnn;

[Collection("Torch")]
public class SweepTests
{
    [Fact]
    public void SeedGrid_Has108ConfigsPerMode_AndTheBudgetPicksASeededSubsetWithCappedEpochs()
    {
        var grid = CnnSweepGrid.Seed(MelImageMode.Grey, MelImageMode.Viridis);
        Assert.Equal(216, grid.All().Count());
        var pick = grid.Select(new CnnSweepBudget(MaxConfigs: 5, MaxEpochs: 12, Seed: 3));
        Assert.Equal(10, pick.Count);
        Assert.All(pick, c => Assert.True(c.Epochs <= 12));
        Assert.Equal(pick, grid.Select(new CnnSweepBudget(MaxConfigs: 5, MaxEpochs: 12, Seed: 3)));
        Assert.NotEqual(pick, grid.Select(new CnnSweepBudget(MaxConfigs: 5, MaxEpochs: 12, Seed: 4)));
        // grey and viridis get the same hyper-parameters (paired comparison)
        Assert.Equal(pick.Where(c => c.Image == MelImageMode.Grey).Select(c => c with { Image = MelImageMode.Viridis }),
            pick.Where(c => c.Image == MelImageMode.Viridis));
    }

    [Fact]
    public void Sweep_WritesTheTable_SavesModels_AndResumes()
    {
        var source = new SyntheticMels(new SyntheticMelOptions(Classes: 3, TracksPerClass: 6, NMels: TinyData.NMels, Frames: TinyData.Frames, ArtistsPerClass: 3, Seed: 4));
        var grid = new CnnSweepGrid([MelImageMode.Grey, MelImageMode.Viridis], [2], [3], [2], [0.2], [1e-2, 1e-3]);
        var options = new CnnSweepOptions(grid, new CnnSweepBudget(),
            new CnnTrainOptions(BatchSize: 8, CropsPerTrack: 2, Threads: 1), BaseChannels: 4, CropFrames: TinyData.Crop, SplitByGroup: true,
            ValidationFraction: 0.34, TestFraction: 0.34);
        using var dir = TestData.TempDir();
        var lines = new List<string>();
        var r = new CnnSweep(options).Run(source, dir.Path, lines.Add);
        Assert.Equal(4, r.Rows.Count);
        Assert.Equal(5, File.ReadAllLines(r.ResultsCsv).Length);
        Assert.All(r.Rows, row =>
        {
            Assert.InRange(row.TestAccuracy, 0, 1);
            Assert.InRange(row.EpochsRun, 1, 3);
            Assert.True(File.Exists(Path.Combine(dir.Path, row.ModelDir, "model.bin")));
            Assert.True(File.Exists(Path.Combine(dir.Path, row.ModelDir, "history.csv")));
        });
        Assert.Equal(2, r.Best.Count);
        Assert.True(File.Exists(dir.File("best-viridis-confusion.csv")));
        Assert.True(r.InferenceSecondsPer30s > 0);
        // per-track test probabilities of the best model: one row per test track, a distribution over the classes
        var proba = File.ReadAllLines(dir.File("best-grey-test-probabilities.csv"));
        Assert.Equal("track,label," + string.Join(',', source.LoadTracks().Select(t => t.Label).Distinct().Order(StringComparer.Ordinal)), proba[0]);
        Assert.Equal(r.Split.Test + 1, proba.Length);
        Assert.All(proba.Skip(1), l => Assert.Equal(1.0, l.Split(',').Skip(2).Sum(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)), 1e-5));
        // a rerun resumes: nothing is trained again, the rows are the same
        var again = new CnnSweep(options).Run(source, dir.Path, lines.Add);
        Assert.Equal(r.Rows, again.Rows);
        Assert.Equal(4, lines.Count(l => l.Contains("already done")));
        // the split file shows no artist in two parts
        var parts = File.ReadAllLines(dir.File("split.csv")).Skip(1).Select(l => l.Split(',')).GroupBy(f => f[2]);
        Assert.All(parts, g => Assert.Single(g.Select(f => f[3]).Distinct()));
    }

    /// <summary>Ties on validation metrics are broken by epochs run and key, never by wall time (reruns must pick the same model).</summary>
    [Fact]
    public void Best_BreaksTiesDeterministically()
    {
        CnnSweepRow Row(string lr, int epochs, double seconds, double valAcc = 0.8) => new(
            new CnnSweepConfig(MelImageMode.Grey, 3, 10, 2, 0.5, double.Parse(lr, System.Globalization.CultureInfo.InvariantCulture)),
            epochs, epochs, valAcc, 0.7, 0.5, 0.4, seconds, seconds / epochs, "m");
        var a = Row("0.001", 10, 20);    // key ...-lr0.001
        var b = Row("0.0001", 10, 30);   // key ...-lr0.0001: ordinal-first, slower
        var c = Row("0.01", 12, 5);      // fastest, but more epochs run
        Assert.Equal(b.Config, CnnSweep.Best([a, b, c]).Config);
        Assert.Equal(b.Config, CnnSweep.Best([c, a, b]).Config);
        Assert.Equal(b.Config, CnnSweep.Best([a with { Seconds = 1 }, b with { Seconds = 99 }, c]).Config);
        Assert.Equal(a.Config, CnnSweep.Best([a, c]).Config);   // fewer epochs beats less time
        var better = Row("0.01", 30, 60, valAcc: 0.9);
        Assert.Equal(better.Config, CnnSweep.Best([a, b, better]).Config);
        Assert.Throws<AlchemyException>(() => CnnSweep.Best([]));
    }
}
