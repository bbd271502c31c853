using AudioAlchemy.Experiments;
using AudioAlchemy.Models;

namespace AudioAlchemy.Tests.Experiments;

public class ModelTests
{
    [Fact]
    public void KnnMatchesScikitLearn()
    {
        var k = SklearnFixtures.Root.GetProperty("knn");
        float[][] F(string name) => k.GetProperty(name).DoubleRows().Select(r => r.Select(v => (float)v).ToArray()).ToArray();
        var xtr = F("X_train");
        var ytr = k.GetProperty("y_train").Ints();
        var xte = F("X_test");
        foreach (var c in k.GetProperty("cases").EnumerateArray())
        {
            var knn = new KnnClassifier(new KnnOptions(c.GetProperty("n_neighbors").GetInt32(), c.GetProperty("p").GetInt32(), c.GetProperty("weights").GetString()!));
            knn.Fit(xtr, ytr, 3);
            var proba = knn.PredictProba(xte);
            var expected = c.GetProperty("proba").DoubleRows();
            for (int i = 0; i < xte.Length; i++)
                for (int j = 0; j < 3; j++) Assert.Equal(expected[i][j], proba[i][j], 5);
            Assert.Equal(c.GetProperty("pred").Ints(), knn.Predict(xte));
        }
    }

    public static TheoryData<string> MlModels() => new() { "logreg", "svm", "rf(n_estimators=20)", "lightgbm(num_iterations=30)", "knn", "gmm(components=2)" };

    [Theory]
    [MemberData(nameof(MlModels))]
    public void EveryModelLearnsSeparableBlobsAndIsSeeded(string spec)
    {
        var data = Synthetic.Blobs(150, 3, 4, separation: 8, seed: 1);
        var s = ModelSpec.Parse(spec);
        var a = CrossValidation.Run(data, s, new StratifiedKFold(3));
        var b = CrossValidation.Run(data, s, new StratifiedKFold(3));
        Assert.True(a.Pooled.Accuracy > 0.9, $"{spec}: accuracy {a.Pooled.Accuracy}");
        Assert.Equal(a.Folds.SelectMany(f => f.Proba.SelectMany(r => r)), b.Folds.SelectMany(f => f.Proba.SelectMany(r => r)));
        foreach (var r in a.Folds.SelectMany(f => f.Proba)) Assert.Equal(1.0, r.Sum(), 6);
    }

    [Fact]
    public void ClassMissingFromTrainingFoldGetsZeroProbability()
    {
        // Class "c" only in rows 0..2, all in fold 0's test set for a group split: its model never sees it.
        var data = Synthetic.Blobs(60, 2, 3, separation: 6, seed: 2);
        var labels = data.Labels.ToArray();
        var groups = data.Groups!.ToArray();
        for (int i = 0; i < 3; i++) { labels[i] = "c"; groups[i] = "solo"; }
        data = data with { Labels = labels, Groups = groups };
        var r = CrossValidation.Run(data, ModelSpec.Parse("logreg"), new GroupKFold(3));
        int cCode = Array.IndexOf(r.Classes, "c");
        var fold = r.Folds.Single(f => f.TestRows.Contains(0));
        Assert.All(fold.Proba, p => Assert.Equal(0, p[cCode]));
    }

    [Fact]
    public void GmmScoresTracksBySummedFrameLikelihood()
    {
        var rng = new Random(3);
        float[][] Track(double mean) => Enumerable.Range(0, 50).Select(_ => new[] { (float)(mean + Synthetic.Gauss(rng)), (float)Synthetic.Gauss(rng) }).ToArray();
        var tracks = Enumerable.Range(0, 20).Select(i => Track(i % 2 == 0 ? -2 : 2)).ToArray();
        var y = Enumerable.Range(0, 20).Select(i => i % 2).ToArray();
        var gmm = new GmmClassifier(new GmmOptions(Components: 3, Seed: 1));
        gmm.FitTracks(tracks, y, 2);
        var test = new[] { Track(-2), Track(2) };
        var ll = gmm.TrackLogLikelihoods(test);
        Assert.True(ll[0][0] > ll[0][1] && ll[1][1] > ll[1][0]);
        Assert.Equal(ll[0][0], gmm.ClassModels[0]!.TotalLogLikelihood(test[0]), 9);
        Assert.Equal([0, 1], ClassifierExtensions.ArgMax(gmm.PredictTracksProba(test)));
    }

    [Fact]
    public void DiagonalGmmRecoversTwoComponents()
    {
        var rng = new Random(4);
        var x = Enumerable.Range(0, 2000).Select(i => new[] { (float)((i % 4 == 0 ? 5 : -5) + 0.5 * Synthetic.Gauss(rng)) }).ToArray();
        var g = new DiagonalGmm(new GmmOptions(Components: 2, Seed: 7)).Fit(x);
        var order = Enumerable.Range(0, 2).OrderBy(c => g.Means[c][0]).ToArray();
        Assert.Equal(-5, g.Means[order[0]][0], 1);
        Assert.Equal(5, g.Means[order[1]][0], 1);
        Assert.Equal(0.75, g.Weights[order[0]], 2);
        Assert.Equal(0.25, g.Variances[order[1]][0], 1);
    }

    [Theory]
    [InlineData("knn(n_neighbors=0)")]
    [InlineData("knn(weights=fancy)")]
    [InlineData("rf(depth=3)")]
    [InlineData("forest")]
    public void BadModelSpecsAreClearErrors(string spec) =>
        Assert.Throws<AlchemyException>(() => ModelFactory.Create(ModelSpec.Parse(spec), 0));
}
