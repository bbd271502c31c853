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
public sealed record PartInfo(string Format, string Stage, int Shard, int Of, string ParametersHash, string Parameters,
    IReadOnlyList<string> KeyColumns, int InputItems, int ShardItems, int Rows, IReadOnlyList<PartSkip> Skipped, IReadOnlyList<long> Order, string Table)
{
    /// <summary>The format tag of this record.</summary>
    public const string CurrentFormat = "alchemy-part/1";
}

/// <summary>An item a shard skipped.</summary>
/// <param name="Item">Which item (id, row, track type).</param>
/// <param name="Reason">Why.</param>
public sealed record PartSkip(string Item, string Reason);
