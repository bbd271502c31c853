using System.Globalization;
using AudioAlchemy.Experiments;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace AudioAlchemy.Reporting;

/// <summary>Plotly.NET charts of experiment results: confusion matrix, learning curve, sweep, ROC curves.</summary>
public static class ExperimentCharts
{
    /// <summary>Heatmap of <paramref name="confusion"/> (rows true, columns predicted; shape (classes, classes)), values in hover.</summary>
    public static GenericChart ConfusionMatrix(int[][] confusion, IReadOnlyList<string> classes, string title, bool normalize = true)
    {
        var z = confusion.Select(r =>
        {
            double s = r.Sum();
            return r.Select(v => normalize ? (s == 0 ? 0 : v / s) : v).ToArray();
        }).ToArray();
        return Chart.Heatmap<double, string, string, string>(
                zData: z, X: classes.ToArray(), Y: classes.ToArray(), ColorScale: StyleParam.Colorscale.Greens, ReverseYAxis: true)
            .WithXAxisStyle<double, double, string>(TitleText: "predicted")
            .WithYAxisStyle<double, double, string>(TitleText: "true")
            .Titled(title + (normalize ? " (row-normalised)" : ""));
    }

    /// <summary>Train and validation score (mean, with mean ± std dashed) against training size.</summary>
    public static GenericChart LearningCurve(IReadOnlyList<LearningCurvePoint> points, string title, string scoreName)
    {
        var x = points.Select(p => (double)p.TrainSize).ToArray();
        GenericChart Band(string name, Func<LearningCurvePoint, double> mean, Func<LearningCurvePoint, double> std) => Chart.Combine([
            Chart.Line<double, double, string>(x, points.Select(mean).ToArray(), Name: name, ShowMarkers: true),
            Chart.Line<double, double, string>(x, points.Select(p => mean(p) + std(p)).ToArray(), Name: name + " + std", LineDash: StyleParam.DrawingStyle.Dash, ShowLegend: false),
            Chart.Line<double, double, string>(x, points.Select(p => mean(p) - std(p)).ToArray(), Name: name + " − std", LineDash: StyleParam.DrawingStyle.Dash, ShowLegend: false),
        ]);
        return Chart.Combine([Band("train", p => p.TrainMean, p => p.TrainStd), Band("validation", p => p.ValidationMean, p => p.ValidationStd)])
            .WithXAxisStyle<double, double, string>(TitleText: "training rows")
            .WithYAxisStyle<double, double, string>(TitleText: scoreName)
            .Titled(title);
    }

    /// <summary>
    /// Sweep scores against parameter <paramref name="xParam"/>, one line per combination of the other parameters;
    /// without a numeric x parameter, configurations by rank order.
    /// </summary>
    public static GenericChart Sweep(SweepResult sweep, string title, string? xParam = null)
    {
        var rows = sweep.Rows;
        bool numericX = xParam is not null && rows.All(r => r.Model.Params.Values.TryGetValue(xParam, out var v)
            && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        GenericChart chart;
        if (numericX)
        {
            var series = rows.GroupBy(r => string.Join(",", r.Model.Params.Values.Where(kv => kv.Key != xParam).Select(kv => $"{kv.Key}={kv.Value}")));
            chart = Chart.Combine(series.Select(g =>
            {
                var pts = g.OrderBy(r => X(r)).ToArray();
                return Chart.Line<double, double, string>(pts.Select(X).ToArray(), pts.Select(r => r.Mean).ToArray(),
                    Name: g.Key.Length == 0 ? "score" : g.Key, ShowMarkers: true);
            }));
            chart = chart.WithXAxisStyle<double, double, string>(TitleText: xParam!);
        }
        else
        {
            var pts = rows.OrderBy(r => r.Rank).ToArray();
            chart = Chart.Line<double, double, string>(Enumerable.Range(1, pts.Length).Select(i => (double)i).ToArray(), pts.Select(r => r.Mean).ToArray(),
                    Name: "mean score", ShowMarkers: true, MultiText: pts.Select(r => r.Model.ToString()).ToArray())
                .WithXAxisStyle<double, double, string>(TitleText: "configuration (by rank)");
        }
        return chart.WithYAxisStyle<double, double, string>(TitleText: sweep.Scoring.Name() + " (CV mean)").Titled(title);

        double X(SweepRow r) => double.Parse(r.Model.Params.Values[xParam!], CultureInfo.InvariantCulture);
    }

    /// <summary>One-vs-rest ROC curve of each class (AUC in the legend) and the chance diagonal.</summary>
    public static GenericChart Roc(IReadOnlyList<RocCurve> curves, IReadOnlyList<string> classes, string title)
    {
        var lines = curves.Select((c, k) => Chart.Line<double, double, string>(c.Fpr, c.Tpr,
            Name: $"{classes[k]} (AUC {(double.IsFinite(c.Auc) ? c.Auc.ToString("0.000", CultureInfo.InvariantCulture) : "n/a")})")).ToList();
        lines.Add(Chart.Line<double, double, string>(new[] { 0.0, 1.0 }, new[] { 0.0, 1.0 }, Name: "chance", LineDash: StyleParam.DrawingStyle.Dot));
        return Chart.Combine(lines)
            .WithXAxisStyle<double, double, string>(TitleText: "false-positive rate")
            .WithYAxisStyle<double, double, string>(TitleText: "true-positive rate")
            .Titled(title);
    }

    /// <summary>Grouped bars: one group per <paramref name="categories"/> entry, one bar series per key of <paramref name="series"/>.</summary>
    public static GenericChart GroupedBars(IReadOnlyList<string> categories, IReadOnlyDictionary<string, double[]> series, string title, string yTitle) =>
        Chart.Combine(series.Select(kv => Chart.Column<double, string, string>(kv.Value, Keys: categories.ToArray(), Name: kv.Key)))
            .WithYAxisStyle<double, double, string>(TitleText: yTitle)
            .Titled(title);

    private static GenericChart Titled(this GenericChart chart, string title) => Plotly.NET.Chart.withTitle(title, null).Invoke(chart);
}
