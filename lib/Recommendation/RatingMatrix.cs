namespace AudioAlchemy.Recommendation;

/// <summary>
/// Sparse ratings indexed for training: users by first appearance, items by their index in a <see cref="SongLibrary"/>,
/// with each user's and each item's (index, value) lists.
/// </summary>
public sealed class RatingMatrix
{
    private readonly Dictionary<string, int> _users = new(StringComparer.Ordinal);

    /// <summary>Indexes <paramref name="ratings"/>; <paramref name="users"/> fixes the user order (e.g. to share it with a test part).</summary>
    /// <exception cref="AlchemyException">An item not in the library.</exception>
    public RatingMatrix(IEnumerable<Rating> ratings, SongLibrary library, RatingScale scale, IReadOnlyList<string>? users = null)
    {
        Scale = scale;
        Items = library.Count;
        var list = ratings.ToList();
        foreach (var u in users ?? list.Select(r => r.User).Distinct().ToList()) _users.TryAdd(u, _users.Count);
        foreach (var r in list) _users.TryAdd(r.User, _users.Count);
        Users = _users.OrderBy(kv => kv.Value).Select(kv => kv.Key).ToArray();
        var byUser = Enumerable.Range(0, Users.Count).Select(_ => new List<(int, double)>()).ToArray();
        var byItem = Enumerable.Range(0, Items).Select(_ => new List<(int, double)>()).ToArray();
        foreach (var r in list)
        {
            int i = library.IndexOf(r.Item);
            if (i < 0) throw new AlchemyException($"ratings: item '{r.Item}' (user '{r.User}') is not in {library.Source}");
            int u = _users[r.User];
            byUser[u].Add((i, r.Value));
            byItem[i].Add((u, r.Value));
        }
        ByUser = byUser;
        ByItem = byItem;
        Count = list.Count;
        GlobalMean = list.Count == 0 ? 0 : list.Average(r => r.Value);
    }

    /// <summary>The rating scale.</summary>
    public RatingScale Scale { get; }

    /// <summary>User ids by index.</summary>
    public IReadOnlyList<string> Users { get; }

    /// <summary>Number of items (the library's songs).</summary>
    public int Items { get; }

    /// <summary>Number of ratings.</summary>
    public int Count { get; }

    /// <summary>Mean rating.</summary>
    public double GlobalMean { get; }

    /// <summary>Per user, its (item, value) ratings.</summary>
    public IReadOnlyList<(int Item, double Value)>[] ByUser { get; }

    /// <summary>Per item, its (user, value) ratings.</summary>
    public IReadOnlyList<(int User, double Value)>[] ByItem { get; }

    /// <summary>Index of user <paramref name="user"/>, or -1.</summary>
    public int UserIndex(string user) => _users.TryGetValue(user, out int u) ? u : -1;

    /// <summary>True when <paramref name="value"/> counts as relevant on <see cref="Scale"/>.</summary>
    public bool IsRelevant(double value) => value >= Scale.RelevantFrom;
}
