using System.Text;

namespace AudioAlchemy.Corpus;

/// <summary>Minimal RFC 4180 CSV reading and writing (quoted fields, embedded commas, quotes and newlines, BOM, CRLF).</summary>
public static class Csv
{
    /// <summary>Parses CSV text into records of fields. Blank lines are skipped.</summary>
    /// <param name="text">The file content.</param>
    /// <param name="delimiter">Field separator (',' or '\t').</param>
    public static List<string[]> Parse(string text, char delimiter = ',')
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false, any = false;
        int i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else quoted = false;
                }
                else field.Append(c);
                continue;
            }
            if (c == '"') { quoted = true; any = true; }
            else if (c == delimiter) { fields.Add(field.ToString()); field.Clear(); any = true; }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                EndRecord();
            }
            else { field.Append(c); any = true; }
        }
        EndRecord();
        return records;

        void EndRecord()
        {
            if (any || field.Length > 0)
            {
                fields.Add(field.ToString());
                records.Add([.. fields]);
            }
            fields.Clear();
            field.Clear();
            any = false;
        }
    }

    /// <summary>Quotes a field when it contains the delimiter, a quote or a line break.</summary>
    public static string Escape(string? value, char delimiter = ',')
    {
        if (value == null) return "";
        return value.IndexOfAny([delimiter, '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
