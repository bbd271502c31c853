namespace AudioAlchemy.Corpus.Batch;

/// <summary>
/// Source of feature jobs: <see cref="CorpusManifestAdapter"/> turns the corpus manifest
/// (<c>AudioAlchemy.Corpus.Manifest</c>, CSV or JSON) into one job per (track, track_type).
/// </summary>
public interface IFeatureManifest
{
    /// <summary>The manifest file.</summary>
    string Source { get; }

    /// <summary>All jobs, in manifest order; rows that cannot be read become <see cref="Problems"/>.</summary>
    IReadOnlyList<FeatureJob> Jobs { get; }

    /// <summary>Rows skipped while reading (row number and reason).</summary>
    IReadOnlyList<string> Problems { get; }
}
