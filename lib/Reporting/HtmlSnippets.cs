using System.Globalization;
using System.Net;
using System.Text;
using AudioAlchemy.Experiments;

namespace AudioAlchemy.Reporting;

/// <summary>Small HTML pieces for notebook cells: a table of a <see cref="TidyTable"/> and an inline PNG.</summary>
public static class HtmlSnippets
{
    /// <summary>An HTML table of <paramref name="table"/> (numbers with <paramref name="decimals"/> decimals), at most <paramref name="maxRows"/> rows.</summary>
    public static string Table(TidyTable table, int decimals = 3, int maxRows = 50)
    {
        var sb = new StringBuilder("<table><tr>");
        foreach (var c in table.Columns) sb.Append("<th>").Append(WebUtility.HtmlEncode(c)).Append("</th>");
        sb.Append("</tr>");
        string fmt = "0." + new string('0', Math.Max(0, decimals));
        foreach (var row in table.Rows.Take(maxRows))
        {
            sb.Append("<tr>");
            foreach (var cell in row)
                sb.Append("<td>").Append(WebUtility.HtmlEncode(cell is double d ? d.ToString(fmt, CultureInfo.InvariantCulture) : TidyTable.Format(cell))).Append("</td>");
            sb.Append("</tr>");
        }
        sb.Append("</table>");
        if (table.Rows.Count > maxRows) sb.Append("<p>… ").Append(table.Rows.Count - maxRows).Append(" more rows in the CSV</p>");
        return sb.ToString();
    }

    /// <summary>
    /// An <c>&lt;img&gt;</c> with the PNG embedded (data URI), so the executed notebook shows it anywhere; when the PNG does not
    /// exist (no Chromium), a note naming the interactive HTML chart instead.
    /// </summary>
    public static string Image(string pngPath, int maxWidth = 700)
    {
        if (!File.Exists(pngPath))
        {
            string html = Path.ChangeExtension(pngPath, ".html");
            return $"<p>(no PNG: {WebUtility.HtmlEncode(Path.GetFileName(pngPath))}; interactive chart: {WebUtility.HtmlEncode(File.Exists(html) ? html : "not written")})</p>";
        }
        return $"<figure><img style=\"max-width:{maxWidth}px\" src=\"data:image/png;base64,{Convert.ToBase64String(File.ReadAllBytes(pngPath))}\">" +
            $"<figcaption>{WebUtility.HtmlEncode(Path.GetFileName(pngPath))}</figcaption></figure>";
    }
}
