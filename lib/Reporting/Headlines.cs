using System.Globalization;

namespace AudioAlchemy.Reporting;

/// <summary>
/// The headline numbers of a demo run, read back from the result tables (never stored anywhere else): Q1 best model per
/// ablation (stratified CV), Q2 held-out metrics, CNN best per image mode, MP3-vs-WAV similarity and transfer accuracy.
/// A study whose tables are missing contributes nothing.
/// </summary>
public static class Headlines
{
    /// <summary>One line per headline, in study order.</summary>
    public static IReadOnlyList<string> Read(string resultsDir)
    {
        var lines = new List<string>();
        var layout = new ResultsLayout(resultsDir);
        string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);

        var q1 = CsvRecords.Read(layout.Q1Summary);
        foreach (var cv in q1.Select(r => r.Text("cv")).Distinct())
            foreach (var g in q1.Where(r => r.Text("cv") == cv).GroupBy(r => r.Text("ablation")))
            {
                var best = g.OrderByDescending(r => r.Number("f1")).First();
                lines.Add($"Q1 language ({cv} CV), {g.Key}: best {best.Text("model")} macro-F1 {F(best.Number("f1"))} ± {F(best.Number("f1_std"))}, " +
                    $"accuracy {F(best.Number("accuracy"))}");
            }
        foreach (var r in CsvRecords.Read(layout.Q2TestMetrics))
            lines.Add($"Q2 genre, {r.Text("model")} ({r.Text("params")}): CV {F(r.Number("cv_score"))}, held-out accuracy {F(r.Number("test_accuracy"))}, " +
                $"macro-F1 {F(r.Number("test_f1"))}");
        foreach (var r in CsvRecords.Read(layout.Q2CnnBest))
            lines.Add($"Q2 genre, CNN {r.Text("image")} {r.Text("config")}: test accuracy {F(r.Number("test_accuracy"))}, macro-F1 {F(r.Number("test_macro_f1"))}");
        foreach (var r in CsvRecords.Read(layout.Mp3Similarity))
            lines.Add($"MP3 {r.Text("kbps")} kbps vs WAV ({r.Text("tracks")} tracks): band-spectrum Pearson r mean {F(r.Number("mean_pearson"))} " +
                $"(min {F(r.Number("min_pearson"))}), mean |ΔdB| {r.Number("mean_abs_diff_db").ToString("0.00", CultureInfo.InvariantCulture)} dB");
        foreach (var r in CsvRecords.Read(layout.Mp3Transfer))
            lines.Add($"{r.Text("model")} trained on {r.Text("trained_on")}, tested on {r.Text("tested_on")}: accuracy {F(r.Number("accuracy"))}, macro-F1 {F(r.Number("macro_f1"))}");
        lines.AddRange(RecommendationHeadlines.Read(resultsDir));
        return lines;
    }
}
