using Microsoft.Data.Analysis;
using Parquet.Serialization;

namespace AudioAlchemy.Experiments;

/// <summary>Reads a feature table (CSV or Parquet) into a Microsoft.Data.Analysis <see cref="DataFrame"/>.</summary>
public static class TableReader
{
    /// <summary>Loads <paramref name="path"/>: <c>.csv</c> (header row, comma separated) or <c>.parquet</c>.</summary>
    public static DataFrame Load(string path)
    {
        if (InputFile.Problem(path, out var kind) is { } why)
            throw new AlchemyException(kind == InputFileKind.Missing ? $"{path}: table file not found" : $"{path}: {why}");
        string ext = Path.GetExtension(path).ToLowerInvariant();
        try
        {
            return ext switch
            {
                ".csv" => DataFrame.LoadCsv(path, guessRows: 1000),
                ".parquet" => LoadParquet(path),
                _ => throw new AlchemyException($"{path}: unsupported table format '{ext}' (use .csv or .parquet)"),
            };
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or ArgumentException or InvalidOperationException or IOException)
        {
            throw new AlchemyException($"{path}: cannot read table: {e.Message}", e);
        }
    }

    private static DataFrame LoadParquet(string path)
    {
        using var stream = File.OpenRead(path);
        var result = ParquetSerializer.DeserializeUntypedAsync(stream).GetAwaiter().GetResult();
        var rows = result.Data;
        var fields = result.Schema.GetDataFields();
        var cols = fields.Select(f => ToColumn(f.Name, rows.Select(r => r.TryGetValue(f.Name, out var v) ? v : null).ToArray()));
        return new DataFrame(cols);
    }

    private static DataFrameColumn ToColumn(string name, object?[] values)
    {
        var first = values.FirstOrDefault(v => v is not null);
        if (first is string || first is null)
            return new StringDataFrameColumn(name, values.Select(v => v?.ToString()));
        if (first is bool)
            return new BooleanDataFrameColumn(name, values.Select(v => v is null ? (bool?)null : (bool)v));
        if (first is float or double or decimal)
            return new DoubleDataFrameColumn(name, values.Select(v => v is null ? (double?)null : Convert.ToDouble(v)));
        if (first is sbyte or byte or short or ushort or int or uint or long or ulong)
            return new Int64DataFrameColumn(name, values.Select(v => v is null ? (long?)null : Convert.ToInt64(v)));
        return new StringDataFrameColumn(name, values.Select(v => v?.ToString()));
    }
}
