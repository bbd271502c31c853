using Plotly.NET;

namespace AudioAlchemy.Reporting;

/// <summary>
/// Writes Plotly.NET charts as standalone offline HTML: plotly.js is embedded in full
/// (<see cref="PlotlyJSReference.Full"/>), so the page renders without network (a CDN reference renders blank offline).
/// </summary>
public static class ChartHtml
{
    /// <summary>The complete HTML page of <paramref name="chart"/> with plotly.js inlined.</summary>
    public static string ToHtml(GenericChart chart)
    {
        var options = DisplayOptions.init(null, null, null, null, null, null, PlotlyJSReference.Full);
        return GenericChart.toEmbeddedHTML(Chart.withDisplayOptions(options).Invoke(chart));
    }

    /// <summary>Writes <paramref name="chart"/> to <paramref name="htmlPath"/> atomically; returns the path.</summary>
    public static string Save(GenericChart chart, string htmlPath)
    {
        AtomicFile.WriteAllText(htmlPath, ToHtml(chart));
        return htmlPath;
    }

    /// <summary>
    /// Writes the HTML and, when headless Chromium is available, a PNG next to it (same name, <c>.png</c>).
    /// Returns the PNG path or null when no PNG was made (no Chromium, or it failed: the reason is in <paramref name="note"/>).
    /// </summary>
    public static string? SaveWithPng(GenericChart chart, string htmlPath, int width, int height, out string? note)
    {
        Save(chart, htmlPath);
        note = null;
        var shooter = ChromiumScreenshot.TryCreate();
        if (shooter is null) { note = "no headless Chromium found; PNG skipped"; return null; }
        string png = Path.ChangeExtension(htmlPath, ".png");
        try
        {
            shooter.Capture(htmlPath, png, width, height);
            return png;
        }
        catch (AlchemyException e)
        {
            note = e.Message;
            return null;
        }
    }
}
