namespace AudioAlchemy.Experiments;

/// <summary>
/// A numeric design matrix with string class labels, optional groups (e.g. artist) and row ids, ready for splits
/// and models. Rows are samples; <see cref="X"/> has shape (n_samples, n_features).
/// </summary>
/// <param name="X">Feature matrix, shape (n_samples, n_features); never modified by the engine.</param>
/// <param name="Labels">Class label of each row, length n_samples.</param>
/// <param name="Groups">Group of each row (e.g. artist) or null, length n_samples.</param>
/// <param name="Ids">Row identifiers (e.g. track id), length n_samples.</param>
/// <param name="FeatureNames">Column names of <see cref="X"/>, length n_features.</param>
public sealed record Dataset(float[][] X, string[] Labels, string[]? Groups, string[] Ids, string[] FeatureNames)
{
    /// <summary>Number of rows.</summary>
    public int Count => X.Length;

    /// <summary>Number of feature columns.</summary>
    public int FeatureCount => FeatureNames.Length;

    /// <summary>Rows <paramref name="rows"/> as a new dataset (arrays are shared per row, not copied).</summary>
    public Dataset Subset(IReadOnlyList<int> rows) => new(
        rows.Select(i => X[i]).ToArray(),
        rows.Select(i => Labels[i]).ToArray(),
        Groups is null ? null : rows.Select(i => Groups[i]).ToArray(),
        rows.Select(i => Ids[i]).ToArray(),
        FeatureNames);

    /// <summary>Only the feature columns whose name satisfies <paramref name="keep"/>.</summary>
    public Dataset SelectFeatures(Func<string, bool> keep)
    {
        var cols = Enumerable.Range(0, FeatureNames.Length).Where(j => keep(FeatureNames[j])).ToArray();
        if (cols.Length == 0) throw new AlchemyException("feature selection kept no column");
        return this with
        {
            X = X.Select(r => cols.Select(j => r[j]).ToArray()).ToArray(),
            FeatureNames = cols.Select(j => FeatureNames[j]).ToArray(),
        };
    }
}
