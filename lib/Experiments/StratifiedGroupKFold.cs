namespace AudioAlchemy.Experiments;

/// <summary>
/// scikit-learn's StratifiedGroupKFold: groups taken in order of decreasing spread of their class counts (stable),
/// each put into the fold that minimises the mean over classes of the std of per-fold class proportions (ties:
/// fewer samples, then lower fold number). Without shuffling it matches scikit-learn; with
/// <paramref name="Shuffle"/> the group order before the stable sort is permuted by our seeded RNG (not numpy's),
/// and each group keeps its own class counts (scikit-learn 1.2 shuffles the count rows but assigns folds by row
/// position, which detaches counts from groups; we do not copy that).
/// </summary>
/// <param name="K">Number of folds.</param>
/// <param name="Shuffle">Shuffle the groups before sorting.</param>
/// <param name="Seed">Seed used when shuffling.</param>
public sealed record StratifiedGroupKFold(int K, bool Shuffle = false, int Seed = 0) : ISplitter
{
    /// <inheritdoc />
    public string Name => Shuffle ? $"stratified-group:{K}:shuffle:{Seed}" : $"stratified-group:{K}";

    /// <summary>The test-fold number of each row, length n.</summary>
    public int[] Assign(IReadOnlyList<int> y, IReadOnlyList<string> groups)
    {
        if (K < 2) throw new AlchemyException($"stratified group k-fold needs k >= 2, got {K}");
        var classes = y.Distinct().Order().ToArray();
        var cIndex = classes.Select((c, i) => (c, i)).ToDictionary(t => t.c, t => t.i);
        var yCnt = new double[classes.Length];
        foreach (int v in y) yCnt[cIndex[v]]++;
        if (yCnt.All(c => c < K)) throw new AlchemyException($"stratified group {K}-fold: every class has fewer than {K} members");
        var unique = groups.Distinct().Order(StringComparer.Ordinal).ToArray();
        if (K > unique.Length) throw new AlchemyException($"stratified group {K}-fold: only {unique.Length} groups");
        var gIndex = unique.Select((g, i) => (g, i)).ToDictionary(t => t.g, t => t.i, StringComparer.Ordinal);
        var gInv = groups.Select(g => gIndex[g]).ToArray();
        var perGroup = new double[unique.Length][];
        for (int g = 0; g < unique.Length; g++) perGroup[g] = new double[classes.Length];
        for (int i = 0; i < y.Count; i++) perGroup[gInv[i]][cIndex[y[i]]]++;
        var rowOfGroup = Enumerable.Range(0, unique.Length).ToArray();
        if (Shuffle) new Random(Seed).Shuffle(rowOfGroup);
        var order = Enumerable.Range(0, unique.Length).OrderBy(r => -Std(perGroup[rowOfGroup[r]])).ToArray();
        var perFold = new double[K][];
        for (int f = 0; f < K; f++) perFold[f] = new double[classes.Length];
        var groupFold = new int[unique.Length];
        foreach (int r in order)
        {
            var counts = perGroup[rowOfGroup[r]];
            int best = BestFold(perFold, yCnt, counts);
            for (int c = 0; c < counts.Length; c++) perFold[best][c] += counts[c];
            groupFold[rowOfGroup[r]] = best;
        }
        return gInv.Select(g => groupFold[g]).ToArray();
    }

    private int BestFold(double[][] perFold, double[] yCnt, double[] counts)
    {
        int best = -1;
        double minEval = double.PositiveInfinity, minSamples = double.PositiveInfinity;
        var prop = new double[K];
        for (int i = 0; i < K; i++)
        {
            double eval = 0;
            for (int c = 0; c < yCnt.Length; c++)
            {
                for (int f = 0; f < K; f++) prop[f] = (perFold[f][c] + (f == i ? counts[c] : 0)) / yCnt[c];
                eval += Std(prop);
            }
            eval /= yCnt.Length;
            double samples = perFold[i].Sum();
            bool better = eval < minEval || (IsClose(eval, minEval) && samples < minSamples);
            if (better) { minEval = eval; minSamples = samples; best = i; }
        }
        return best;
    }

    private static bool IsClose(double a, double b) =>
        double.IsFinite(b) && Math.Abs(a - b) <= 1e-8 + 1e-5 * Math.Abs(b);

    private static double Std(IReadOnlyList<double> v)
    {
        double m = v.Average();
        return Math.Sqrt(v.Sum(x => (x - m) * (x - m)) / v.Count);
    }

    /// <inheritdoc />
    public IReadOnlyList<Fold> Split(IReadOnlyList<int> y, IReadOnlyList<string>? groups)
    {
        if (groups is null) throw new AlchemyException("stratified group k-fold needs a group column (e.g. --group artist)");
        var a = Assign(y, groups);
        return Enumerable.Range(0, K).Select(f => Fold.FromAssignment(f, a)).ToArray();
    }
}
