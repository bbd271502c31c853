using System.Net;
using System.Text;
using AudioAlchemy.Corpus;

namespace AudioAlchemy.Reporting;

/// <summary>
/// Writes <c>index.html</c> in a results folder: one section per sub-folder (corpus, q1, q2, q2-cnn, mp3-vs-wav first, then
/// the rest), each showing its PNG figures inline (linked to the interactive chart HTML next to them), links to charts
/// without a PNG, and its CSV tables rendered as HTML (first <see cref="MaxTableRows"/> rows, linked to the full file);
/// then the executed notebooks. The headline numbers (<see cref="Headlines"/>) come first. Static HTML with relative links and no scripts, so it works offline and when the folder
/// is copied elsewhere (the chart pages embed plotly.js themselves). Written atomically.
/// </summary>
public static class ReportIndex
{
    /// <summary>Rows of each CSV shown inline.</summary>
    public const int MaxTableRows = 30;

    private static readonly ResultsLayout L = new("");

    private static string Folder(string path) => Path.GetFileName(path);

    /// <summary>Section order and titles for the known study folders.</summary>
    public static readonly IReadOnlyList<(string Folder, string Title)> KnownSections =
    [
        (Folder(L.Corpus), "00 · Corpus"),
        (Folder(L.Q1), "01 · Q1: sung language, full mix vs vocals vs instrumental"),
        (Folder(L.Q2), "02 · Q2: genre, classical models"),
        (Folder(L.Q2Cnn), "03 · Q2: genre, CNN on mel images"),
        (Folder(L.Mp3VsWav), "04 · MP3 vs WAV"),
        (Folder(L.Rec), "06 · Recommendation: language-aware vs blind"),
        (Folder(L.Player), "Player page (alchemy player): live WAV vs MP3 spectra while playing"),
    ];

    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "models", "notebooks", ".tmp" };

    /// <summary>Builds the page for <paramref name="resultsDir"/> and writes it to <c>index.html</c> there; returns its path.</summary>
    public static string Write(string resultsDir, string title = "AudioAlchemy demo results")
    {
        var root = new DirectoryInfo(resultsDir);
        if (!root.Exists) throw new AlchemyException($"{resultsDir}: results folder not found");
        string html = Render(root, title);
        string path = Path.Combine(root.FullName, "index.html");
        AtomicFile.WriteAllText(path, html);
        return path;
    }

    /// <summary>The page's HTML for <paramref name="root"/> (no file written).</summary>
    public static string Render(DirectoryInfo root, string title)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append("</title>\n<style>")
          .Append("body{font-family:system-ui,sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;color:#222}")
          .Append("table{border-collapse:collapse;font-size:0.85em;margin:0.5em 0 1.5em}td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}")
          .Append("th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}figure{display:inline-block;margin:0.5em;vertical-align:top}")
          .Append("figure img{max-width:560px;border:1px solid #ddd}figcaption{font-size:0.85em}nav a{margin-right:1em}")
          .Append("</style></head><body>\n<h1>").Append(E(title)).Append("</h1>\n");
        sb.Append("<p>Generated ").Append(E(DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'"))).Append(" from <code>")
          .Append(E(root.FullName)).Append("</code>. Figures link to interactive charts (plotly.js embedded, offline).</p>\n");

        var folders = root.EnumerateDirectories().Where(d => !SkippedFolders.Contains(d.Name) && !d.Name.StartsWith('.')).ToList();
        var ordered = KnownSections.Select(k => (Dir: folders.FirstOrDefault(d => d.Name == k.Folder), k.Title)).Where(x => x.Dir is not null)
            .Select(x => (x.Dir!, x.Title))
            .Concat(folders.Where(d => KnownSections.All(k => k.Folder != d.Name)).OrderBy(d => d.Name, StringComparer.Ordinal).Select(d => (d, d.Name)))
            .ToList();
        var notebooks = new DirectoryInfo(Path.Combine(root.FullName, "notebooks"));

        sb.Append("<nav>");
        foreach (var (dir, t) in ordered) sb.Append("<a href=\"#").Append(E(dir.Name)).Append("\">").Append(E(t)).Append("</a>");
        if (notebooks.Exists) sb.Append("<a href=\"#notebooks\">Notebooks</a>");
        sb.Append("</nav>\n");

        var headlines = Headlines.Read(root.FullName);
        if (headlines.Count > 0)
        {
            sb.Append("<h2 id=\"headlines\">Headline numbers</h2>\n<p>Read back from the CSV tables below.</p>\n<ul>\n");
            foreach (var h in headlines) sb.Append("<li>").Append(E(h)).Append("</li>\n");
            sb.Append("</ul>\n");
        }

        var topFiles = root.EnumerateFiles().Where(f => f.Name != "index.html" && !f.Name.EndsWith(".tmp", StringComparison.Ordinal)).ToList();
        if (topFiles.Count > 0) Section(sb, root, root, "top", "Overview", topFiles);
        foreach (var (dir, t) in ordered)
        {
            var files = dir.EnumerateFiles("*", SearchOption.AllDirectories)
                .Where(f => !RelativeParts(dir, f).Any(p => SkippedFolders.Contains(p)) && !f.Name.EndsWith(".tmp", StringComparison.Ordinal)).ToList();
            Section(sb, root, dir, dir.Name, t, files);
        }
        if (notebooks.Exists)
        {
            sb.Append("<h2 id=\"notebooks\">Executed notebooks</h2>\n<ul>\n");
            foreach (var f in notebooks.EnumerateFiles("*.html").OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                string stem = Path.GetFileNameWithoutExtension(f.Name);
                sb.Append("<li><a href=\"").Append(Href(root, f)).Append("\">").Append(E(stem)).Append("</a>");
                var ipynb = new FileInfo(Path.Combine(f.DirectoryName!, stem + ".ipynb"));
                if (ipynb.Exists) sb.Append(" (<a href=\"").Append(Href(root, ipynb)).Append("\">.ipynb</a>)");
                sb.Append("</li>\n");
            }
            sb.Append("</ul>\n");
        }
        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    private static void Section(StringBuilder sb, DirectoryInfo root, DirectoryInfo dir, string id, string title, List<FileInfo> files)
    {
        sb.Append("<h2 id=\"").Append(E(id)).Append("\">").Append(E(title)).Append("</h2>\n");
        var byName = files.OrderBy(f => Path.GetRelativePath(dir.FullName, f.FullName), StringComparer.Ordinal).ToList();
        // a PNG older than its chart is a stale screenshot: link the chart instead
        static bool Fresh(FileInfo png) => !File.Exists(Path.ChangeExtension(png.FullName, ".html"))
            || png.LastWriteTimeUtc >= File.GetLastWriteTimeUtc(Path.ChangeExtension(png.FullName, ".html"));
        var pngs = byName.Where(f => f.Extension == ".png" && Fresh(f)).ToList();
        foreach (var png in pngs)
        {
            var chart = new FileInfo(Path.ChangeExtension(png.FullName, ".html"));
            string caption = Path.GetFileNameWithoutExtension(png.Name);
            sb.Append("<figure><a href=\"").Append(Href(root, chart.Exists ? chart : png)).Append("\"><img src=\"").Append(Href(root, png))
              .Append("\" alt=\"").Append(E(caption)).Append("\"></a><figcaption>").Append(E(caption)).Append("</figcaption></figure>\n");
        }
        var charts = byName.Where(f => f.Extension == ".html" && !pngs.Any(p => p.FullName == Path.ChangeExtension(f.FullName, ".png"))).ToList();
        if (charts.Count > 0)
        {
            sb.Append("<p>Interactive charts: ");
            sb.AppendJoin(" · ", charts.Select(c => $"<a href=\"{Href(root, c)}\">{E(Path.GetFileNameWithoutExtension(c.Name))}</a>"));
            sb.Append("</p>\n");
        }
        foreach (var csv in byName.Where(f => f.Extension == ".csv")) Table(sb, root, csv);
        var other = byName.Where(f => f.Extension is not (".png" or ".html" or ".csv")).ToList();
        if (other.Count > 0)
        {
            sb.Append("<p>Other files: ");
            sb.AppendJoin(" · ", other.Select(o => $"<a href=\"{Href(root, o)}\">{E(Path.GetRelativePath(dir.FullName, o.FullName))}</a>"));
            sb.Append("</p>\n");
        }
    }

    private static void Table(StringBuilder sb, DirectoryInfo root, FileInfo csv)
    {
        List<string[]> rows;
        try { rows = Csv.Parse(File.ReadAllText(csv.FullName)); }
        catch (Exception e) when (e is IOException or AlchemyException or FormatException)
        {
            sb.Append("<p><a href=\"").Append(Href(root, csv)).Append("\">").Append(E(csv.Name)).Append("</a>: unreadable (").Append(E(e.Message)).Append(")</p>\n");
            return;
        }
        sb.Append("<h3><a href=\"").Append(Href(root, csv)).Append("\">").Append(E(csv.Name)).Append("</a></h3>\n");
        if (rows.Count == 0) { sb.Append("<p>(empty)</p>\n"); return; }
        sb.Append("<table><tr>");
        foreach (var h in rows[0]) sb.Append("<th>").Append(E(h)).Append("</th>");
        sb.Append("</tr>\n");
        foreach (var r in rows.Skip(1).Take(MaxTableRows))
        {
            sb.Append("<tr>");
            foreach (var c in r) sb.Append("<td>").Append(E(Short(c))).Append("</td>");
            sb.Append("</tr>\n");
        }
        sb.Append("</table>\n");
        if (rows.Count - 1 > MaxTableRows) sb.Append("<p>… ").Append(rows.Count - 1 - MaxTableRows).Append(" more rows in the CSV.</p>\n");
    }

    /// <summary>Numbers with many digits are shown with 4 significant decimals; text is kept.</summary>
    private static string Short(string cell) =>
        cell.Length > 8 && double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v)
            ? v.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) : cell;

    private static IEnumerable<string> RelativeParts(DirectoryInfo dir, FileInfo f) =>
        Path.GetRelativePath(dir.FullName, f.DirectoryName!).Split(Path.DirectorySeparatorChar).Where(p => p != ".");

    private static string Href(DirectoryInfo root, FileInfo f) =>
        string.Join('/', Path.GetRelativePath(root.FullName, f.FullName).Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString));

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
