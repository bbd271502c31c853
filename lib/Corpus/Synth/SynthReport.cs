namespace AudioAlchemy.Corpus.Synth;

/// <summary>Summary of a synthesis run.</summary>
/// <param name="ManifestPath">The written manifest.csv.</param>
/// <param name="Outcomes">One entry per planned song, in index order.</param>
/// <param name="WallSeconds">Total wall-clock time.</param>
public sealed record SynthReport(string ManifestPath, IReadOnlyList<SongOutcome> Outcomes, double WallSeconds)
{
    /// <summary>Songs rendered in this run.</summary>
    public int Generated => Outcomes.Count(o => o.Status == SongStatus.Generated);

    /// <summary>Songs skipped because their outputs were complete.</summary>
    public int Skipped => Outcomes.Count(o => o.Status == SongStatus.Skipped);

    /// <summary>Songs that failed.</summary>
    public IReadOnlyList<SongOutcome> Failed => Outcomes.Where(o => o.Status == SongStatus.Failed).ToList();

    /// <summary>Mean wall-clock seconds per rendered song (each song runs on one core).</summary>
    public double MeanSecondsPerSong => Generated == 0 ? 0 : Outcomes.Where(o => o.Status == SongStatus.Generated).Average(o => o.Seconds);
}
