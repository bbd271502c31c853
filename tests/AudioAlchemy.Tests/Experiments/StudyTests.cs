using AudioAlchemy.Experiments;
using AudioAlchemy.Models;
using AudioAlchemy.Studies;

namespace AudioAlchemy.Tests.Experiments;

public class StudyTests
{
    private static readonly ModelSpec[] FastModels =
        [ModelSpec.Parse("logreg"), ModelSpec.Parse("rf(n_estimators=10)"), ModelSpec.Parse("svm"), ModelSpec.Parse("lightgbm(num_iterations=20)")];

    [Fact]
    public void Q1RunsEndToEndAndVocalsCarryLanguage()
    {
        using var tmp = TestData.TempDir();
        var (table, frames) = SyntheticFeatures.WithFrames(tracks: 90, artists: 15, seed: 1, frames: 12, separation: 1.0);
        var frameTable = FrameTable.FromDataFrame(frames, "track_id", "track_type", new StudyColumns().Metadata);
        var r = Q1Study.Run(table, new StudyOptions(tmp.Path, Seed: 0, Degree: 2, Png: false, Folds: 3), frames: frameTable,
            gmm: new GmmOptions(Components: 2, MaxIterations: 20), models: FastModels,
            settings: new Q1Settings(Ubm: new GmmUbmOptions(new GmmOptions(Components: 4, MaxIterations: 10), MaxUbmFrames: 2000)));
        // 2 CV schemes × 3 ablations × 6 models (incl. GMM and GMM-UBM).
        Assert.Equal(36, r.Summary.Rows.Count);
        double F1(string cv, string ablation, string model) => (double)r.Summary.Rows
            .Single(x => (string)x[0]! == cv && (string)x[1]! == ablation && (string)x[2]! == model)[9]!;
        // Synthetic language lives in the vocals: vocal-only beats no-vocal by far; no-vocal sits near chance (3 languages).
        Assert.True(F1("stratified", "vocal", "LogReg") > F1("stratified", "no_vocal", "LogReg") + 0.3,
            $"vocal {F1("stratified", "vocal", "LogReg")} no_vocal {F1("stratified", "no_vocal", "LogReg")}");
        Assert.True(F1("grouped_by_artist", "no_vocal", "LogReg") < 0.6);
        Assert.True(F1("stratified", "vocal", "GMM") > 0.5);
        Assert.True(F1("grouped_by_artist", "vocal", "GMM-UBM") > 0.5);
        foreach (var f in new[] { "q1_summary.csv", "q1_minmax.csv", "q1_per_class.csv", "q1_confusion.csv", "q1_f1_stratified.html",
                     "q1_confusion_grouped_by_artist_vocal_GMM.html" })
            Assert.True(File.Exists(tmp.File(f)), f);
        // Charts to show: the stratified F1 chart, then per ablation the confusion of its best stratified model.
        Assert.Equal(tmp.File("q1_f1_stratified.html"), r.Charts[0]);
        Assert.Equal(4, r.Charts.Count);
        foreach (var ablation in new[] { "complete", "vocal", "no_vocal" })
        {
            string best = r.Summary.Rows.Where(x => (string)x[0]! == "stratified" && (string)x[1]! == ablation).OrderByDescending(x => (double)x[9]!).First()[2]!.ToString()!;
            Assert.Contains(tmp.File($"q1_confusion_stratified_{ablation}_{best}.html"), r.Charts);
        }
        Assert.All(r.Charts, c => Assert.True(File.Exists(c), c));
        var csv = TableReader.Load(tmp.File("q1_summary.csv"));
        Assert.Equal(36, csv.Rows.Count);
        Assert.Equal(8, r.MinMax.Rows.Count);
    }

    [Fact]
    public void Q1WithoutFramesSkipsGmmWithANote()
    {
        using var tmp = TestData.TempDir();
        var table = SyntheticFeatures.Table(tracks: 45, artists: 3, seed: 2);
        var r = Q1Study.Run(table, new StudyOptions(tmp.Path, Png: false, Folds: 3, Degree: 2), models: FastModels);
        Assert.Contains(r.Notes, n => n.Contains("GMM skipped"));
        Assert.DoesNotContain(r.Summary.Rows, x => (string)x[2]! == "GMM");
        Assert.True(24 == r.Summary.Rows.Count, string.Join("; ", r.Notes));
    }

    [Fact]
    public void Q2ClassicalRunsEndToEnd()
    {
        using var tmp = TestData.TempDir();
        var table = SyntheticFeatures.Table(tracks: 100, artists: 20, seed: 3, separation: 1.0);
        var settings = new Q2Settings(KnnGrid: "n_neighbors=1|5;p=1|2;weights=uniform|distance", RfGrid: "max_depth=none|4;min_samples_leaf=1|3;min_samples_split=2;n_estimators=10|20",
            RfRandomIterations: 3);
        var r = Q2ClassicalStudy.Run(table, new StudyOptions(tmp.Path, Png: false, Folds: 3, Degree: 2), settings: settings);
        Assert.Equal(2, r.Summary.Rows.Count);
        Assert.All(r.Summary.Rows, row => Assert.True((double)row[4]! > 0.5, $"test accuracy {row[4]}"));
        Assert.Equal(new[] { "q2_confusion_test_KNN", "q2_learning_curve_KNN", "q2_confusion_test_RF", "q2_learning_curve_RF", "q2_knn_sweep" }
            .Select(n => tmp.File(n + ".html")), r.Charts);
        Assert.All(r.Charts, c => Assert.True(File.Exists(c), c));
        var knn = TableReader.Load(tmp.File("q2_knn_sweep.csv"));
        Assert.Equal(8, knn.Rows.Count);
        Assert.Equal(3, TableReader.Load(tmp.File("q2_rf_sweep.csv")).Rows.Count);
        Assert.True(TableReader.Load(tmp.File("q2_learning_curves.csv")).Rows.Count >= 6);
        foreach (var f in new[] { "q2_test_metrics.csv", "q2_test_per_class.csv", "q2_test_confusion.csv", "q2_knn_sweep.html", "q2_roc_test_RF.html", "q2_learning_curve_KNN.html" })
            Assert.True(File.Exists(tmp.File(f)), f);
    }

    /// <summary>With test ids from a split CSV (the CNN sweep's split.csv), the held-out test is exactly those tracks.</summary>
    [Fact]
    public void Q2Classical_TestIdsFromASplitFile_AreTheHeldOutRows()
    {
        using var tmp = TestData.TempDir();
        var table = SyntheticFeatures.Table(tracks: 60, artists: 6, seed: 5, separation: 1.0);
        var ids = ((Microsoft.Data.Analysis.StringDataFrameColumn)table.Columns["track_id"]).Distinct().Order(StringComparer.Ordinal).ToArray();
        var testIds = ids.Where((_, i) => i % 4 == 1).ToArray();
        File.WriteAllText(tmp.File("split.csv"), "track,label,group,part\n" + string.Concat(ids.Select(id => $"{id},x,g,{(testIds.Contains(id) ? "test" : "train")}\n")));
        var read = Q2Settings.ReadTestIds(tmp.File("split.csv"));
        Assert.Equal(testIds.ToHashSet(), read.ToHashSet());
        var settings = new Q2Settings(KnnGrid: "n_neighbors=1|5;p=2;weights=uniform", RfGrid: "max_depth=none;min_samples_leaf=1;min_samples_split=2;n_estimators=10",
            RfRandomIterations: 0, TestIds: read);
        Q2ClassicalStudy.Run(table, new StudyOptions(tmp.Path, Png: false, Folds: 3, Degree: 2), settings: settings);
        var confusion = TableReader.Load(tmp.File("q2_test_confusion.csv"));
        var knnCounts = Enumerable.Range(0, (int)confusion.Rows.Count).Where(r => confusion["model"][r]?.ToString() == "KNN")
            .Sum(r => Convert.ToDouble(confusion["count"][r], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(testIds.Length, (int)knnCounts);
        File.WriteAllText(tmp.File("bad.csv"), "track,part\nq,train\n");
        Assert.Throws<AlchemyException>(() => Q2Settings.ReadTestIds(tmp.File("bad.csv")));
        Assert.Throws<AlchemyException>(() => Q2ClassicalStudy.Run(table, new StudyOptions(tmp.Path, Png: false, Folds: 3, Degree: 2),
            settings: settings with { TestIds = new HashSet<string> { "no-such-track" } }));
    }
}
