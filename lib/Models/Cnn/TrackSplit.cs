namespace AudioAlchemy.Models.Cnn;

/// <summary>Indices of tracks in the train, validation and test parts of a split.</summary>
/// <param name="Train">Training tracks.</param>
/// <param name="Validation">Validation tracks (early stopping, model selection).</param>
/// <param name="Test">Held-out test tracks.</param>
public sealed record TrackSplit(int[] Train, int[] Validation, int[] Test);

/// <summary>
/// Minimal seeded train/validation/test splitter by track (or by group, e.g. artist), stratified by label: whole
/// tracks or groups go to one side, so crops of one song (or songs of one artist) never straddle a split.
/// Local to the CNN until the experiment engine's splits (lib/Experiments) land; to be replaced by them.
/// </summary>
public static class TrackSplitter
{
    /// <summary>
    /// Splits <paramref name="tracks"/>: per label, its groups (track ids when <paramref name="byGroup"/> is false) are
    /// shuffled with <paramref name="seed"/> and the first round(test·n) go to test, the next round(validation·n) to validation
    /// (each at least 1 when the label has ≥ 3 groups), the rest to train. A group with tracks of several labels goes
    /// with its most frequent label.
    /// </summary>
    public static TrackSplit Split(IReadOnlyList<MelTrack> tracks, double validationFraction, double testFraction, int seed, bool byGroup)
    {
        if (validationFraction < 0 || testFraction < 0 || validationFraction + testFraction >= 1)
            throw new AlchemyException($"split: need validation ≥ 0, test ≥ 0 and validation + test < 1 (got {validationFraction}, {testFraction})");
        var groupOf = tracks.Select(t => byGroup ? t.SplitGroup : t.TrackId).ToArray();
        var groupLabel = Enumerable.Range(0, tracks.Count).GroupBy(i => groupOf[i])
            .ToDictionary(g => g.Key, g => g.GroupBy(i => tracks[i].Label).OrderByDescending(l => l.Count()).ThenBy(l => l.Key, StringComparer.Ordinal).First().Key);
        var rng = new Random(seed);
        var part = new Dictionary<string, int>();
        foreach (var byLabel in groupLabel.GroupBy(kv => kv.Value).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var groups = byLabel.Select(kv => kv.Key).Order(StringComparer.Ordinal).ToArray();
            rng.Shuffle(groups);
            int n = groups.Length;
            int nTest = Count(n, testFraction), nVal = Count(n - nTest, validationFraction * n / Math.Max(1, n - nTest));
            for (int k = 0; k < n; k++) part[groups[k]] = k < nTest ? 2 : k < nTest + nVal ? 1 : 0;
        }
        var idx = Enumerable.Range(0, tracks.Count).ToArray();
        return new TrackSplit(
            idx.Where(i => part[groupOf[i]] == 0).ToArray(),
            idx.Where(i => part[groupOf[i]] == 1).ToArray(),
            idx.Where(i => part[groupOf[i]] == 2).ToArray());
    }

    private static int Count(int n, double fraction)
    {
        if (fraction <= 0 || n < 2) return 0;
        int k = (int)Math.Round(fraction * n, MidpointRounding.AwayFromZero);
        return Math.Clamp(k, 1, n - 1);
    }
}
