namespace AudioAlchemy.Sharding;

/// <summary>
/// The items of one shard, each with its position in the whole input (the order a single-process run uses), so the
/// part records where each row goes when merged. Without a shard it holds every item.
/// </summary>
/// <typeparam name="T">Item type (a manifest row, a feature job, ...).</typeparam>
public sealed class ShardSelection<T> where T : notnull
{
    private readonly Dictionary<T, long> positions;

    private ShardSelection(ShardSpec? shard, List<T> items, Dictionary<T, long> positions, int inputItems)
    {
        Shard = shard;
        Items = items;
        this.positions = positions;
        InputItems = inputItems;
    }

    /// <summary>The shard, or null for the whole input.</summary>
    public ShardSpec? Shard { get; }

    /// <summary>This shard's items, in input order.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>Items of the whole input.</summary>
    public int InputItems { get; }

    /// <summary>Position (0-based) of <paramref name="item"/> in the whole input.</summary>
    public long PositionOf(T item) => positions.TryGetValue(item, out long p) ? p
        : throw new InvalidOperationException($"item {item} is not part of shard {Shard}");

    /// <summary>The items of <paramref name="all"/> whose <paramref name="id"/> falls in <paramref name="shard"/> (all of them when null).</summary>
    public static ShardSelection<T> Of(IReadOnlyList<T> all, Func<T, string> id, ShardSpec? shard)
    {
        var items = new List<T>();
        var pos = new Dictionary<T, long>(ReferenceEqualityComparer.Instance as IEqualityComparer<T> ?? EqualityComparer<T>.Default);
        for (int i = 0; i < all.Count; i++)
        {
            if (shard is not null && !shard.Contains(id(all[i]))) continue;
            items.Add(all[i]);
            pos[all[i]] = i;
        }
        return new ShardSelection<T>(shard, items, pos, all.Count);
    }
}
