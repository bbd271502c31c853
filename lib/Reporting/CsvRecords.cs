using AudioAlchemy.Corpus;

namespace AudioAlchemy.Reporting;

/// <summary>A CSV file as records (header → value), for reading result tables back.</summary>
public static class CsvRecords
{
    /// <summary>The rows of <paramref name="path"/> keyed by header name; empty when the file does not exist.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(string path)
    {
        if (!File.Exists(path)) return [];
        var rows = Csv.Parse(File.ReadAllText(path));
        if (rows.Count == 0) return [];
        var header = rows[0];
        return rows.Skip(1).Where(r => r.Length == header.Length)
            .Select(r => (IReadOnlyDictionary<string, string>)header.Select((h, i) => (h, r[i])).ToDictionary(x => x.h, x => x.Item2)).ToList();
    }

    /// <summary>The cell as text ("?" when the column is absent).</summary>
    public static string Text(this IReadOnlyDictionary<string, string> row, string column) => row.TryGetValue(column, out var s) ? s : "?";

    /// <summary>The cell as a number (NaN when empty or not a number).</summary>
    public static double Number(this IReadOnlyDictionary<string, string> row, string column) =>
        row.TryGetValue(column, out var s) && double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v)
            ? v : double.NaN;
}
