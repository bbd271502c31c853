using AudioAlchemy.Models.MaskNet;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace AudioAlchemy.Reporting;

/// <summary>Charts of the learned separator's training.</summary>
public static class SeparatorCharts
{
    /// <summary>Validation vocals and accompaniment SDR (median, dB) and the training loss's SDR-equivalent (−loss) per epoch.</summary>
    public static GenericChart TrainingCurve(IReadOnlyList<MaskNetEpoch> history, string title, double? reference = null, string? referenceName = null)
    {
        var x = history.Select(h => (double)h.Epoch).ToArray();
        var lines = new List<GenericChart>
        {
            Chart.Line<double, double, string>(x, history.Select(h => h.ValVocalsSdr).ToArray(), Name: "validation vocals SDR (median)", ShowMarkers: true),
            Chart.Line<double, double, string>(x, history.Select(h => h.ValAccompanimentSdr).ToArray(), Name: "validation accompaniment SDR (median)", ShowMarkers: true),
            Chart.Line<double, double, string>(x, history.Select(h => -h.TrainLoss).ToArray(), Name: "training crops, −loss (dB)", ShowMarkers: true, LineDash: StyleParam.DrawingStyle.Dot),
        };
        if (reference is { } r && history.Count > 0)
            lines.Add(Chart.Line<double, double, string>([x[0], x[^1]], [r, r], Name: referenceName ?? "reference", LineDash: StyleParam.DrawingStyle.Dash));
        var chart = Chart.Combine(lines)
            .WithXAxisStyle<double, double, string>(TitleText: "epoch")
            .WithYAxisStyle<double, double, string>(TitleText: "dB");
        return Plotly.NET.Chart.withTitle(title, null).Invoke(chart);
    }
}
