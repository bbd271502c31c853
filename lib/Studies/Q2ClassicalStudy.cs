using System.Diagnostics;
using AudioAlchemy.Experiments;
using AudioAlchemy.Models;
using AudioAlchemy.Reporting;
using Microsoft.Data.Analysis;

namespace AudioAlchemy.Studies;

/// <summary>Sweep settings of <see cref="Q2ClassicalStudy"/> (defaults as documented in docs/experiments.md).</summary>
/// <param name="KnnGrid">KNN grid, scored by leave-one-out on the training split.</param>
/// <param name="RfGrid">Random-forest grid, scored by stratified k-fold on the training split.</param>
/// <param name="RfRandomIterations">Random-search size over <paramref name="RfGrid"/>; 0 = full grid.</param>
/// <param name="TestFraction">Held-out stratified test fraction.</param>
/// <param name="TestIds">When given, the held-out test rows are exactly the tracks with these ids (e.g. the CNN sweep's
/// test part, so both studies are scored on the same tracks) and <paramref name="TestFraction"/> is ignored.</param>
public sealed record Q2Settings(string KnnGrid = "n_neighbors=1|3|5|7|9|11|15|21;p=1|2;weights=uniform|distance",
    string RfGrid = "max_depth=none|5|10;min_samples_leaf=1|2|4;min_samples_split=2|5;n_estimators=50|100",
    int RfRandomIterations = 12, double TestFraction = 0.2, IReadOnlySet<string>? TestIds = null)
{
    /// <summary>
    /// The track ids of the rows whose <paramref name="partColumn"/> is <paramref name="part"/> in a split CSV (e.g. the
    /// CNN sweep's <c>split.csv</c>: track,label,group,part).
    /// </summary>
    public static IReadOnlySet<string> ReadTestIds(string splitCsv, string idColumn = "track", string partColumn = "part", string part = "test")
    {
        if (!File.Exists(splitCsv)) throw new AlchemyException($"{splitCsv}: split file not found");
        var rows = Corpus.Csv.Parse(File.ReadAllText(splitCsv));
        if (rows.Count == 0) throw new AlchemyException($"{splitCsv}: empty split file");
        int id = Array.IndexOf(rows[0], idColumn), pc = Array.IndexOf(rows[0], partColumn);
        if (id < 0 || pc < 0) throw new AlchemyException($"{splitCsv}: needs columns '{idColumn}' and '{partColumn}' (has {string.Join(",", rows[0])})");
        var ids = rows.Skip(1).Where(r => r.Length > Math.Max(id, pc) && r[pc] == part).Select(r => r[id]).ToHashSet(StringComparer.Ordinal);
        return ids.Count > 0 ? ids : throw new AlchemyException($"{splitCsv}: no rows with {partColumn} = {part}");
    }
}

/// <summary>
/// Research question 2, classical models (genre from features, full-mix rows only when a track_type column exists):
/// stratified train/test split; KNN sweep over n_neighbors, p, weights with LOOCV on the training split; random
/// forest sweep over max_depth, min_samples_leaf, min_samples_split, n_estimators with stratified k-fold; best of
/// each refitted on the whole training split and scored on the held-out test split; learning curves of both best
/// models. Writes CSV + charts.
/// </summary>
public static class Q2ClassicalStudy
{
    /// <summary>Runs the study on <paramref name="features"/> (label: genre).</summary>
    public static StudyResult Run(DataFrame features, StudyOptions options, StudyColumns? columns = null, Q2Settings? settings = null,
        IProgress<string>? progress = null)
    {
        var o = options.Validate();
        var c = columns ?? new StudyColumns();
        var s = settings ?? new Q2Settings();
        var sw = Stopwatch.StartNew();
        var w = new ResultsWriter(o.OutDir, o.Png);
        var all = DatasetBuilder.Build(features, new ColumnSelection(c.Genre, features.Columns.Any(x => x.Name == c.Artist) ? c.Artist : null,
            c.Id, Exclude: c.Metadata));
        var types = Q1Study.TrackTypes(features, c);
        var data = all.Subset(Enumerable.Range(0, all.Count).Where(i => types[i] == "0").ToArray());
        if (data.Count < 10) throw new AlchemyException($"q2: only {data.Count} full-mix rows ({c.TrackType}=0) in the feature table");
        var enc = new LabelEncoder(data.Labels);
        var split = s.TestIds is { } testIds ? SplitByIds(data, testIds) : StratifiedSplit.Split(enc.Transform(data.Labels), s.TestFraction, 0, o.Seed);
        var train = data.Subset(split.Train);
        var cv = new CvOptions(o.Seed, Standardize: true, Degree: o.Degree);

        progress?.Report("knn LOOCV sweep");
        var knn = Sweep.Run(train, "knn", ParameterGrid.Parse(s.KnnGrid).All(), new LeaveOneOut(), Scoring.Accuracy, cv);
        w.Table("q2_knn_sweep", knn.ToTable());
        string knnChart = w.Chart("q2_knn_sweep", ExperimentCharts.Sweep(knn, "Q2 genre: KNN, leave-one-out accuracy on the training split", "n_neighbors"));

        progress?.Report("random-forest sweep");
        var rfGrid = ParameterGrid.Parse(s.RfGrid);
        var rfConfigs = s.RfRandomIterations > 0 ? rfGrid.Sample(s.RfRandomIterations, o.Seed) : rfGrid.All();
        var folds = new StratifiedKFold(o.Folds, Shuffle: true, Seed: o.Seed);
        var rf = Sweep.Run(train, "rf", rfConfigs, folds, Scoring.Accuracy, cv);
        w.Table("q2_rf_sweep", rf.ToTable());
        w.Chart("q2_rf_sweep", ExperimentCharts.Sweep(rf, $"Q2 genre: random forest, {o.Folds}-fold accuracy on the training split", "n_estimators"));

        var testTable = new TidyTable("model", "params", "cv_score", "cv_std", "test_accuracy", "test_precision", "test_recall", "test_f1",
            "test_weighted_f1", "test_auc_ovr");
        var perClass = MetricTables.PerClass("model");
        var confusion = MetricTables.Confusion("model");
        var curves = new TidyTable("model", "train_size", "train_mean", "train_std", "validation_mean", "validation_std");
        foreach (var (name, best) in new[] { ("KNN", knn.Best), ("RF", rf.Best) })
        {
            progress?.Report($"{name}: held-out test and learning curve");
            var (m, _, proba, yTest) = CrossValidation.HoldOut(data, best.Model, split.Train, split.Test, cv);
            var roc = RocCurve.OneVsRest(yTest, proba, enc.Classes.Length);
            testTable.Add(name, best.Model.Params.ToString(), best.Mean, best.Std, m.Accuracy, m.Macro.Precision, m.Macro.Recall, m.Macro.F1,
                m.Weighted.F1, RocCurve.MacroAuc(roc));
            MetricTables.AddPerClass(perClass, m, enc.Classes, name);
            MetricTables.AddConfusion(confusion, m, enc.Classes, name);
            w.Chart($"q2_confusion_test_{name}", ExperimentCharts.ConfusionMatrix(m.Confusion, enc.Classes, $"Q2 genre, {name} ({best.Model.Params}), held-out test"), 800, 700,
                highlight: true);
            w.Chart($"q2_roc_test_{name}", ExperimentCharts.Roc(roc, enc.Classes, $"Q2 genre, {name}, held-out test ROC (one-vs-rest)"));
            var lc = LearningCurve.Run(train, best.Model, folds, Scoring.Accuracy, null, cv);
            foreach (var p in lc) curves.Add(name, p.TrainSize, p.TrainMean, p.TrainStd, p.ValidationMean, p.ValidationStd);
            w.Chart($"q2_learning_curve_{name}", ExperimentCharts.LearningCurve(lc, $"Q2 genre, {name} ({best.Model.Params}) learning curve", "accuracy"),
                highlight: true);
        }
        w.Table("q2_test_metrics", testTable);
        w.Table("q2_test_per_class", perClass);
        w.Table("q2_test_confusion", confusion);
        w.Table("q2_learning_curves", curves);
        var minmax = MetricTables.MinMax(Rename(testTable), ["model"], "split");
        w.Highlight(knnChart);
        return new StudyResult(testTable, minmax, w.Files, w.Notes, sw.Elapsed.TotalSeconds) { Charts = w.Highlights };
    }

    private static TidyTable Rename(TidyTable t)
    {
        var r = new TidyTable("split", "model", "accuracy", "precision", "recall", "f1");
        foreach (var row in t.Rows) r.Add("test", row[0], row[4], row[5], row[6], row[7]);
        return r;
    }

    private static TrainValidationTest SplitByIds(Dataset data, IReadOnlySet<string> testIds)
    {
        var test = Enumerable.Range(0, data.Count).Where(i => testIds.Contains(data.Ids[i])).ToArray();
        var train = Enumerable.Range(0, data.Count).Where(i => !testIds.Contains(data.Ids[i])).ToArray();
        if (test.Length == 0) throw new AlchemyException($"q2: none of the {testIds.Count} test ids is in the feature table");
        if (test.Length < testIds.Count) throw new AlchemyException($"q2: {testIds.Count - test.Length} of the {testIds.Count} test ids are not in the feature table (full-mix rows)");
        if (train.Length < 2) throw new AlchemyException("q2: fewer than 2 training rows outside the given test ids");
        return new TrainValidationTest(train, [], test);
    }
}
