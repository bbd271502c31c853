namespace AudioAlchemy.Corpus;

/// <summary>The outcome of <see cref="ManifestChecker.Check"/>.</summary>
/// <param name="Manifest">The manifest checked.</param>
/// <param name="Usable">Rows without a problem that excludes them, in file order.</param>
/// <param name="Problems">Every problem, read-time problems first, then by row.</param>
/// <param name="ClassCounts">Per tabulated label, usable-row count per value.</param>
public sealed record ManifestReport(
    Manifest Manifest,
    IReadOnlyList<ManifestRow> Usable,
    IReadOnlyList<ManifestProblem> Problems,
    IReadOnlyDictionary<string, SortedDictionary<string, int>> ClassCounts)
{
    /// <summary>True when at least one row can be used (the CLI exits non-zero otherwise).</summary>
    public bool AnyUsable => Usable.Count > 0;

    /// <summary>Number of records read plus records dropped while reading.</summary>
    public int TotalRows => Manifest.Rows.Count + Manifest.ReadProblems.Where(p => p.RowUnusable && p.Row > 0).Select(p => p.Row).Distinct().Count();
}
