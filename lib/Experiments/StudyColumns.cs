namespace AudioAlchemy.Experiments;

/// <summary>Column names of the feature table the studies read.</summary>
/// <param name="Id">Track id column.</param>
/// <param name="TrackType">0 full mix, 1 vocals, 2 no_vocals.</param>
/// <param name="Genre">Genre label column.</param>
/// <param name="Language">Language label column.</param>
/// <param name="Artist">Artist column (groups).</param>
public sealed record StudyColumns(string Id = "track_id", string TrackType = "track_type", string Genre = "genre",
    string Language = "language", string Artist = "artist")
{
    /// <summary>Metadata columns never used as features.</summary>
    public IReadOnlyList<string> Metadata => [Id, TrackType, Genre, Language, Artist, "frame", "path", "file", "duration"];
}
