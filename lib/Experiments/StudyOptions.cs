namespace AudioAlchemy.Experiments;

/// <summary>Options shared by the studies.</summary>
/// <param name="OutDir">Results folder (created).</param>
/// <param name="Seed">Seed for splits and models.</param>
/// <param name="Degree">Parallel degree over folds/configurations.</param>
/// <param name="Png">Render PNG next to each chart (needs headless Chromium).</param>
/// <param name="Folds">Folds of the cross-validations.</param>
public sealed record StudyOptions(string OutDir = "results", int Seed = 0, int Degree = 2, bool Png = true, int Folds = 5)
{
    /// <summary>Throws when an option is out of range.</summary>
    public StudyOptions Validate()
    {
        if (Degree < 1) throw new AlchemyException($"--degree must be >= 1, got {Degree}");
        if (Folds < 2) throw new AlchemyException($"--folds must be >= 2, got {Folds}");
        return this;
    }
}

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
