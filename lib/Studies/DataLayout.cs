namespace AudioAlchemy.Studies;

/// <summary>
/// The layout of a data folder (the demo's <c>data/</c>): generated corpus, ablation stems and every per-file cache.
/// Notebooks, study inputs and the recommendation inputs ask it instead of rebuilding paths (CLI defaults such as
/// <c>frames --cache data/cache/frames</c> still spell their own).
/// </summary>
/// <param name="Root">The data folder.</param>
public sealed record DataLayout(string Root)
{
    /// <summary>Parent of every per-file cache.</summary>
    public string Cache => Path.Combine(Root, "cache");

    /// <summary>Table-1 feature cache.</summary>
    public string FeatureCache => Path.Combine(Cache, "features");

    /// <summary>Frame-feature cache.</summary>
    public string FrameCache => Path.Combine(Cache, "frames");

    /// <summary>Mel-spectrogram cache (the CNN's input).</summary>
    public string MelCache => Path.Combine(Cache, "mels");

    /// <summary>MP3 round-trip cache.</summary>
    public string Mp3Cache => Path.Combine(Cache, "mp3");

    /// <summary>The recommendation's fallback genre CNN (trained when notebook 03 left no model).</summary>
    public string RecCnn => Path.Combine(Cache, "rec-cnn");

    /// <summary>Separated ablation stems and their manifest.</summary>
    public string Ablation => Path.Combine(Root, "ablation");

    /// <summary>Intermediate tables (e.g. MP3-vs-WAV features).</summary>
    public string Tables => Path.Combine(Root, "tables");
}
