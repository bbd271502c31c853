using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;

namespace AudioAlchemy.Notebooks;

/// <summary>
/// A standalone, offline HTML page of an (executed) notebook: markdown cells rendered (Markdig: headings, lists,
/// tables, code, emphasis, links), code cells with their outputs (HTML, plain text, PNG/SVG images, streams,
/// errors), and plotly.js embedded once in the head when any output draws a Plotly chart.
/// </summary>
public static partial class NotebookHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private const string Style = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #1f2328; }
        .cell { margin: 0.8em 0; }
        .prompt { color: #57606a; font: 12px monospace; margin-bottom: 2px; }
        pre { margin: 0; white-space: pre-wrap; word-break: break-word; }
        .source pre { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: 0.6em; font-size: 13px; }
        .output { padding: 0.4em 0.6em; overflow-x: auto; }
        .stream pre { font-size: 13px; }
        .stderr { background: #fff8e1; }
        .error { background: #ffebe9; border-left: 4px solid #cf222e; }
        .markdown table { border-collapse: collapse; } .markdown th, .markdown td { border: 1px solid #d0d7de; padding: 4px 8px; }
        .markdown code { background: #f6f8fa; padding: 0 3px; border-radius: 3px; }
        .failed { color: #cf222e; font-weight: bold; }
        """;

    /// <summary>The page for <paramref name="notebook"/>, titled <paramref name="title"/>.</summary>
    public static string Render(NotebookDocument notebook, string title)
    {
        var body = new StringBuilder();
        bool charts = false;
        foreach (var cell in notebook.Cells)
        {
            if (cell.IsMarkdown)
            {
                body.Append("<div class=\"cell markdown\">").Append(Markdown.ToHtml(cell.Source, Pipeline)).Append("</div>\n");
                continue;
            }
            if (!cell.IsCode)
            {
                body.Append("<div class=\"cell raw\"><pre>").Append(Encode(cell.Source)).Append("</pre></div>\n");
                continue;
            }
            string prompt = cell.ExecutionCount is { } n ? $"In [{n}]:" : "In [ ]:";
            body.Append("<div class=\"cell code\"><div class=\"prompt\">").Append(prompt).Append("</div>")
                .Append("<div class=\"source\"><pre><code>").Append(Encode(cell.Source)).Append("</code></pre></div>\n");
            foreach (var output in cell.Outputs)
            {
                string html = RenderOutput(output);
                charts |= PlotlyHtml.DrawsChart(html);
                body.Append(html).Append('\n');
            }
            body.Append("</div>\n");
        }
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(Encode(title)).Append("</title>\n<style>\n")
            .Append(Style).Append("\n</style>\n");
        if (charts)
            page.Append("<script type=\"text/javascript\">/* plotly.js ").Append(PlotlyHtml.PlotlyJsVersion).Append(" (MIT), embedded for offline viewing */\n")
                .Append(PlotlyHtml.PlotlyJs).Append("\n</script>\n");
        page.Append("</head>\n<body>\n").Append(body).Append("</body>\n</html>\n");
        return page.ToString();
    }

    /// <summary>Writes the page atomically.</summary>
    public static void Save(NotebookDocument notebook, string title, string path) => AtomicFile.WriteAllText(path, Render(notebook, title));

    private static string RenderOutput(NotebookOutput output)
    {
        switch (output.OutputType)
        {
            case "stream":
                string cls = output.StreamName == "stderr" ? "output stream stderr" : "output stream";
                return $"<div class=\"{cls}\"><pre>{Encode(StripAnsi(output.Text))}</pre></div>";
            case "error":
                var lines = output.Traceback.Count > 0 ? output.Traceback : [$"{output.ErrorName}: {output.ErrorValue}"];
                return $"<div class=\"output error\"><pre><span class=\"failed\">{Encode(output.ErrorName ?? "Error")}: {Encode(output.ErrorValue ?? "")}</span>\n{Encode(StripAnsi(string.Join('\n', lines)))}</pre></div>";
            case "display_data" or "execute_result":
                var data = output.Data;
                string prompt = output.OutputType == "execute_result" && output.ExecutionCount is { } n ? $"<div class=\"prompt\">Out[{n}]:</div>" : "";
                if (data.TryGetValue("text/html", out var html)) return $"{prompt}<div class=\"output html\">{html}</div>";
                if (data.TryGetValue("image/svg+xml", out var svg)) return $"{prompt}<div class=\"output image\">{svg}</div>";
                if (data.TryGetValue("image/png", out var png)) return $"{prompt}<div class=\"output image\"><img src=\"data:image/png;base64,{png.Trim()}\"></div>";
                if (data.TryGetValue("text/markdown", out var md)) return $"{prompt}<div class=\"output markdown\">{Markdown.ToHtml(md, Pipeline)}</div>";
                if (data.TryGetValue("text/plain", out var text)) return $"{prompt}<div class=\"output text\"><pre>{Encode(text)}</pre></div>";
                return "";
            default:
                return "";
        }
    }

    private static string Encode(string s) => WebUtility.HtmlEncode(s);

    private static string StripAnsi(string s) => Ansi().Replace(s, "");

    [GeneratedRegex(@"\x1b\[[0-9;]*[A-Za-z]")]
    private static partial Regex Ansi();
}
