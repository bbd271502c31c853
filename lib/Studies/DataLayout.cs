namespace AudioAlchemy.Studies;

/// <summary>
/// The layout of a data folder (the demo's <c>data/</c>): generated corpus, ablation stems and the cache root.
/// Notebooks, study inputs and the recommendation inputs ask it instead of rebuilding paths. Every per-file cache is a
/// <see cref="ContentCache"/> stage under <see cref="Cache"/> (the CLI's <c>--cache</c>, default <c>data/cache</c>):
/// <c>features</c>, <c>frames</c>, <c>mels</c>, <c>embeddings</c>, <c>mp3</c>, <c>wav</c>; library calls take the root
/// and each stage picks its own folder.
/// </summary>
/// <param name="Root">The data folder.</param>
public sealed record DataLayout(string Root)
{
    /// <summary>The cache root: every per-file cache is a <see cref="ContentCache"/> stage folder under it.</summary>
    public string Cache => Path.Combine(Root, "cache");

    /// <summary>The recommendation's fallback genre CNN (trained when notebook 03 left no model).</summary>
    public string RecCnn => Path.Combine(Cache, "rec-cnn");

    /// <summary>Separated ablation stems and their manifest.</summary>
    public string Ablation => Path.Combine(Root, "ablation");

    /// <summary>Intermediate tables (e.g. MP3-vs-WAV features).</summary>
    public string Tables => Path.Combine(Root, "tables");
}
