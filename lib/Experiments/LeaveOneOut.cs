namespace AudioAlchemy.Experiments;

/// <summary>scikit-learn's LeaveOneOut: fold i tests row i and trains on all others.</summary>
public sealed record LeaveOneOut : ISplitter
{
    /// <inheritdoc />
    public string Name => "loo";

    /// <inheritdoc />
    public IReadOnlyList<Fold> Split(IReadOnlyList<int> y, IReadOnlyList<string>? groups)
    {
        if (y.Count < 2) throw new AlchemyException($"leave-one-out needs at least 2 samples, got {y.Count}");
        return Enumerable.Range(0, y.Count)
            .Select(i => new Fold(i, Enumerable.Range(0, y.Count).Where(j => j != i).ToArray(), [i])).ToArray();
    }
}
