namespace AudioAlchemy.Experiments;

/// <summary>
/// scikit-learn's <c>RepeatedStratifiedKFold(n_splits=K, n_repeats=R, random_state=Seed)</c>: R shuffled stratified
/// K-fold splits drawn one after the other from one <see cref="NumpyRandomState"/>, so the folds equal
/// scikit-learn's. Folds are numbered repeat·K + fold; metrics are reported as mean ± std over all K·R folds.
/// </summary>
/// <param name="K">Folds per repeat (≥ 2).</param>
/// <param name="Repeats">Repeats (≥ 1).</param>
/// <param name="Seed">random_state.</param>
public sealed record RepeatedStratifiedKFold(int K, int Repeats, int Seed = 0) : ISplitter
{
    /// <inheritdoc />
    public string Name => $"stratified:{K}:repeats:{Repeats}:seed:{Seed}";

    /// <inheritdoc />
    public IReadOnlyList<Fold> Split(IReadOnlyList<int> y, IReadOnlyList<string>? groups)
    {
        if (Repeats < 1) throw new AlchemyException($"repeated stratified k-fold needs repeats >= 1, got {Repeats}");
        var rng = new NumpyRandomState((uint)Seed);
        var inner = new StratifiedKFold(K, true, Seed);
        var folds = new List<Fold>(K * Repeats);
        for (int r = 0; r < Repeats; r++)
        {
            var a = inner.Assign(y, rng);
            for (int f = 0; f < K; f++)
            {
                var fold = Fold.FromAssignment(f, a);
                folds.Add(fold with { Index = r * K + f });
            }
        }
        return folds;
    }
}
