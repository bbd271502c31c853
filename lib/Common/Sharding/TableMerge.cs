using System.Globalization;
using System.Text;
using Parquet.Schema;
using Parquet.Serialization;

namespace AudioAlchemy.Sharding;

/// <summary>
/// Merges the parts of a sharded run (<c>PART-K-of-N.parquet|.csv</c> + <c>.json</c>, see <see cref="PartWriter"/>)
/// into the one table a single-process run writes: same columns, same rows, same order. Refuses, with a message naming
/// the parts, a set that is incomplete (a missing part or a part without its JSON), that mixes shard counts, stages or
/// parameter hashes, that repeats a part, whose part tables disagree with their JSON or with each other's columns, or
/// that holds one key (e.g. <c>track_id, track_type</c>) twice. Written atomically; nothing is written on refusal.
/// Parquet with one row per item is read and written with Parquet.Net's untyped serializer, the same writer those
/// single-process verbs use; parts with several rows per item (<see cref="PartInfo.RowCounts"/>, a frame table) are
/// merged column by column (<see cref="ParquetRunMerge"/>), in the row groups of the single-process writer.
/// </summary>
public static class TableMerge
{
    /// <summary>Merges <paramref name="parts"/> (part table paths, any order) into <paramref name="output"/> (same extension).</summary>
    public static MergeResult Merge(IReadOnlyList<string> parts, string output)
    {
        if (parts.Count == 0) throw new AlchemyException("table merge: no part files given");
        string ext = Path.GetExtension(parts[0]).ToLowerInvariant();
        if (ext is not (".parquet" or ".csv")) throw new AlchemyException($"{parts[0]}: not a part table (.parquet or .csv)");
        foreach (var p in parts)
        {
            if (!File.Exists(p)) throw new AlchemyException($"{p}: part file not found");
            if (!string.Equals(Path.GetExtension(p), ext, StringComparison.OrdinalIgnoreCase))
                throw new AlchemyException($"{p}: mixed part formats ({ext} and {Path.GetExtension(p)})");
        }
        if (!string.Equals(Path.GetExtension(output), ext, StringComparison.OrdinalIgnoreCase))
            throw new AlchemyException($"--out {output}: the merged table must have the parts' format ({ext})");

        var infos = parts.Select(p => (Path: p, Info: PartWriter.ReadInfo(p))).ToList();
        Validate(infos);
        var first = infos[0].Info;
        var sorted = infos.OrderBy(x => x.Info.Shard).ToList();
        int rows = ext == ".csv" ? MergeCsv(sorted, output, first.KeyColumns)
            : first.RowCounts is null ? MergeParquet(sorted, output, first.KeyColumns) : ParquetRunMerge.Merge(sorted, output, first.KeyColumns, first.RowGroupItems);
        return new MergeResult(output, first.Stage, first.Of, rows, first.InputItems, sorted.SelectMany(x => x.Info.Skipped).ToList(), first.ParametersHash);
    }

    private static void Validate(List<(string Path, PartInfo Info)> infos)
    {
        foreach (var (path, info) in infos)
        {
            if (!string.Equals(info.Table, Path.GetFileName(path), StringComparison.Ordinal))
                throw new AlchemyException($"{path}: its JSON describes '{info.Table}' (renamed part?)");
            if (info.RowCounts is null && info.Order.Count != info.Rows)
                throw new AlchemyException($"{path}: JSON lists {info.Order.Count} row positions for {info.Rows} rows");
            if (info.RowCounts is { } rc && rc.Sum(c => (long)c) != info.Rows)
                throw new AlchemyException($"{path}: JSON row counts add up to {rc.Sum(c => (long)c)} rows, not its {info.Rows} rows");
        }
        var layouts = infos.GroupBy(x => (Runs: x.Info.RowCounts is not null, x.Info.RowGroupItems)).ToList();
        if (layouts.Count > 1)
            throw new AlchemyException("table merge: parts of different layouts: " + string.Join("; ", layouts.Select(g =>
                $"{(g.Key.Runs ? "rows per item" : "one row per item")}, row groups of {g.Key.RowGroupItems?.ToString(CultureInfo.InvariantCulture) ?? "all"} items in {Names(g)}")));
        var counts = infos.GroupBy(x => x.Info.Of).ToList();
        if (counts.Count > 1)
            throw new AlchemyException("table merge: mixed shard counts: " + string.Join("; ", counts.Select(g => $"N={g.Key} in {Names(g)}")));
        var stages = infos.GroupBy(x => x.Info.Stage).ToList();
        if (stages.Count > 1)
            throw new AlchemyException("table merge: parts of different stages: " + string.Join("; ", stages.Select(g => $"'{g.Key}' in {Names(g)}")));
        var hashes = infos.GroupBy(x => x.Info.ParametersHash).ToList();
        if (hashes.Count > 1)
        {
            var a = hashes[0].First().Info.Parameters.Split(';');
            var b = hashes[1].First().Info.Parameters.Split(';');
            string diff = string.Join(", ", a.Except(b).Take(3)) + " vs " + string.Join(", ", b.Except(a).Take(3));
            throw new AlchemyException("table merge: mixed parameter hashes: " + string.Join("; ", hashes.Select(g => $"{g.Key} in {Names(g)}")) +
                $" (differs: {diff}); rerun the stale parts with the same parameters");
        }
        var inputs = infos.GroupBy(x => x.Info.InputItems).ToList();
        if (inputs.Count > 1)
            throw new AlchemyException("table merge: parts saw different inputs: " + string.Join("; ", inputs.Select(g => $"{g.Key} items in {Names(g)}")));
        foreach (var g in infos.GroupBy(x => x.Info.Shard).Where(g => g.Count() > 1))
            throw new AlchemyException($"table merge: part {g.Key} of {g.First().Info.Of} given {g.Count()} times: {string.Join(", ", g.Select(x => x.Path))}");
        int n = infos[0].Info.Of;
        var have = infos.Select(x => x.Info.Shard).ToHashSet();
        var missing = Enumerable.Range(0, n).Where(k => !have.Contains(k)).ToList();
        if (missing.Count > 0)
            throw new AlchemyException($"table merge: incomplete set: missing {string.Join(", ", missing.Take(10).Select(k => new ShardSpec(k, n).PartName))}" +
                $"{(missing.Count > 10 ? $" and {missing.Count - 10} more" : "")} (have {have.Count} of {n} parts); rerun those shards");
    }

    private static string Names<T>(IEnumerable<(string Path, T Info)> g) => string.Join(", ", g.Select(x => Path.GetFileName(x.Path)).Take(4)) + (g.Count() > 4 ? ", …" : "");

    /// <summary>Refuses a key (one per run: <see cref="PartRun"/>) found twice, or two runs claiming one position.</summary>
    internal static void CheckKeys(List<(string Part, string Key, long Order)> keys)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (part, key, _) in keys)
            if (!seen.TryAdd(key, part))
                throw new AlchemyException($"table merge: duplicate id ({key}) in {seen[key]} and {part}");
        var orders = new Dictionary<long, string>();
        foreach (var (part, key, order) in keys)
            if (!orders.TryAdd(order, key))
                throw new AlchemyException($"table merge: rows ({orders[order]}) and ({key}) claim the same position {order} (parts of different inputs?)");
    }

    internal static string KeyText(IReadOnlyList<string> keyColumns, Func<string, string?> value) =>
        string.Join(", ", keyColumns.Select(c => $"{c}={value(c) ?? "null"}"));

    private static int MergeParquet(List<(string Path, PartInfo Info)> parts, string output, IReadOnlyList<string> keyColumns)
    {
        ParquetSchema? schema = null;
        string? schemaText = null;
        var all = new List<(Dictionary<string, object> Row, long Order)>();
        var keys = new List<(string, string, long)>();
        foreach (var (path, info) in parts)
        {
            var r = ReadParquet(path);
            string text = string.Join(",", r.Schema.GetDataFields().Select(f => $"{f.Name}:{f.ClrType.Name}:{f.IsNullable}"));
            if (schema is null) { schema = r.Schema; schemaText = text; }
            else if (text != schemaText) throw new AlchemyException($"{path}: columns differ from {Path.GetFileName(parts[0].Path)} ({text} vs {schemaText})");
            if (r.Data.Count != info.Rows) throw new AlchemyException($"{path}: {r.Data.Count} rows, its JSON says {info.Rows}");
            foreach (var c in keyColumns)
                if (!r.Schema.GetDataFields().Any(f => f.Name == c)) throw new AlchemyException($"{path}: key column '{c}' missing");
            string name = Path.GetFileName(path);
            for (int i = 0; i < r.Data.Count; i++)
            {
                var row = r.Data[i];
                all.Add((row, info.Order[i]));
                keys.Add((name, KeyText(keyColumns, c => row.TryGetValue(c, out var v) ? Convert.ToString(v, CultureInfo.InvariantCulture) : null), info.Order[i]));
            }
        }
        CheckKeys(keys);
        var data = all.OrderBy(x => x.Order).Select(x => (IDictionary<string, object?>)x.Row!).ToList();
        AtomicFile.Write(output, tmp =>
        {
            using var fs = File.Create(tmp);
            ParquetSerializer.SerializeUntypedAsync(data, schema!, fs).GetAwaiter().GetResult();
        });
        return data.Count;
    }

    private static (ParquetSchema Schema, IList<Dictionary<string, object>> Data) ReadParquet(string path)
    {
        try
        {
            using var fs = File.OpenRead(path);
            var r = ParquetSerializer.DeserializeUntypedAsync(fs).GetAwaiter().GetResult();
            return (r.Schema, r.Data);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or NotSupportedException or ArgumentException or IndexOutOfRangeException)
        {
            throw new AlchemyException($"{path}: cannot read Parquet part: {e.Message}", e);
        }
    }

    private static int MergeCsv(List<(string Path, PartInfo Info)> parts, string output, IReadOnlyList<string> keyColumns)
    {
        CsvRecords? reference = null;
        var all = new List<(string Raw, long Order)>();
        var keys = new List<(string, string, long)>();
        foreach (var (path, info) in parts)
        {
            var csv = CsvRecords.Read(path);
            if (csv.Rows.Count != info.Rows) throw new AlchemyException($"{path}: {csv.Rows.Count} rows, its JSON says {info.Rows}");
            if (csv.Rows.Count == 0) { reference ??= csv; continue; }   // an empty shard's header may lack optional columns
            if (reference is null || reference.Rows.Count == 0) reference = csv;
            else if (csv.Header != reference.Header) throw new AlchemyException($"{path}: header differs from the other parts ('{csv.Header}' vs '{reference.Header}')");
            var idx = keyColumns.Select(c => Array.IndexOf(csv.Columns, c)).ToArray();
            for (int k = 0; k < idx.Length; k++)
                if (idx[k] < 0) throw new AlchemyException($"{path}: key column '{keyColumns[k]}' missing");
            string name = Path.GetFileName(path);
            string Key(int row) => KeyText(keyColumns, c => csv.Rows[row].Fields[idx[keyColumns.ToList().IndexOf(c)]]);
            foreach (var run in info.Runs())
            {
                if (run.Count == 0) continue;
                int start = checked((int)run.Start);
                string key = Key(start);
                for (int i = start; i < start + run.Count; i++)
                {
                    if (i > start && Key(i) != key)
                        throw new AlchemyException($"{path}: record {i + 2} ({Key(i)}) is in the run of ({key}) its JSON describes (rows out of order?)");
                    all.Add((csv.Rows[i].Raw, run.Position));
                }
                keys.Add((name, key, run.Position));
            }
        }
        CheckKeys(keys);
        var sb = new StringBuilder();
        string nl = reference!.Newline;
        sb.Append(reference.Header).Append(nl);
        foreach (var (raw, _) in all.OrderBy(x => x.Order)) sb.Append(raw).Append(nl);   // stable: a run's rows keep their order
        AtomicFile.WriteAllText(output, sb.ToString());
        return all.Count;
    }
}
