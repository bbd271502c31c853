namespace AudioAlchemy.Recommendation;

/// <summary>One interaction: user <paramref name="User"/> rated (or played) item <paramref name="Item"/> with <paramref name="Value"/>.</summary>
/// <param name="User">User id.</param>
/// <param name="Item">Song id (an id of the library).</param>
/// <param name="Value">Likert rating (1..points) or play count (implicit feedback).</param>
public readonly record struct Rating(string User, string Item, double Value);

/// <summary>
/// How ratings are given: a Likert scale of 2, 3 or 5 points (1 = worst), or implicit play counts. Decides what counts
/// as relevant in evaluation: the top point on 2- and 3-point scales, 4 and 5 on the 5-point scale, any play for
/// implicit feedback.
/// </summary>
/// <param name="Points">2, 3 or 5; 0 for implicit play counts.</param>
public readonly record struct RatingScale(int Points)
{
    /// <summary>The 2-point (dislike/like), 3-point and 5-point Likert scales.</summary>
    public static readonly RatingScale Two = new(2), Three = new(3), Five = new(5);

    /// <summary>Implicit feedback: non-negative play counts.</summary>
    public static readonly RatingScale Implicit = new(0);

    /// <summary>True for play counts.</summary>
    public bool IsImplicit => Points == 0;

    /// <summary>Lowest rating value that counts as relevant (liked).</summary>
    public double RelevantFrom => Points switch { 0 => 1, 2 => 2, 3 => 3, 5 => 4, _ => throw new AlchemyException($"rating scale: {Points} points (use 2, 3 or 5)") };

    /// <summary>True when <paramref name="value"/> is a valid rating on this scale.</summary>
    public bool IsValid(double value) => IsImplicit ? value >= 0 && double.IsFinite(value) : value >= 1 && value <= Points && value == Math.Floor(value);

    /// <summary>"2-point", "3-point", "5-point" or "implicit".</summary>
    public override string ToString() => IsImplicit ? "implicit" : $"{Points}-point";

    /// <summary>Parses "2", "3", "5", "2-point" ... or "implicit".</summary>
    public static RatingScale Parse(string text)
    {
        string t = text.Trim().ToLowerInvariant().Replace("-point", "");
        return t switch
        {
            "2" => Two, "3" => Three, "5" => Five, "implicit" or "plays" or "0" => Implicit,
            _ => throw new AlchemyException($"rating scale '{text}': use 2, 3, 5 or implicit"),
        };
    }
}
