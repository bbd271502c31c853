namespace AudioAlchemy.Experiments;

/// <summary>
/// scikit-learn's GroupKFold (no shuffling): groups sorted by size, largest first, each put into the currently
/// lightest fold (lowest fold number on ties). Groups are ordered by ordinal string order like <c>np.unique</c>.
/// Among groups of equal size we break ties like a stable ascending sort reversed (larger group index first),
/// which is what numpy's argsort does for up to 16 groups; with more groups of equal size numpy's introsort may
/// order ties differently, so assignments can then differ from scikit-learn's (fold sizes stay balanced).
/// </summary>
/// <param name="K">Number of folds (≥ 2, ≤ number of groups).</param>
public sealed record GroupKFold(int K) : ISplitter
{
    /// <inheritdoc />
    public string Name => $"group:{K}";

    /// <summary>The test-fold number of each row, length n.</summary>
    public int[] Assign(IReadOnlyList<string> groups)
    {
        if (K < 2) throw new AlchemyException($"group k-fold needs k >= 2, got {K}");
        var unique = groups.Distinct().Order(StringComparer.Ordinal).ToArray();
        if (K > unique.Length) throw new AlchemyException($"group {K}-fold: only {unique.Length} groups");
        var index = unique.Select((g, i) => (g, i)).ToDictionary(t => t.g, t => t.i, StringComparer.Ordinal);
        var inv = groups.Select(g => index[g]).ToArray();
        var size = new int[unique.Length];
        foreach (int g in inv) size[g]++;
        // Stable ascending argsort, then reversed.
        var order = Enumerable.Range(0, unique.Length).OrderBy(g => size[g]).Reverse().ToArray();
        var foldWeight = new long[K];
        var groupFold = new int[unique.Length];
        foreach (int g in order)
        {
            int lightest = 0;
            for (int f = 1; f < K; f++) if (foldWeight[f] < foldWeight[lightest]) lightest = f;
            foldWeight[lightest] += size[g];
            groupFold[g] = lightest;
        }
        return inv.Select(g => groupFold[g]).ToArray();
    }

    /// <inheritdoc />
    public IReadOnlyList<Fold> Split(IReadOnlyList<int> y, IReadOnlyList<string>? groups)
    {
        if (groups is null) throw new AlchemyException("group k-fold needs a group column (e.g. --group artist)");
        var a = Assign(groups);
        return Enumerable.Range(0, K).Select(f => Fold.FromAssignment(f, a)).ToArray();
    }
}
