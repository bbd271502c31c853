using System.Text.Json;

namespace AudioAlchemy.Sharding;

/// <summary>
/// Writes one shard's output: the part table <c>PART-K-of-N.parquet|.csv</c> and then its <see cref="PartInfo"/> JSON,
/// both atomically (temp file + rename in the same folder), the JSON last. A rerun of the same shard (a requeued array
/// task) first removes the old JSON, so a half-finished rerun can never pair a new table with an old description.
/// </summary>
public static class PartWriter
{
    internal static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>
    /// The folder receiving the parts of a sharded run whose single-process output would be <paramref name="output"/>:
    /// a table path (<c>results/features.parquet</c>) gives its sibling <c>results/features.parts</c>; any other path is
    /// the folder itself.
    /// </summary>
    public static string PartsFolder(string output)
    {
        string ext = Path.GetExtension(output).ToLowerInvariant();
        return ext is ".parquet" or ".csv" or ".json" ? Path.ChangeExtension(output, null) + ".parts" : output;
    }

    /// <summary>First 16 hex digits of SHA-256 of <paramref name="parameters"/>.</summary>
    public static string Hash(string parameters) => ContentKey.OfText(parameters)[..16];

    /// <summary>SHA-256 (hex) of a file's bytes, for putting an input manifest into the parameters.</summary>
    public static string FileHash(string path) => ContentKey.OfFile(path);

    /// <summary>
    /// Writes the part of <paramref name="shard"/> into <paramref name="folder"/>: <paramref name="writeTable"/> receives
    /// the table path (<c>PART-K-of-N</c> + <paramref name="extension"/>) and must write it atomically (e.g. with
    /// <see cref="AtomicFile"/>); then the JSON is written. <paramref name="order"/>, <paramref name="skipped"/> and
    /// <paramref name="rowCounts"/> are read after <paramref name="writeTable"/> returns, so the callback may fill them.
    /// With <paramref name="rowCounts"/> (several rows per item, see <see cref="PartInfo.RowCounts"/>) <paramref name="order"/>
    /// holds one position per item; <paramref name="rowGroupItems"/> is <see cref="PartInfo.RowGroupItems"/>. Returns the JSON path.
    /// </summary>
    public static string Write(string folder, ShardSpec shard, string extension, string stage, string parameters, IReadOnlyList<string> keyColumns,
        int inputItems, int shardItems, IReadOnlyList<long> order, IReadOnlyList<PartSkip> skipped, Action<string> writeTable,
        IReadOnlyList<int>? rowCounts = null, int? rowGroupItems = null)
    {
        if (extension is not (".parquet" or ".csv")) throw new AlchemyException($"part table extension '{extension}': use .parquet or .csv");
        Directory.CreateDirectory(folder);
        string table = Path.Combine(folder, shard.PartName + extension), json = Path.Combine(folder, shard.PartName + ".json");
        if (File.Exists(json)) File.Delete(json);
        writeTable(table);
        if (rowCounts is not null && rowCounts.Count != order.Count)
            throw new InvalidOperationException($"{table}: {rowCounts.Count} row counts for {order.Count} item positions");
        if (rowGroupItems is < 1) throw new InvalidOperationException($"{table}: row group items {rowGroupItems} must be >= 1");
        var info = new PartInfo(PartInfo.CurrentFormat, stage, shard.Index, shard.Count, Hash(parameters), parameters, keyColumns,
            inputItems, shardItems, rowCounts is null ? order.Count : checked((int)rowCounts.Sum(c => (long)c)), skipped, order, Path.GetFileName(table),
            rowCounts, rowGroupItems);
        AtomicFile.WriteAllText(json, JsonSerializer.Serialize(info, Json));
        return json;
    }

    /// <summary>Reads the JSON beside a part table (<c>PART-K-of-N.json</c>), or throws naming the file and the problem.</summary>
    public static PartInfo ReadInfo(string tablePath)
    {
        string json = Path.ChangeExtension(tablePath, ".json");
        if (!File.Exists(json))
            throw new AlchemyException($"{tablePath}: no {Path.GetFileName(json)} beside it (that shard did not finish: rerun it)");
        PartInfo? info;
        try { info = JsonSerializer.Deserialize<PartInfo>(File.ReadAllText(json), Json); }
        catch (JsonException e) { throw new AlchemyException($"{json}: not a part description ({e.Message})"); }
        if (info is null || info.Format != PartInfo.CurrentFormat)
            throw new AlchemyException($"{json}: not a part description (format '{info?.Format}', expected '{PartInfo.CurrentFormat}')");
        if (info.Order is null || info.KeyColumns is null || info.Skipped is null)
            throw new AlchemyException($"{json}: incomplete part description (order, key_columns or skipped missing)");
        if (info.RowCounts is { } rc && (rc.Count != info.Order.Count || rc.Any(c => c < 0)))
            throw new AlchemyException($"{json}: row_counts has {rc.Count} entries for {info.Order.Count} item positions (or a negative count)");
        if (info.RowGroupItems is < 1) throw new AlchemyException($"{json}: row_group_items {info.RowGroupItems} must be >= 1");
        return info;
    }
}
