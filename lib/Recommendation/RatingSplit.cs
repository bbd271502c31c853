namespace AudioAlchemy.Recommendation;

/// <summary>Training and held-out ratings, with the cold-start songs (all their ratings held out).</summary>
/// <param name="Train">Training ratings.</param>
/// <param name="Test">Held-out ratings (warm songs' held-out share plus every rating of a cold-start song).</param>
/// <param name="ColdItems">Ids of the cold-start songs: none of their ratings is in <paramref name="Train"/>.</param>
public sealed record RatingSplit(IReadOnlyList<Rating> Train, IReadOnlyList<Rating> Test, IReadOnlySet<string> ColdItems)
{
    /// <summary>
    /// Seeded split: a <paramref name="coldFraction"/> of the rated songs becomes cold-start (all their ratings held
    /// out); of every user's remaining ratings a <paramref name="testFraction"/> is held out (at least one when the user
    /// has two or more, never all), so every user keeps training ratings.
    /// </summary>
    public static RatingSplit Make(IReadOnlyList<Rating> ratings, double coldFraction, double testFraction, int seed)
    {
        if (coldFraction is < 0 or >= 1) throw new AlchemyException($"split: cold-start fraction must be in [0, 1) (got {coldFraction})");
        if (testFraction is <= 0 or >= 1) throw new AlchemyException($"split: test fraction must be in (0, 1) (got {testFraction})");
        var rng = new Random(seed);
        var items = ratings.Select(r => r.Item).Distinct().Order(StringComparer.Ordinal).ToList();
        var cold = items.OrderBy(_ => rng.Next()).Take((int)Math.Round(coldFraction * items.Count)).ToHashSet(StringComparer.Ordinal);
        var train = new List<Rating>();
        var test = new List<Rating>(ratings.Where(r => cold.Contains(r.Item)));
        foreach (var g in ratings.Where(r => !cold.Contains(r.Item)).GroupBy(r => r.User).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var list = g.OrderBy(r => r.Item, StringComparer.Ordinal).OrderBy(_ => rng.Next()).ToList();
            int held = list.Count < 2 ? 0 : Math.Clamp((int)Math.Round(testFraction * list.Count), 1, list.Count - 1);
            test.AddRange(list.Take(held));
            train.AddRange(list.Skip(held));
        }
        return new RatingSplit(train, test, cold);
    }
}
