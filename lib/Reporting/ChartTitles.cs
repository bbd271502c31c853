using Plotly.NET;

namespace AudioAlchemy.Reporting;

/// <summary>Chart title helper for the demo's charts.</summary>
internal static class ChartTitles
{
    /// <summary>The chart with <paramref name="title"/> as its layout title.</summary>
    public static GenericChart WithChartTitle(this GenericChart chart, string title) => Plotly.NET.Chart.withTitle(title, null).Invoke(chart);
}
