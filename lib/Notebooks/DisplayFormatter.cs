using Microsoft.AspNetCore.Html;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace AudioAlchemy.Notebooks;

/// <summary>
/// Turns a displayed value into a Jupyter mime bundle through Microsoft.DotNet.Interactive.Formatting, like the
/// Polyglot kernel: text/html + text/plain for objects, text/plain for strings, the markup itself for HTML content,
/// and offline-capable HTML for Plotly.NET charts.
/// </summary>
public static class DisplayFormatter
{
    /// <summary>The mime bundle (mime type → text, "\n" line ends) for <paramref name="value"/>; empty for null.</summary>
    public static IReadOnlyDictionary<string, string> Format(object? value) => Normalize(FormatRaw(value));

    private static Dictionary<string, string> FormatRaw(object? value)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (value)
        {
            case null:
                break;
            case GenericChart chart:
                data["text/html"] = PlotlyHtml.ChartHtml(chart);
                data["text/plain"] = "Plotly.NET chart";
                break;
            case string s:
                data["text/plain"] = s;
                break;
            case IHtmlContent html:
                data["text/html"] = Formatter.ToDisplayString(html, HtmlFormatter.MimeType);
                break;
            default:
                var preferred = Formatter.GetPreferredMimeTypesFor(value.GetType());
                if (preferred.Contains(HtmlFormatter.MimeType)) data[HtmlFormatter.MimeType] = Formatter.ToDisplayString(value, HtmlFormatter.MimeType);
                data[PlainTextFormatter.MimeType] = Formatter.ToDisplayString(value, PlainTextFormatter.MimeType);
                foreach (var mime in preferred.Where(m => !data.ContainsKey(m))) data[mime] = Formatter.ToDisplayString(value, mime);
                break;
        }
        return data;
    }

    /// <summary>The bundle for a value shown with <c>display(x, mimeTypes)</c> / <c>x.Display()</c> /
    /// <c>text.DisplayAs(mime)</c>: the default bundle, unless specific mime types were asked for.</summary>
    public static IReadOnlyDictionary<string, string> Format(DisplayedValue displayed)
    {
        var data = Format(displayed.Value);
        if (displayed.Value is GenericChart) return data;
        var requested = displayed.FormattedValues.Where(f => !data.ContainsKey(f.MimeType)).ToList();
        if (requested.Count == 0) return data;
        return Normalize(displayed.FormattedValues.ToDictionary(f => f.MimeType, f => f.Value, StringComparer.Ordinal));
    }

    private static Dictionary<string, string> Normalize(Dictionary<string, string> data)
    {
        foreach (var key in data.Keys.ToList()) data[key] = data[key].Replace("\r\n", "\n", StringComparison.Ordinal);
        return data;
    }
}
