using System.Text;

namespace AudioAlchemy.Sharding;

/// <summary>
/// A CSV file as raw records (RFC 4180: quoted fields may hold commas, quotes and line breaks), so a merge can copy
/// each record's text unchanged while reading the key fields. The line terminator of the header is kept.
/// </summary>
internal sealed class CsvRecords
{
    private CsvRecords(string header, string[] columns, List<(string Raw, string[] Fields)> rows, string newline)
    {
        Header = header;
        Columns = columns;
        Rows = rows;
        Newline = newline;
    }

    public string Header { get; }

    public string[] Columns { get; }

    public List<(string Raw, string[] Fields)> Rows { get; }

    public string Newline { get; }

    public static CsvRecords Read(string path)
    {
        string text = File.ReadAllText(path);
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var records = new List<(string Raw, string[] Fields)>();
        string newline = "\n";
        int i = 0;
        while (i < text.Length)
        {
            int start = i;
            var fields = new List<string>();
            var field = new StringBuilder();
            bool quoted = false, atFieldStart = true;
            for (; i < text.Length; i++)
            {
                char c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else if (c == '"') quoted = false;
                    else field.Append(c);
                }
                else if (c == '"' && atFieldStart) { quoted = true; atFieldStart = false; }
                else if (c == ',') { fields.Add(field.ToString()); field.Clear(); atFieldStart = true; }
                else if (c is '\n' or '\r') break;
                else { field.Append(c); atFieldStart = false; }
            }
            if (quoted) throw new AlchemyException($"{path}: unterminated quoted field in the record starting at character {start}");
            fields.Add(field.ToString());
            string raw = text[start..i];
            string terminator = i < text.Length && text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? "\r\n" : i < text.Length ? text[i].ToString() : "";
            if (records.Count == 0 && terminator.Length > 0) newline = terminator;
            i += terminator.Length;
            if (raw.Length == 0) continue;
            records.Add((raw, fields.ToArray()));
        }
        if (records.Count == 0) throw new AlchemyException($"{path}: empty CSV (no header)");
        var header = records[0];
        records.RemoveAt(0);
        foreach (var (raw, f) in records)
            if (f.Length != header.Fields.Length)
                throw new AlchemyException($"{path}: a record has {f.Length} fields, the header {header.Fields.Length}: '{Shorten(raw)}'");
        return new CsvRecords(header.Raw, header.Fields, records, newline);
    }

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..80] + "…";
}
