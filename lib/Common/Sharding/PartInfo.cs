using System.Text.Json.Serialization;

namespace AudioAlchemy.Sharding;

/// <summary>
/// The small JSON written beside each part table (<c>PART-K-of-N.json</c>, written last, so its presence marks the part
/// complete): which stage and shard produced it, the hash of every parameter that shapes the rows (including the input
/// manifest's bytes), the key columns that must be unique across parts, counts, the skipped items with their reasons,
/// and each row's position in a single-process run so a merge restores that order exactly.
/// </summary>
/// <param name="Format">Always <see cref="CurrentFormat"/>.</param>
/// <param name="Stage">The verb that wrote it (e.g. <c>features</c>, <c>ablate</c>).</param>
/// <param name="Shard">K (0-based).</param>
/// <param name="Of">N.</param>
/// <param name="ParametersHash">First 16 hex digits of SHA-256 of <paramref name="Parameters"/>.</param>
/// <param name="Parameters">The parameter text that was hashed (readable, for diagnosing a mismatch).</param>
/// <param name="KeyColumns">Columns whose values identify a row (unique across the whole set).</param>
/// <param name="InputItems">Items of the whole input (all shards) before partitioning.</param>
/// <param name="ShardItems">Items this shard was given.</param>
/// <param name="Rows">Rows in the part table.</param>
/// <param name="Skipped">Items of this shard that failed, with the reason.</param>
/// <param name="Order">For each row of the part table, its position in the single-process output order.</param>
/// <param name="Table">File name of the part table (<c>PART-K-of-N.parquet</c> or <c>.csv</c>).</param>
/// <param name="RowCounts">
/// For a table with several rows per item (a frame table: many frames per track): how many consecutive rows of the part
/// table each item has, one entry per <paramref name="Order"/> entry, which is then the item's position (not a row's).
/// Null (the default): one row per item, <paramref name="Order"/> has one entry per row. With runs, the key columns
/// identify a run: constant within it, unique across all parts.
/// </param>
/// <param name="RowGroupItems">
/// Parquet only: the single-process writer puts this many items (runs) into each row group, so the merge writes the
/// same row groups; null = one row group.
/// </param>
public sealed record PartInfo(string Format, string Stage, int Shard, int Of, string ParametersHash, string Parameters,
    IReadOnlyList<string> KeyColumns, int InputItems, int ShardItems, int Rows, IReadOnlyList<PartSkip> Skipped, IReadOnlyList<long> Order, string Table,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<int>? RowCounts = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? RowGroupItems = null)
{
    /// <summary>The format tag of this record.</summary>
    public const string CurrentFormat = "alchemy-part/1";

    /// <summary>The runs of the part table in table order: the item's position in the single-process output, its first
    /// row in the part table and its row count (one row each without <see cref="RowCounts"/>).</summary>
    public IEnumerable<PartRun> Runs()
    {
        long start = 0;
        for (int i = 0; i < Order.Count; i++)
        {
            int n = RowCounts is null ? 1 : RowCounts[i];
            yield return new PartRun(Order[i], start, n);
            start += n;
        }
    }
}

/// <summary>An item's rows in a part table (see <see cref="PartInfo.Runs"/>).</summary>
/// <param name="Position">The item's position in the single-process output.</param>
/// <param name="Start">Its first row in the part table (0-based).</param>
/// <param name="Count">Its number of rows.</param>
public readonly record struct PartRun(long Position, long Start, int Count);

/// <summary>An item a shard skipped.</summary>
/// <param name="Item">Which item (id, row, track type).</param>
/// <param name="Reason">Why.</param>
public sealed record PartSkip(string Item, string Reason);
