using System.Globalization;
using System.Text;
using Microsoft.Data.Analysis;
using Parquet.Schema;
using Parquet.Serialization;

namespace AudioAlchemy.Experiments;

/// <summary>Writes a <see cref="DataFrame"/> as CSV or Parquet (numbers as double, the rest as string), atomically (temp file + rename).</summary>
public static class TableWriter
{
    /// <summary>Writes <paramref name="df"/> to <paramref name="path"/> (<c>.csv</c> or <c>.parquet</c>).</summary>
    public static void Save(DataFrame df, string path)
    {
        string ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext == ".csv")
        {
            var sb = new StringBuilder();
            sb.AppendLine(string.Join(',', df.Columns.Select(c => c.Name)));
            for (long i = 0; i < df.Rows.Count; i++)
                sb.AppendLine(string.Join(',', df.Columns.Select(c => Cell(c[i]))));
            AtomicFile.WriteAllText(path, sb.ToString());
            return;
        }
        if (ext != ".parquet") throw new AlchemyException($"{path}: unsupported table format '{ext}' (use .csv or .parquet)");
        var fields = df.Columns.Select(c => (Field)(DatasetBuilder.IsNumeric(c)
            ? new DataField<double>(c.Name)
            : new DataField<string>(c.Name))).ToArray();
        var schema = new ParquetSchema(fields);
        var rows = new List<IDictionary<string, object?>>();
        for (long i = 0; i < df.Rows.Count; i++)
        {
            var r = new Dictionary<string, object?>();
            foreach (var c in df.Columns)
            {
                object? v = c[i];
                r[c.Name] = !DatasetBuilder.IsNumeric(c) ? Convert.ToString(v, CultureInfo.InvariantCulture) ?? ""
                    : Convert.ToDouble(v, CultureInfo.InvariantCulture);
            }
            rows.Add(r);
        }
        AtomicFile.Write(path, tmp =>
        {
            using var fs = File.Create(tmp);
            ParquetSerializer.SerializeUntypedAsync(rows, schema, fs).GetAwaiter().GetResult();
        });
    }

    private static string Cell(object? v)
    {
        string s = TidyTable.Format(v);
        return s.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
    }
}
