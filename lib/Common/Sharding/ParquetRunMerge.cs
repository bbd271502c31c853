using Parquet;
using Parquet.Schema;

namespace AudioAlchemy.Sharding;

/// <summary>
/// The Parquet merge of parts with several rows per item (<see cref="PartInfo.RowCounts"/>, e.g. a frame table: one row
/// per frame), column by column with typed arrays (no per-row objects: a frame table has millions of rows): every part
/// is read, its runs are sorted by their position in the single-process output, and the output is written with
/// <see cref="ParquetWriter"/> in row groups of <see cref="PartInfo.RowGroupItems"/> runs, as the single-process writer does.
/// Flat schemas of strings and (nullable) value types.
/// </summary>
internal static class ParquetRunMerge
{
    public static int Merge(List<(string Path, PartInfo Info)> parts, string output, IReadOnlyList<string> keyColumns, int? rowGroupItems)
    {
        ParquetSchema? schema = null;
        string? schemaText = null;
        var runs = new List<(PartColumns Part, PartRun Run)>();
        var keys = new List<(string, string, long)>();
        foreach (var (path, info) in parts)
        {
            var part = PartColumns.Read(path);
            string text = string.Join(",", part.Fields.Select(f => $"{f.Name}:{f.ClrType.Name}:{f.IsNullable}"));
            if (schema is null) { schema = new ParquetSchema(part.Fields.Select(ColumnData.ForWriting).ToArray()); schemaText = text; }
            else if (text != schemaText) throw new AlchemyException($"{path}: columns differ from {Path.GetFileName(parts[0].Path)} ({text} vs {schemaText})");
            if (part.Rows != info.Rows) throw new AlchemyException($"{path}: {part.Rows} rows, its JSON says {info.Rows}");
            var keyIndex = keyColumns.Select(c => Array.FindIndex(part.Fields, f => f.Name == c) is int i and >= 0 ? i
                : throw new AlchemyException($"{path}: key column '{c}' missing")).ToArray();
            string Key(long row) => TableMerge.KeyText(keyColumns, c => part.Columns[keyIndex[keyColumns.ToList().IndexOf(c)]].Text(row));
            foreach (var run in info.Runs())
            {
                if (run.Count == 0) continue;
                for (long r = run.Start + 1; r < run.Start + run.Count; r++)
                    if (keyIndex.Any(k => !part.Columns[k].SameValue(r, run.Start)))
                        throw new AlchemyException($"{path}: row {r + 1} ({Key(r)}) is in the run of ({Key(run.Start)}) its JSON describes (rows out of order?)");
                keys.Add((Path.GetFileName(path), Key(run.Start), run.Position));
                runs.Add((part, run));
            }
        }
        TableMerge.CheckKeys(keys);
        var ordered = runs.OrderBy(x => x.Run.Position).ToList();
        var fields = schema!.GetDataFields();
        AtomicFile.Write(output, tmp =>
        {
            using var fs = File.Create(tmp);
            var writer = ParquetWriter.CreateAsync(schema, fs).GetAwaiter().GetResult();
            try { WriteGroups(writer, ordered, fields, rowGroupItems, output); }
            finally { writer.DisposeAsync().AsTask().GetAwaiter().GetResult(); }
        });
        return checked((int)ordered.Sum(x => (long)x.Run.Count));
    }

    private static void WriteGroups(ParquetWriter writer, List<(PartColumns Part, PartRun Run)> ordered, DataField[] fields, int? rowGroupItems, string output)
    {
        foreach (var group in ordered.Chunk(rowGroupItems ?? Math.Max(1, ordered.Count)))
        {
            int n = checked((int)group.Sum(x => (long)x.Run.Count));
            using var g = writer.CreateRowGroup();
            for (int j = 0; j < fields.Length; j++)
            {
                var column = ColumnData.Create(fields[j], n, output);
                int at = 0;
                foreach (var (part, run) in group)
                {
                    column.CopyFrom(part.Columns[j], run.Start, at, run.Count);
                    at += run.Count;
                }
                column.WriteAsync(g, fields[j]).GetAwaiter().GetResult();
            }
        }
    }

    /// <summary>One part table, column by column.</summary>
    private sealed class PartColumns(DataField[] fields, ColumnData[] columns, long rows)
    {
        public DataField[] Fields { get; } = fields;

        public ColumnData[] Columns { get; } = columns;

        public long Rows { get; } = rows;

        public static PartColumns Read(string path)
        {
            try
            {
                using var fs = File.OpenRead(path);
                var reader = ParquetReader.CreateAsync(fs).GetAwaiter().GetResult();
                try { return Read(path, reader); }
                finally { reader.DisposeAsync().AsTask().GetAwaiter().GetResult(); }
            }
            catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or NotSupportedException or ArgumentException or IndexOutOfRangeException)
            {
                throw new AlchemyException($"{path}: cannot read Parquet part: {e.Message}", e);
            }
        }

        private static PartColumns Read(string path, ParquetReader reader)
        {
            var fields = reader.Schema.GetDataFields();
            if (reader.Schema.Fields.Count != fields.Length) throw new AlchemyException($"{path}: nested Parquet columns cannot be merged");
            long rows = 0;
            var counts = new int[reader.RowGroupCount];
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using var rg = reader.OpenRowGroupReader(g);
                counts[g] = checked((int)rg.RowCount);
                rows += counts[g];
            }
            var columns = fields.Select(f => ColumnData.Create(f, checked((int)rows), path)).ToArray();
            int offset = 0;
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using var rg = reader.OpenRowGroupReader(g);
                for (int j = 0; j < fields.Length; j++) columns[j].ReadAsync(rg, fields[j], offset, counts[g]).GetAwaiter().GetResult();
                offset += counts[g];
            }
            return new PartColumns(fields, columns, rows);
        }
    }
}

/// <summary>The values of one column (typed array), for <see cref="ParquetRunMerge"/>.</summary>
internal abstract class ColumnData
{
    /// <summary>An empty column of <paramref name="n"/> rows for <paramref name="field"/>, or throws naming <paramref name="file"/>.</summary>
    public static ColumnData Create(DataField field, int n, string file)
    {
        if (field.IsArray) throw new AlchemyException($"{file}: column '{field.Name}' holds arrays; only flat columns can be merged");
        if (IsText(field)) return new StringColumn(n);
        if (!field.ClrType.IsValueType || field.ClrType.IsGenericType)
            throw new AlchemyException($"{file}: column '{field.Name}' of type {field.ClrType.Name} cannot be merged");
        var type = (field.IsNullable ? typeof(NullableColumn<>) : typeof(ValueColumn<>)).MakeGenericType(field.ClrType);
        return (ColumnData)Activator.CreateInstance(type, n)!;
    }

    /// <summary>Whether <paramref name="field"/> holds strings (Parquet.Net 6 reads a string column's type as <c>ReadOnlyMemory&lt;char&gt;</c>).</summary>
    public static bool IsText(DataField field) => field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>);

    /// <summary>The field to write for <paramref name="field"/> as read: strings as <see cref="string"/>, the rest as they are.</summary>
    public static DataField ForWriting(DataField field) => IsText(field) ? new DataField<string>(field.Name, field.IsNullable) : field;

    /// <summary>Reads <paramref name="count"/> values of a row group into rows <paramref name="offset"/>...</summary>
    public abstract Task ReadAsync(ParquetRowGroupReader rg, DataField field, int offset, int count);

    /// <summary>Writes every value as one column chunk of <paramref name="g"/>.</summary>
    public abstract Task WriteAsync(ParquetRowGroupWriter g, DataField field);

    /// <summary>Copies rows <paramref name="start"/>.. of <paramref name="source"/> (same type) to rows <paramref name="at"/>...</summary>
    public abstract void CopyFrom(ColumnData source, long start, int at, int count);

    /// <summary>Whether rows <paramref name="a"/> and <paramref name="b"/> hold the same value.</summary>
    public abstract bool SameValue(long a, long b);

    /// <summary>The value of row <paramref name="row"/> as invariant text (null for a null).</summary>
    public abstract string? Text(long row);
}

/// <summary>A column stored as <typeparamref name="T"/>[].</summary>
internal abstract class ArrayColumn<T>(int n) : ColumnData
{
    protected T[] Values { get; } = new T[n];

    public override void CopyFrom(ColumnData source, long start, int at, int count) =>
        Array.Copy(((ArrayColumn<T>)source).Values, start, Values, at, count);

    public override bool SameValue(long a, long b) => EqualityComparer<T>.Default.Equals(Values[a], Values[b]);

    public override string? Text(long row) => Convert.ToString(Values[row], System.Globalization.CultureInfo.InvariantCulture);
}

internal sealed class StringColumn(int n) : ArrayColumn<string?>(n)
{
    public override Task ReadAsync(ParquetRowGroupReader rg, DataField field, int offset, int count) =>
        rg.ReadAsync(field, Values.AsMemory(offset, count)).AsTask();

    public override Task WriteAsync(ParquetRowGroupWriter g, DataField field) => g.WriteAsync(field, Values);
}

internal sealed class ValueColumn<T>(int n) : ArrayColumn<T>(n) where T : struct
{
    public override Task ReadAsync(ParquetRowGroupReader rg, DataField field, int offset, int count) =>
        rg.ReadAsync<T>(field, Values.AsMemory(offset, count)).AsTask();

    public override Task WriteAsync(ParquetRowGroupWriter g, DataField field) => g.WriteAsync<T>(field, Values.AsMemory());
}

internal sealed class NullableColumn<T>(int n) : ArrayColumn<T?>(n) where T : struct
{
    public override Task ReadAsync(ParquetRowGroupReader rg, DataField field, int offset, int count) =>
        rg.ReadAsync<T>(field, Values.AsMemory(offset, count)).AsTask();

    public override Task WriteAsync(ParquetRowGroupWriter g, DataField field) => g.WriteAsync<T>(field, Values.AsMemory());
}
