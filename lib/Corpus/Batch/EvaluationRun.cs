namespace AudioAlchemy.Corpus.Batch;

/// <summary>The outcome of <see cref="SeparationEvaluator.Evaluate"/>.</summary>
/// <param name="Tracks">Per-track results in manifest order.</param>
/// <param name="Skipped">Rows that could not be scored, with the reason.</param>
/// <param name="WallSeconds">Wall-clock seconds of the whole run (loading, separating, scoring).</param>
/// <param name="CpuSeconds">CPU seconds this process used during the run (all threads; a load-independent cost measure).</param>
public sealed record EvaluationRun(IReadOnlyList<TrackEvaluation> Tracks, IReadOnlyList<SkippedItem> Skipped, double WallSeconds, double CpuSeconds);
