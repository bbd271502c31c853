using AudioAlchemy.Experiments;
using AudioAlchemy.Models;

namespace AudioAlchemy.Tests.Experiments;

public class ForestAndAuditTests
{
    private static (float[][] X, int[] Y) Data(int n, int seed)
    {
        var rng = new Random(seed);
        var x = new float[n][];
        var y = new int[n];
        for (int i = 0; i < n; i++)
        {
            y[i] = i % 3;
            // Feature 0 carries the class, 1..4 are noise.
            x[i] = [(float)(y[i] + 0.3 * Synthetic.Gauss(rng)), (float)Synthetic.Gauss(rng), (float)Synthetic.Gauss(rng), (float)Synthetic.Gauss(rng), (float)Synthetic.Gauss(rng)];
        }
        return (x, y);
    }

    [Fact]
    public void ForestIsSeededAndIndependentOfThreadCount()
    {
        var (x, y) = Data(150, 1);
        double[][] Fit(int jobs, int seed)
        {
            var rf = new RandomForestClassifier(new RandomForestOptions(NEstimators: 40, NJobs: jobs), seed);
            rf.Fit(x, y, 3);
            return rf.PredictProba(x);
        }
        var a = Fit(1, 3);
        Assert.Equal(a.SelectMany(r => r), Fit(2, 3).SelectMany(r => r));
        Assert.NotEqual(a.SelectMany(r => r), Fit(1, 4).SelectMany(r => r));
    }

    [Fact]
    public void BenchModels_RefusesAnUnknownModelName_BeforeReadingTheTable()
    {
        var e = Assert.Throws<AlchemyException>(() => AudioAlchemy.Benchmarks.ModelBenchmark.Run("no-such-table.csv", "label", only: ["svc", "rbf-svm"]));
        Assert.Contains("rbf-svm", e.Message);
        Assert.Contains("svc(n_jobs=1)", e.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SvcGivesTheSameModelWithOneThreadManyThreadsAndABoundedCache(bool probability)
    {
        var (x, y) = Data(150, 5);
        (double[][] Dual, double[] Rho, int[] Support, double[][] Proba) Fit(int jobs, double cacheMb)
        {
            var svc = new SvcClassifier(new SvcOptions(CacheSize: cacheMb, Probability: probability, NJobs: jobs), 3);
            svc.Fit(x, y, 3);
            return (svc.DualCoef, svc.Rho, svc.Support, svc.PredictProba(x));
        }
        var one = Fit(1, 200);          // 150 × 150 floats fit: the dense matrix
        var many = Fit(4, 200);         // same, pairs in parallel
        var lru = Fit(-1, 0.02);        // 20 KB: 34 rows cached, computed on demand, one thread
        foreach (var other in new[] { many, lru })
        {
            Assert.Equal(one.Support, other.Support);
            Assert.Equal(one.Rho, other.Rho);
            Assert.Equal(one.Dual.SelectMany(r => r), other.Dual.SelectMany(r => r));
            Assert.Equal(one.Proba.SelectMany(r => r), other.Proba.SelectMany(r => r));
        }
        Assert.True(one.Support.Length > 0);
    }

    [Fact]
    public void FullyGrownTreesWithoutBootstrapFitTheTrainingRowsAndImportancesFavourTheSignal()
    {
        var (x, y) = Data(120, 2);
        var rf = new RandomForestClassifier(new RandomForestOptions(NEstimators: 30, Bootstrap: false, MaxFeatures: "none"), 0);
        rf.Fit(x, y, 3);
        Assert.Equal(y, rf.Predict(x));
        foreach (var t in rf.Trees)
            for (int n = 0; n < t.NodeCount; n++)
                if (t.Left[n] < 0) Assert.Equal(1.0, Enumerable.Range(0, 3).Max(c => t.Value[n * 3 + c]), 12);
        var imp = rf.FeatureImportances;
        Assert.Equal(1.0, imp.Sum(), 9);
        Assert.True(imp[0] > 0.5, $"importance of the signal column {imp[0]}");
    }

    [Fact]
    public void DepthAndLeafLimitsHold()
    {
        var (x, y) = Data(200, 3);
        var rf = new RandomForestClassifier(new RandomForestOptions(NEstimators: 10, MaxDepth: 3, Bootstrap: false), 0);
        rf.Fit(x, y, 3);
        Assert.All(rf.Trees, t => Assert.True(t.Depth <= 3));
        var leafy = new RandomForestClassifier(new RandomForestOptions(NEstimators: 10, MinSamplesLeaf: 15, Bootstrap: false), 0);
        leafy.Fit(x, y, 3);
        foreach (var t in leafy.Trees)
        {
            var counts = new Dictionary<int, int>();
            foreach (var r in x) { int leaf = t.Apply(r); counts[leaf] = counts.GetValueOrDefault(leaf) + 1; }
            Assert.All(counts.Values, c => Assert.True(c >= 15, $"leaf with {c} rows"));
        }
        var p = leafy.PredictProba(x);
        Assert.All(p, r => Assert.Equal(1.0, r.Sum(), 9));
    }

    [Theory]
    [InlineData("rf(max_features=fancy)")]
    [InlineData("rf(class_weight=heavy)")]
    [InlineData("rf(n_jobs=0)")]
    [InlineData("svc(C=0)")]
    [InlineData("svc(gamma=-1)")]
    [InlineData("svc(kernel=cubic)")]
    [InlineData("linearsvc(C=-1)")]
    [InlineData("fastforest(max_features=3)")]
    public void BadParametersAreClearErrors(string spec) =>
        Assert.Throws<AlchemyException>(() => ModelFactory.Create(ModelSpec.Parse(spec), 0));

    [Fact]
    public void SvcProbabilitiesAreSeededAndSumToOne()
    {
        var (x, y) = Data(90, 4);
        double[][] Fit(int seed)
        {
            var m = ModelFactory.Create(ModelSpec.Parse("svc(probability=true)"), seed);
            m.Fit(x, y, 3);
            return m.PredictProba(x);
        }
        var a = Fit(1);
        Assert.Equal(a.SelectMany(r => r), Fit(1).SelectMany(r => r));
        Assert.All(a, r => Assert.Equal(1.0, r.Sum(), 6));
        Assert.True(ClassifierExtensions.ArgMax(a).Zip(y).Count(p => p.First == p.Second) > 80);
    }

    [Fact]
    public void AuditNamesConstantLeakingAndMarkerColumns()
    {
        var (x, y) = Data(100, 5);
        var labels = y.Select(c => "c" + c).ToArray();
        var rows = x.Select((r, i) => new[] { r[1], 7f, y[i] * 10f + 0.001f * i, y[i] == 2 ? 661794f : 600000f + i, r[2] }).ToArray();
        var data = new Dataset(rows, labels, null, labels.Select((_, i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            ["noise", "constant", "label_copy", "length", "noise2"]);
        var w = FeatureAudit.Check(data);
        Assert.Equal(["constant", "label_copy", "length"], w.Select(v => v.Column).ToArray());
        Assert.All(w, v => Assert.Contains("--exclude " + v.Column, v.Message));
    }

    [Fact]
    public void KeyIndexFollowsTheScoreOrder()
    {
        Assert.Equal(0, new AudioAlchemy.Features.KeyEstimate(0, "major", 1, [], []).Index);
        Assert.Equal(11, new AudioAlchemy.Features.KeyEstimate(11, "major", 1, [], []).Index);
        Assert.Equal(16, new AudioAlchemy.Features.KeyEstimate(4, "minor", 1, [], []).Index);
        Assert.Equal("E minor", AudioAlchemy.Features.KeyEstimate.ScoreName(16));
    }
}
