using System.Net;
using System.Text;

namespace AudioAlchemy.Reporting;

/// <summary>
/// The figures a notebook shows: for each chart HTML (written by the studies without PNGs, which keeps them fast), a PNG
/// screenshot by headless Chromium when <c>png</c> is on and Chromium is installed (only when the PNG is missing or older
/// than its chart), then the PNG inline or, without one, a link to the interactive chart.
/// </summary>
public static class Figures
{
    /// <summary>Screenshots <paramref name="chartHtmlPaths"/> as needed and returns HTML showing them; missing charts are skipped.</summary>
    public static string Show(IEnumerable<string> chartHtmlPaths, bool png = true, int width = 900, int height = 700, int displayWidth = 600,
        Action<string>? log = null)
    {
        var shooter = png ? ChromiumScreenshot.TryCreate() : null;
        if (png && shooter is null) log?.Invoke("no Chromium found (/usr/bin/chromium or $CHROMIUM): charts stay interactive HTML only");
        var sb = new StringBuilder();
        foreach (var html in chartHtmlPaths.Where(File.Exists))
        {
            string pngPath = Path.ChangeExtension(html, ".png");
            if (shooter is not null && (!File.Exists(pngPath) || File.GetLastWriteTimeUtc(pngPath) < File.GetLastWriteTimeUtc(html)))
            {
                try { shooter.Capture(html, pngPath, width, height); }
                catch (AlchemyException e) { log?.Invoke($"screenshot failed: {e.Message}"); }
            }
            sb.Append(File.Exists(pngPath) && File.GetLastWriteTimeUtc(pngPath) >= File.GetLastWriteTimeUtc(html)
                ? HtmlSnippets.Image(pngPath, displayWidth)
                : $"<p>chart: <code>{WebUtility.HtmlEncode(html)}</code> (interactive HTML)</p>");
        }
        return sb.ToString();
    }
}
