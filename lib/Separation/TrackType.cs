namespace AudioAlchemy.Separation;

/// <summary>The <c>track_type</c> column of an ablation manifest: which version of a song a row holds.</summary>
public enum TrackType
{
    /// <summary>The full mix (0).</summary>
    Full = 0,

    /// <summary>The separated vocals (1).</summary>
    Vocals = 1,

    /// <summary>The separated accompaniment, i.e. no vocals (2).</summary>
    NoVocals = 2,
}

/// <summary>Names and file names of <see cref="TrackType"/> values.</summary>
public static class TrackTypes
{
    /// <summary>All three, in column-value order.</summary>
    public static IReadOnlyList<TrackType> All { get; } = [TrackType.Full, TrackType.Vocals, TrackType.NoVocals];

    /// <summary>"full", "vocals" or "no_vocals" (also the WAV file stem).</summary>
    public static string Name(this TrackType type) => type switch
    {
        TrackType.Full => "full",
        TrackType.Vocals => "vocals",
        TrackType.NoVocals => "no_vocals",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
