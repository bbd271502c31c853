namespace AudioAlchemy.Corpus.Batch;

/// <summary>What <see cref="AblationBuilder.Build"/> did.</summary>
/// <param name="ManifestPath">The written ablation manifest (three rows per usable song, <c>track_type</c> 0/1/2).</param>
/// <param name="Separated">Songs separated in this run.</param>
/// <param name="Cached">Songs whose stems were already in the cache (same content and settings).</param>
/// <param name="Skipped">Rows that failed (unreadable audio, separator error), each with the reason.</param>
public sealed record AblationResult(string ManifestPath, int Separated, int Cached, IReadOnlyList<SkippedItem> Skipped);
