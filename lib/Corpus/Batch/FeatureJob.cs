namespace AudioAlchemy.Corpus.Batch;

/// <summary>One signal to summarise: a track and one of its versions.</summary>
/// <param name="TrackId">Track identifier (manifest id).</param>
/// <param name="TrackType">0 = full mix, 1 = vocals only, 2 = no vocals (accompaniment).</param>
/// <param name="Path">Absolute path of the audio file.</param>
/// <param name="Genre">Genre label, if any.</param>
/// <param name="Language">Sung-language label, if any.</param>
/// <param name="Artist">Artist, if any.</param>
/// <param name="Row">1-based manifest data row (for messages).</param>
public sealed record FeatureJob(string TrackId, int TrackType, string Path, string? Genre = null, string? Language = null, string? Artist = null, int Row = 0)
{
    /// <summary>"id (track_type n)" for messages.</summary>
    public string Label => $"{TrackId} (track_type {TrackType})";
}
