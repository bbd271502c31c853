namespace AudioAlchemy.Corpus;

/// <summary>The <c>track_type</c> column of a manifest or feature table: which version of a song a row holds.</summary>
public enum TrackType
{
    /// <summary>The full mix (0; also spelled <c>full</c>, <c>mix</c>, <c>full_mix</c> or the seed study's <c>complete</c>).</summary>
    Full = 0,

    /// <summary>The separated vocals (1; also <c>vocals</c> or the seed study's <c>vocal</c>).</summary>
    Vocals = 1,

    /// <summary>The separated accompaniment, i.e. no vocals (2; also <c>no_vocals</c>, <c>instrumental</c>, <c>accompaniment</c> or the seed study's <c>no_vocal</c>).</summary>
    NoVocals = 2,
}

/// <summary>Names, codes and the alias-aware parse of <see cref="TrackType"/>: the one place that spells them.</summary>
public static class TrackTypes
{
    /// <summary>All three, in column-value order.</summary>
    public static IReadOnlyList<TrackType> All { get; } = [TrackType.Full, TrackType.Vocals, TrackType.NoVocals];

    /// <summary>"full", "vocals" or "no_vocals" (also the WAV file stem of an ablation folder).</summary>
    public static string Name(this TrackType type) => type switch
    {
        TrackType.Full => "full",
        TrackType.Vocals => "vocals",
        TrackType.NoVocals => "no_vocals",
        _ => throw new ParameterException($"track type {(int)type} is not 0, 1 or 2"),
    };

    /// <summary>The seed study's ablation label: "complete", "vocal" or "no_vocal" (the Q1 result tables use these).</summary>
    public static string StudyLabel(this TrackType type) => type switch
    {
        TrackType.Full => "complete",
        TrackType.Vocals => "vocal",
        TrackType.NoVocals => "no_vocal",
        _ => throw new ParameterException($"track type {(int)type} is not 0, 1 or 2"),
    };

    /// <summary>The column value: 0, 1 or 2.</summary>
    public static int Code(this TrackType type) => (int)type;

    /// <summary>
    /// Parses a code or any alias, case-insensitively and ignoring surrounding spaces: "0", "full", "mix", "full_mix",
    /// "complete" → Full; "1", "vocals", "vocal" → Vocals; "2", "no_vocals", "no_vocal", "instrumental",
    /// "accompaniment" → NoVocals. False for anything else (including null or empty).
    /// </summary>
    public static bool TryParse(string? value, out TrackType type)
    {
        TrackType? t = value?.Trim().ToLowerInvariant() switch
        {
            "0" or "full" or "mix" or "full_mix" or "complete" => TrackType.Full,
            "1" or "vocals" or "vocal" => TrackType.Vocals,
            "2" or "no_vocals" or "no_vocal" or "instrumental" or "accompaniment" => TrackType.NoVocals,
            _ => null,
        };
        type = t.GetValueOrDefault();
        return t.HasValue;
    }

    /// <summary>Like <see cref="TryParse"/> but throws a <see cref="ParameterException"/> naming the value and the accepted spellings.</summary>
    public static TrackType Parse(string? value) => TryParse(value, out var t)
        ? t
        : throw new ParameterException($"track type '{value}' is not 0, 1 or 2 (or full / vocals / no_vocals)");
}
