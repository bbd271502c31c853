namespace AudioAlchemy.Corpus.Batch;

/// <summary>A manifest row a batch job could not process; the rest of the batch went on.</summary>
/// <param name="Row">1-based manifest row.</param>
/// <param name="Id">The row's id.</param>
/// <param name="Reason">What went wrong, as a user-facing message.</param>
public sealed record SkippedItem(int Row, string Id, string Reason);
