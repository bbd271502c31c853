using System.Globalization;
using AudioAlchemy.Corpus;
using AudioAlchemy.Experiments;
using AudioAlchemy.Models.Cnn;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;
using AudioAlchemy.Reporting;

namespace AudioAlchemy.Studies;

/// <summary>
/// Charts of a CNN sweep's best configurations: per image mode, the test confusion matrix (from
/// <c>best-&lt;mode&gt;-confusion.csv</c>) and the learning curve (train/validation loss and accuracy per epoch from the
/// model's <c>history.csv</c>), written with the study's <see cref="ResultsWriter"/> (HTML + PNG), plus a
/// <c>best.csv</c> table (mode, config, test accuracy, macro-F1, epochs); the one-vs-rest ROC of each best model on the
/// test tracks (from <c>best-&lt;mode&gt;-test-probabilities.csv</c>) and a sweep chart (validation/test accuracy and
/// test macro-F1 of every configuration).
/// </summary>
public static class CnnReport
{
    /// <summary>Writes the charts and <c>best.csv</c> into <paramref name="outDir"/>; returns the best table and the charts.</summary>
    public static CnnReportResult Write(CnnSweepResult result, string outDir, bool png = true)
    {
        var w = new ResultsWriter(outDir, png);
        var best = new TidyTable("image", "config", "val_accuracy", "test_accuracy", "test_macro_f1", "epochs_run", "best_epoch", "seconds_per_epoch");
        foreach (var (mode, row) in result.Best.OrderBy(b => b.Key))
        {
            string m = mode.ToString().ToLowerInvariant();
            best.Add(m, row.Config.Key, row.ValAccuracy, row.TestAccuracy, row.TestMacroF1, row.EpochsRun, row.BestEpoch, row.SecondsPerEpoch);
            string confusion = Path.Combine(outDir, $"best-{m}-confusion.csv");
            if (File.Exists(confusion))
            {
                var rows = Csv.Parse(File.ReadAllText(confusion));
                var classes = rows[0].Skip(1).ToArray();
                var counts = rows.Skip(1).Select(r => r.Skip(1).Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
                w.Chart($"cnn_confusion_{m}", ExperimentCharts.ConfusionMatrix(counts, classes, $"Q2 genre, CNN {row.Config.Key}, test tracks"), 800, 700, highlight: true);
            }
            string probabilities = Path.Combine(outDir, $"best-{m}-test-probabilities.csv");
            if (File.Exists(probabilities))
            {
                var rows = Csv.Parse(File.ReadAllText(probabilities));
                var classes = rows[0].Skip(2).ToArray();
                var data = rows.Skip(1).Where(r => r.Length == classes.Length + 2).ToArray();
                var yTrue = data.Select(r => Array.IndexOf(classes, r[1])).ToArray();
                var proba = data.Select(r => r.Skip(2).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
                var curves = RocCurve.OneVsRest(yTrue, proba, classes.Length);
                w.Chart($"cnn_roc_{m}", ExperimentCharts.Roc(curves, classes,
                    $"CNN {row.Config.Key}: one-vs-rest ROC on the test tracks, macro AUC {RocCurve.MacroAuc(curves):0.000}"), 900, 650, highlight: true);
            }
            string history = Path.Combine(outDir, row.ModelDir, "history.csv");
            if (File.Exists(history))
            {
                var h = Csv.Parse(File.ReadAllText(history));
                double[] Col(string name) { int k = Array.IndexOf(h[0], name); return h.Skip(1).Select(r => double.Parse(r[k], CultureInfo.InvariantCulture)).ToArray(); }
                var epochs = Col("epoch");
                var chart = Chart.Combine(new[]
                {
                    Chart.Line<double, double, string>(x: epochs, y: Col("train_loss"), Name: "train loss"),
                    Chart.Line<double, double, string>(x: epochs, y: Col("val_loss"), Name: "validation loss"),
                    Chart.Line<double, double, string>(x: epochs, y: Col("train_accuracy"), Name: "train accuracy"),
                    Chart.Line<double, double, string>(x: epochs, y: Col("val_accuracy"), Name: "validation accuracy"),
                }).WithChartTitle($"CNN {row.Config.Key}: learning curve")
                  .WithXAxisStyle<double, double, string>(TitleText: "epoch")
                  .WithYAxisStyle<double, double, string>(TitleText: "loss / accuracy");
                w.Chart($"cnn_learning_curve_{m}", chart, 900, 500, highlight: true);
            }
        }
        if (result.Rows.Count > 0)
        {
            var ordered = result.Rows.OrderBy(r => r.Config.Image).ThenByDescending(r => r.ValAccuracy).ToList();
            w.Chart("cnn_sweep", ExperimentCharts.GroupedBars(ordered.Select(r => r.Config.Key).ToList(), new Dictionary<string, double[]>
            {
                ["validation accuracy"] = ordered.Select(r => r.ValAccuracy).ToArray(),
                ["test accuracy"] = ordered.Select(r => r.TestAccuracy).ToArray(),
                ["test macro-F1"] = ordered.Select(r => r.TestMacroF1).ToArray(),
            }, "CNN sweep: every configuration (track level)", "score"), 900, 650, highlight: true);
        }
        w.Table("best", best);
        return new CnnReportResult(best, w.Highlights, w.Files);
    }
}

/// <summary>What <see cref="CnnReport.Write"/> produced.</summary>
/// <param name="Best">Best configuration per image mode (the <c>best.csv</c> table).</param>
/// <param name="Charts">The charts (HTML paths) in display order: per mode confusion, ROC, learning curve; then the sweep.</param>
/// <param name="Files">Every file written.</param>
public sealed record CnnReportResult(TidyTable Best, IReadOnlyList<string> Charts, IReadOnlyList<string> Files);
