using AudioAlchemy.Experiments;
using AudioAlchemy.Models;
using Microsoft.Data.Analysis;

namespace AudioAlchemy.Tests.Experiments;

public class EngineTests
{
    [Fact]
    public void ParameterGridFollowsScikitLearnOrder()
    {
        var g = ParameterGrid.Parse("p=1|2;n_neighbors=1|3|5");
        Assert.Equal(6, g.Count);
        Assert.Equal(["n_neighbors=1,p=1", "n_neighbors=1,p=2", "n_neighbors=3,p=1", "n_neighbors=3,p=2", "n_neighbors=5,p=1", "n_neighbors=5,p=2"],
            g.All().Select(p => p.ToString()));
        var a = g.Sample(4, seed: 1).Select(p => p.ToString()).ToArray();
        Assert.Equal(a, g.Sample(4, seed: 1).Select(p => p.ToString()));
        Assert.Equal(4, a.Distinct().Count());
    }

    [Fact]
    public void LoocvSweepMatchesDirectLeaveOneOutAndDegreeDoesNotChangeResults()
    {
        var data = Synthetic.Blobs(40, 2, 3, separation: 2, seed: 5);
        var configs = ParameterGrid.Parse("n_neighbors=1|3|5;weights=uniform|distance").All();
        var s1 = Sweep.Run(data, "knn", configs, new LeaveOneOut(), Scoring.Accuracy, new CvOptions(Degree: 1));
        var s2 = Sweep.Run(data, "knn", configs, new LeaveOneOut(), Scoring.Accuracy, new CvOptions(Degree: 2));
        Assert.Equal(s1.Rows.Select(r => r.Mean), s2.Rows.Select(r => r.Mean));
        var direct = CrossValidation.Run(data, ModelSpec.Parse("knn(n_neighbors=3,weights=uniform)"), new LeaveOneOut());
        var row = s1.Rows.Single(r => r.Model.Params.ToString() == "n_neighbors=3,weights=uniform");
        Assert.Equal(direct.Pooled.Accuracy, row.Mean, 12);
        Assert.Equal(1, s1.Best.Rank);
        Assert.Equal(s1.Rows.Max(r => r.Mean), s1.Best.Mean);
        Assert.Equal(configs.Count, s1.ToTable().Rows.Count);
    }

    [Fact]
    public void ScalerIsFittedOnTrainingFoldOnly()
    {
        // A feature whose scale is huge only in the test rows: with per-fold fitting the KNN result differs from
        // fitting on everything, proving no test statistics leak in.
        var data = Synthetic.Blobs(30, 2, 2, separation: 3, seed: 6);
        var folds = new StratifiedKFold(3).Split(new LabelEncoder(data.Labels).Transform(data.Labels), null);
        var trainOnly = new StandardScaler().Fit(folds[0].Train.Select(i => data.X[i]).ToArray());
        var all = new StandardScaler().Fit(data.X);
        Assert.NotEqual(all.Mean, trainOnly.Mean);
        var r = CrossValidation.RunFold(data, new LabelEncoder(data.Labels).Classes, new LabelEncoder(data.Labels).Transform(data.Labels),
            ModelSpec.Parse("knn(n_neighbors=1)"), folds[0], new CvOptions());
        var xTrain = trainOnly.Transform(folds[0].Train.Select(i => data.X[i]).ToArray());
        var xTest = trainOnly.Transform(folds[0].Test.Select(i => data.X[i]).ToArray());
        var knn = new KnnClassifier(new KnnOptions(1));
        knn.Fit(xTrain, new LabelEncoder(data.Labels).Transform(folds[0].Train.Select(i => data.Labels[i])), 2);
        Assert.Equal(knn.Predict(xTest), r.Predicted);
    }

    [Fact]
    public void LearningCurveUsesTrainingPrefixes()
    {
        var data = Synthetic.Blobs(60, 3, 3, separation: 12, seed: 7);
        var lc = LearningCurve.Run(data, ModelSpec.Parse("knn(n_neighbors=1)"), new StratifiedKFold(3), Scoring.Accuracy);
        Assert.Equal([4, 13, 22, 31, 40], lc.Select(p => p.TrainSize));
        Assert.All(lc, p => Assert.Equal(1.0, p.TrainMean, 12)); // 1-NN always fits its training rows
        Assert.True(lc[^1].ValidationMean > 0.8);
        // Sizes the model cannot train on (k > rows) become NaN points instead of failing the curve.
        var knn = LearningCurve.Run(data, ModelSpec.Parse("knn(n_neighbors=10)"), new StratifiedKFold(3), Scoring.Accuracy);
        Assert.True(double.IsNaN(knn[0].ValidationMean));
        Assert.True(knn[^1].ValidationMean > 0.8);
    }

    [Fact]
    public void TablesRoundTripThroughCsvAndParquet()
    {
        using var tmp = TestData.TempDir();
        var df = SyntheticFeatures.Table(tracks: 10, artists: 3, seed: 8);
        foreach (var ext in new[] { "csv", "parquet" })
        {
            string path = tmp.File("t." + ext);
            TableWriter.Save(df, path);
            var back = TableReader.Load(path);
            Assert.Equal(df.Rows.Count, back.Rows.Count);
            var a = DatasetBuilder.Build(df, new ColumnSelection("genre", "artist", "track_id", Exclude: ["track_type"]));
            var b = DatasetBuilder.Build(back, new ColumnSelection("genre", "artist", "track_id", Exclude: ["track_type"]));
            Assert.Equal(a.FeatureNames, b.FeatureNames);
            Assert.Equal(28, a.FeatureCount);
            Assert.Equal(a.Labels, b.Labels);
            Assert.Equal(a.Ids, b.Ids);
            for (int i = 0; i < a.Count; i++) Assert.Equal(a.X[i], b.X[i]);
        }
    }

    [Fact]
    public void BadTablesGiveClearErrors()
    {
        using var tmp = TestData.TempDir();
        File.WriteAllText(tmp.File("bad.csv"), "id,genre,f1\n1,rock,0.5\n2,,0.7\n");
        var df = TableReader.Load(tmp.File("bad.csv"));
        Assert.Contains("'nope'", Assert.Throws<AlchemyException>(() => DatasetBuilder.Build(df, new ColumnSelection("nope"))).Message);
        Assert.Contains("row 2", Assert.Throws<AlchemyException>(() => DatasetBuilder.Build(df, new ColumnSelection("genre"))).Message);
        Assert.Contains("not found", Assert.Throws<AlchemyException>(() => TableReader.Load(tmp.File("missing.csv"))).Message);
        File.WriteAllText(tmp.File("t.xlsx"), "x");
        Assert.Contains("unsupported", Assert.Throws<AlchemyException>(() => TableReader.Load(tmp.File("t.xlsx"))).Message);
    }

    [Fact]
    public void TidyTableWritesAtomicCsvAndDataFrame()
    {
        using var tmp = TestData.TempDir();
        var t = new TidyTable("model", "score").Add("a,b", 0.5).Add("c", double.NaN);
        t.WriteCsv(tmp.File("x.csv"));
        Assert.Equal("model,score\n\"a,b\",0.5\nc,\n", File.ReadAllText(tmp.File("x.csv")).Replace("\r", ""));
        Assert.Empty(Directory.GetFiles(tmp.Path, "*.tmp"));
        DataFrame df = t.ToDataFrame();
        Assert.Equal(typeof(double), df.Columns["score"].DataType);
        Assert.Equal(2, df.Rows.Count);
    }
}
