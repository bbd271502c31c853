using System.Globalization;
using System.Text;
using AudioAlchemy.Corpus;
using Microsoft.Data.Analysis;

namespace AudioAlchemy.Experiments;

/// <summary>
/// A tidy results table (one observation per row, one variable per column) with typed cells: string, int or double.
/// Written as CSV atomically (temp file + rename) with invariant culture, or converted to a <see cref="DataFrame"/>.
/// </summary>
public sealed class TidyTable
{
    private readonly List<object?[]> _rows = [];

    /// <summary>Creates an empty table with <paramref name="columns"/>.</summary>
    public TidyTable(params string[] columns)
    {
        if (columns.Length == 0 || columns.Distinct().Count() != columns.Length) throw new ParameterException("columns must be non-empty and distinct");
        Columns = columns;
    }

    /// <summary>Column names.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Rows, each with one cell per column.</summary>
    public IReadOnlyList<object?[]> Rows => _rows;

    /// <summary>Appends a row (cells: string, int, long, double, or null).</summary>
    public TidyTable Add(params object?[] cells)
    {
        if (cells.Length != Columns.Count) throw new ParameterException($"row has {cells.Length} cells, table has {Columns.Count} columns");
        _rows.Add(cells);
        return this;
    }

    /// <summary>The cells of column <paramref name="name"/>.</summary>
    public IEnumerable<object?> Column(string name)
    {
        int j = Columns.ToList().IndexOf(name);
        if (j < 0) throw new AlchemyException($"results table has no column '{name}'");
        return _rows.Select(r => r[j]);
    }

    /// <summary>Writes CSV to <paramref name="path"/> via a temp file and rename (never half-written).</summary>
    public void WriteCsv(string path)
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Join(',', Columns.Select(c => Csv.Escape(c))));
        foreach (var r in _rows) sb.AppendLine(string.Join(',', r.Select(c => Csv.Escape(Format(c)))));
        AtomicFile.WriteAllText(path, sb.ToString());
    }

    /// <summary>The table as a DataFrame (double columns for numbers, string columns otherwise).</summary>
    public DataFrame ToDataFrame()
    {
        var cols = new List<DataFrameColumn>();
        for (int j = 0; j < Columns.Count; j++)
        {
            var cells = _rows.Select(r => r[j]).ToArray();
            bool numeric = cells.All(c => c is null or int or long or double or float);
            cols.Add(numeric
                ? new DoubleDataFrameColumn(Columns[j], cells.Select(c => c is null ? (double?)null : Convert.ToDouble(c, CultureInfo.InvariantCulture)))
                : new StringDataFrameColumn(Columns[j], cells.Select(Format)));
        }
        return new DataFrame(cols);
    }

    /// <summary>Invariant text of a cell ("" for null, round-trip precision for doubles).</summary>
    public static string Format(object? c) => c switch
    {
        null => "",
        double d => double.IsNaN(d) ? "" : d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable fm => fm.ToString(null, CultureInfo.InvariantCulture),
        _ => c.ToString() ?? "",
    };

}
