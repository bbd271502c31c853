using System.Text.RegularExpressions;
using Microsoft.FSharp.Core;
using Plotly.NET;

namespace AudioAlchemy.Notebooks;

/// <summary>
/// Plotly.NET charts as notebook HTML. A chart output is a div plus a script calling <c>Plotly.newPlot</c>; the
/// script draws at once when plotly.js is already on the page (the standalone HTML embeds the bundle once in its
/// head, so it works offline) and otherwise loads plotly.js from its CDN (Jupyter/VS Code viewing the .ipynb).
/// </summary>
public static partial class PlotlyHtml
{
    private const string ResourcePrefix = "Plotly.NET.plotly-";
    private static readonly Lazy<(string Version, string Script)> Bundle = new(LoadBundle);

    /// <summary>The plotly.js version bundled with Plotly.NET (e.g. "2.28.0").</summary>
    public static string PlotlyJsVersion => Bundle.Value.Version;

    /// <summary>The full minified plotly.js bundle shipped inside Plotly.NET (about 3.6 MB), safe to inline in a script element.</summary>
    public static string PlotlyJs => Bundle.Value.Script;

    /// <summary>The chart as an HTML fragment (div + script) without a plotly.js reference of its own.</summary>
    public static string ChartHtml(GenericChart chart)
    {
        var options = DisplayOptions.setPlotlyReference(PlotlyJSReference.NoReference).Invoke(GenericChart.getDisplayOptions(chart));
        string html = GenericChart.toChartHTML(GenericChart.setDisplayOptions(options, chart));
        string cdn = $"https://cdn.plot.ly/plotly-{PlotlyJsVersion}.min";
        return RenderCall().Replace(html, m =>
        {
            string f = m.Groups[1].Value;
            return "if (typeof Plotly !== 'undefined') { " + f + "(); }\n"
                + "else if (typeof requirejs === 'function') { requirejs.config({paths: {plotly: '" + cdn + "'}}); "
                + "require(['plotly'], function (p) { window.Plotly = p; " + f + "(); }); }\n"
                + "else { var s = document.createElement('script'); s.src = '" + cdn + ".js'; s.onload = " + f + "; document.head.appendChild(s); }\n"
                + "</script>";
        }, 1);
    }

    /// <summary>True when an HTML fragment draws a Plotly chart (so the page needs plotly.js).</summary>
    public static bool DrawsChart(string html) => html.Contains("Plotly.newPlot(", StringComparison.Ordinal);

    private static (string, string) LoadBundle()
    {
        var asm = typeof(GenericChart).Assembly;
        string name = asm.GetManifestResourceNames().FirstOrDefault(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal))
            ?? throw new NotebookException($"Plotly.NET {asm.GetName().Version} does not embed plotly.js; offline chart HTML needs it");
        using var stream = asm.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        string version = name[ResourcePrefix.Length..^".min.js".Length];
        return (version, reader.ReadToEnd().Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"(renderPlotly_[0-9A-Za-z_]+)\(\);\s*</script>")]
    private static partial Regex RenderCall();
}
