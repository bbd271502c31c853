namespace AudioAlchemy.Experiments;

/// <summary>
/// scikit-learn's StratifiedKFold, fold assignment identical to scikit-learn's (classes ordered by first
/// appearance, <c>y_order[i::k]</c> allocation, rows of each class filled fold by fold). With
/// <paramref name="Shuffle"/> each class's fold list is shuffled by <see cref="NumpyRandomState"/> seeded with
/// <paramref name="Seed"/>, numpy's own stream, so the rows equal scikit-learn's for <c>random_state=Seed</c>.
/// </summary>
/// <param name="K">Number of folds (≥ 2).</param>
/// <param name="Shuffle">Permute each class's fold list.</param>
/// <param name="Seed">Seed used when shuffling.</param>
public sealed record StratifiedKFold(int K, bool Shuffle = false, int Seed = 0) : ISplitter
{
    /// <inheritdoc />
    public string Name => Shuffle ? $"stratified:{K}:shuffle:{Seed}" : $"stratified:{K}";

    /// <summary>The test-fold number of each row, length n.</summary>
    public int[] Assign(IReadOnlyList<int> y) => Assign(y, new NumpyRandomState((uint)Seed));

    /// <summary>The test-fold number of each row, shuffling with <paramref name="rng"/> (shared by repeats, as sklearn).</summary>
    internal int[] Assign(IReadOnlyList<int> y, NumpyRandomState rng)
    {
        if (K < 2) throw new AlchemyException($"stratified k-fold needs k >= 2, got {K}");
        // Encode classes by order of first appearance, like sklearn.
        var firstSeen = new Dictionary<int, int>();
        var enc = new int[y.Count];
        for (int i = 0; i < y.Count; i++)
        {
            if (!firstSeen.TryGetValue(y[i], out int e)) firstSeen[y[i]] = e = firstSeen.Count;
            enc[i] = e;
        }
        int nClasses = firstSeen.Count;
        var counts = new int[nClasses];
        foreach (int e in enc) counts[e]++;
        if (counts.All(c => c < K)) throw new AlchemyException($"stratified {K}-fold: every class has fewer than {K} members");
        if (y.Count < K) throw new AlchemyException($"stratified {K}-fold: only {y.Count} samples");
        var order = enc.Order().ToArray();
        var allocation = new int[K, nClasses];
        for (int f = 0; f < K; f++)
            for (int i = f; i < order.Length; i += K) allocation[f, order[i]]++;
        var testFold = new int[y.Count];
        for (int c = 0; c < nClasses; c++)
        {
            var folds = new List<int>();
            for (int f = 0; f < K; f++) for (int r = 0; r < allocation[f, c]; r++) folds.Add(f);
            var arr = folds.ToArray();
            if (Shuffle) rng.Shuffle(arr);
            int next = 0;
            for (int i = 0; i < enc.Length; i++) if (enc[i] == c) testFold[i] = arr[next++];
        }
        return testFold;
    }

    /// <inheritdoc />
    public IReadOnlyList<Fold> Split(IReadOnlyList<int> y, IReadOnlyList<string>? groups)
    {
        var a = Assign(y);
        return Enumerable.Range(0, K).Select(f => Fold.FromAssignment(f, a)).ToArray();
    }
}
