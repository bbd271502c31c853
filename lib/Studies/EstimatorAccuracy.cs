namespace AudioAlchemy.Studies;

/// <summary>How an estimated key relates to the true key (mir_eval / MIREX categories).</summary>
public enum KeyMatch
{
    /// <summary>Same tonic and mode (score 1).</summary>
    Exact,
    /// <summary>Same mode, estimated tonic a perfect fifth above the true one (score 0.5).</summary>
    Fifth,
    /// <summary>Relative major/minor (C major ↔ A minor; score 0.3).</summary>
    Relative,
    /// <summary>Same tonic, other mode (score 0.2).</summary>
    Parallel,
    /// <summary>Anything else (score 0).</summary>
    Other,
    /// <summary>No estimate (e.g. silence) or no truth.</summary>
    Missing,
}

/// <summary>How an estimated tempo relates to the true tempo.</summary>
public enum TempoMatch
{
    /// <summary>Within the tolerance (default 4 %) of the true tempo.</summary>
    Correct,
    /// <summary>Within the tolerance of twice the true tempo.</summary>
    Double,
    /// <summary>Within the tolerance of half the true tempo.</summary>
    Half,
    /// <summary>Within the tolerance of three times or one third of the true tempo (triple-meter confusions).</summary>
    ThirdOrTriple,
    /// <summary>None of the above.</summary>
    Other,
    /// <summary>No estimate or no truth.</summary>
    Missing,
}

/// <summary>One song's truth and estimates.</summary>
/// <param name="Id">Song id.</param>
/// <param name="Group">A grouping label for the per-group table (e.g. genre), or null.</param>
/// <param name="TrueTonic">True tonic name (C, C#, …, B; flats accepted).</param>
/// <param name="TrueMode">"major" or "minor".</param>
/// <param name="TrueTempo">True tempo in BPM.</param>
/// <param name="EstTonic">Estimated tonic name, or null.</param>
/// <param name="EstMode">Estimated mode, or null.</param>
/// <param name="EstTempo">Estimated tempo in BPM, or null.</param>
public sealed record EstimatorCase(string Id, string? Group, string? TrueTonic, string? TrueMode, double? TrueTempo,
    string? EstTonic, string? EstMode, double? EstTempo);

/// <summary>Counts of key and tempo outcomes for a set of songs.</summary>
/// <param name="Group">The group (or "all").</param>
/// <param name="Songs">Songs counted.</param>
/// <param name="Keys">Count per <see cref="KeyMatch"/>.</param>
/// <param name="Tempos">Count per <see cref="TempoMatch"/>.</param>
public sealed record EstimatorAccuracyRow(string Group, int Songs, IReadOnlyDictionary<KeyMatch, int> Keys, IReadOnlyDictionary<TempoMatch, int> Tempos)
{
    /// <summary>MIREX weighted key score: mean of 1 / 0.5 / 0.3 / 0.2 / 0 over songs with both truth and estimate.</summary>
    public double KeyWeightedScore
    {
        get
        {
            int n = Songs - Keys.GetValueOrDefault(KeyMatch.Missing);
            if (n == 0) return double.NaN;
            return (Keys.GetValueOrDefault(KeyMatch.Exact) + 0.5 * Keys.GetValueOrDefault(KeyMatch.Fifth)
                + 0.3 * Keys.GetValueOrDefault(KeyMatch.Relative) + 0.2 * Keys.GetValueOrDefault(KeyMatch.Parallel)) / n;
        }
    }

    /// <summary>Fraction of songs (with both truth and estimate) whose key is exactly right.</summary>
    public double KeyExact => Fraction(Keys.GetValueOrDefault(KeyMatch.Exact), Songs - Keys.GetValueOrDefault(KeyMatch.Missing));

    /// <summary>Fraction of songs whose tempo is within the tolerance.</summary>
    public double TempoCorrect => Fraction(Tempos.GetValueOrDefault(TempoMatch.Correct), Songs - Tempos.GetValueOrDefault(TempoMatch.Missing));

    /// <summary>Fraction within the tolerance of the true tempo or of ×2, ×½, ×3, ×⅓ (octave/metrical errors allowed).</summary>
    public double TempoAnyMetricalLevel => Fraction(Songs - Tempos.GetValueOrDefault(TempoMatch.Missing) - Tempos.GetValueOrDefault(TempoMatch.Other),
        Songs - Tempos.GetValueOrDefault(TempoMatch.Missing));

    private static double Fraction(int a, int b) => b == 0 ? double.NaN : (double)a / b;
}

/// <summary>
/// Scores key and tempo estimators against known truth (the demo corpus' manifest): key outcomes in the mir_eval /
/// MIREX categories (exact, fifth, relative, parallel), tempo within a relative tolerance (4 %) with octave (×2, ×½)
/// and triple-meter (×3, ×⅓) errors counted separately.
/// </summary>
public static class EstimatorAccuracy
{
    private static readonly string[] Sharps = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"];

    /// <summary>Pitch class 0..11 of a tonic name (C, C#, Db, …); null when unknown.</summary>
    public static int? PitchClass(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        string n = name.Trim();
        int i = Array.FindIndex(Sharps, s => string.Equals(s, n, StringComparison.OrdinalIgnoreCase));
        if (i >= 0) return i;
        if (n.Length == 2 && (n[1] == 'b' || n[1] == '♭'))
        {
            int b = Array.FindIndex(Sharps, s => string.Equals(s, n[..1], StringComparison.OrdinalIgnoreCase));
            if (b >= 0) return (b + 11) % 12;
        }
        return null;
    }

    /// <summary>Classifies an estimated key against the truth (mir_eval <c>key.weighted_score</c> categories).</summary>
    public static KeyMatch CompareKey(string? trueTonic, string? trueMode, string? estTonic, string? estMode)
    {
        int? t = PitchClass(trueTonic), e = PitchClass(estTonic);
        bool? tMaj = MajorFlag(trueMode), eMaj = MajorFlag(estMode);
        if (t is null || e is null || tMaj is null || eMaj is null) return KeyMatch.Missing;
        if (t == e && tMaj == eMaj) return KeyMatch.Exact;
        if (tMaj == eMaj && Mod12(e.Value - t.Value) == 7) return KeyMatch.Fifth;
        if (tMaj == true && eMaj == false && Mod12(t.Value - e.Value) == 3) return KeyMatch.Relative;
        if (tMaj == false && eMaj == true && Mod12(e.Value - t.Value) == 3) return KeyMatch.Relative;
        if (t == e) return KeyMatch.Parallel;
        return KeyMatch.Other;
    }

    /// <summary>Classifies an estimated tempo against the truth with relative tolerance <paramref name="tolerance"/>.</summary>
    public static TempoMatch CompareTempo(double? truth, double? estimate, double tolerance = 0.04)
    {
        if (truth is not > 0 || estimate is not > 0) return TempoMatch.Missing;
        bool Near(double factor) => Math.Abs(estimate.Value - factor * truth.Value) <= tolerance * factor * truth.Value;
        if (Near(1)) return TempoMatch.Correct;
        if (Near(2)) return TempoMatch.Double;
        if (Near(0.5)) return TempoMatch.Half;
        if (Near(3) || Near(1.0 / 3)) return TempoMatch.ThirdOrTriple;
        return TempoMatch.Other;
    }

    /// <summary>Counts outcomes overall (first row, group "all") and per group (sorted).</summary>
    public static IReadOnlyList<EstimatorAccuracyRow> Evaluate(IEnumerable<EstimatorCase> cases, double tolerance = 0.04)
    {
        var list = cases.ToList();
        var rows = new List<EstimatorAccuracyRow> { Count("all", list, tolerance) };
        foreach (var g in list.Where(c => c.Group != null).GroupBy(c => c.Group!).OrderBy(g => g.Key, StringComparer.Ordinal))
            rows.Add(Count(g.Key, g.ToList(), tolerance));
        return rows;
    }

    private static EstimatorAccuracyRow Count(string group, List<EstimatorCase> cases, double tolerance)
    {
        var keys = Enum.GetValues<KeyMatch>().ToDictionary(k => k, _ => 0);
        var tempos = Enum.GetValues<TempoMatch>().ToDictionary(k => k, _ => 0);
        foreach (var c in cases)
        {
            keys[CompareKey(c.TrueTonic, c.TrueMode, c.EstTonic, c.EstMode)]++;
            tempos[CompareTempo(c.TrueTempo, c.EstTempo, tolerance)]++;
        }
        return new EstimatorAccuracyRow(group, cases.Count, keys, tempos);
    }

    private static bool? MajorFlag(string? mode) => mode?.Trim().ToLowerInvariant() switch
    {
        "major" or "maj" => true,
        "minor" or "min" => false,
        _ => null,
    };

    private static int Mod12(int v) => ((v % 12) + 12) % 12;
}
