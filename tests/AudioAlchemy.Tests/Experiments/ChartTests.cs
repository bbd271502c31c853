using AudioAlchemy.Experiments;
using AudioAlchemy.Reporting;

namespace AudioAlchemy.Tests.Experiments;

public class ChartTests
{
    [Fact]
    public void HtmlEmbedsPlotlyJsAndNoCdn()
    {
        var chart = ExperimentCharts.ConfusionMatrix([[3, 1], [0, 4]], ["a", "b"], "test");
        string html = ChartHtml.ToHtml(chart);
        Assert.True(html.Length > 1_000_000, $"plotly.js not embedded ({html.Length} chars)");
        Assert.DoesNotContain("<script src=\"https://cdn", html);
        Assert.Contains("\"heatmap\"", html);
    }

    [Fact]
    public void EveryChartKindRenders()
    {
        var roc = RocCurve.OneVsRest([0, 1, 1, 0], [[0.8, 0.2], [0.3, 0.7], [0.4, 0.6], [0.6, 0.4]], 2);
        Assert.Contains("AUC 1.000", ChartHtml.ToHtml(ExperimentCharts.Roc(roc, ["x", "y"], "roc")));
        var lc = new[] { new LearningCurvePoint(10, 1, 0, 0.7, 0.1), new LearningCurvePoint(20, 0.95, 0.02, 0.8, 0.05) };
        Assert.Contains("validation", ChartHtml.ToHtml(ExperimentCharts.LearningCurve(lc, "lc", "accuracy")));
    }

    [ChromiumFact]
    public void ChromiumScreenshotIsNotBlankWhenChromiumExists()
    {
        var shooter = ChromiumScreenshot.TryCreate()!;
        using var tmp = TestData.TempDir();
        var png = ChartHtml.SaveWithPng(ExperimentCharts.ConfusionMatrix([[5, 1], [2, 7]], ["a", "b"], "png test"), tmp.File("c.html"), 500, 400, out var note);
        Assert.True(png is not null, note);
        var bytes = File.ReadAllBytes(png!);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.True(bytes.Length > 5000, $"PNG suspiciously small ({bytes.Length} bytes): blank page?");
    }
}
