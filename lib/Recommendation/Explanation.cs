using System.Globalization;

namespace AudioAlchemy.Recommendation;

/// <summary>Why a song was recommended for a query song: what they share and how close their tempo and key are.</summary>
/// <param name="SameGenre">Both have the same (predicted, else labelled) genre; null when either is unknown.</param>
/// <param name="SameLanguage">Both have the same (predicted, else labelled) sung language; null when either is unknown.</param>
/// <param name="TempoRatio">Tempo of the recommendation over the query's, folded to the nearest metrical level (×2, ×½ count as the same pulse); NaN when unknown.</param>
/// <param name="KeyDistance">Steps on the circle of fifths between the keys, relative major/minor counted as 0 (0 = same or relative key, 1 = neighbour, up to 6); null when unknown.</param>
public sealed record Explanation(bool? SameGenre, bool? SameLanguage, double TempoRatio, int? KeyDistance)
{
    /// <summary>Explains <paramref name="rec"/> against <paramref name="query"/>.</summary>
    public static Explanation Of(Song query, Song rec) => new(
        Same(query.GenreForMatching, rec.GenreForMatching), Same(query.LanguageForMatching, rec.LanguageForMatching),
        FoldedTempoRatio(query.Tempo, rec.Tempo), KeyFifths(query.Key, rec.Key));

    /// <summary>
    /// One line, e.g. "same predicted genre (rock), same language (es), tempo 121 vs 118 BPM (2.5% apart), key E minor vs
    /// G major (relative key)". Genre and language say "predicted" when they come from a model's top class rather than
    /// a label (for both songs; else which one was predicted), so a wrong prediction is not read as a fact.
    /// </summary>
    public string Describe(Song query, Song rec)
    {
        var parts = new List<string>();
        if (SameGenre is { } g) parts.Add(Compare(g, "genre", query.PredictedGenre is not null, rec.PredictedGenre is not null, query.GenreForMatching, rec.GenreForMatching));
        if (SameLanguage is { } l) parts.Add(Compare(l, "language", query.PredictedLanguage is not null, rec.PredictedLanguage is not null, query.LanguageForMatching, rec.LanguageForMatching));
        if (double.IsFinite(TempoRatio))
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"tempo {rec.Tempo:0} vs {query.Tempo:0} BPM ({Math.Abs(TempoRatio - 1) * 100:0.#}% apart{(Math.Abs(rec.Tempo / query.Tempo - TempoRatio) > 1e-9 ? " at another metrical level" : "")})"));
        if (KeyDistance is { } k)
            parts.Add($"key {rec.Key} vs {query.Key} ({(k == 0 ? (rec.Key == query.Key ? "same key" : "relative key") : k == 1 ? "neighbouring key" : $"{k} fifths apart")})");
        return parts.Count == 0 ? "similar sound (no metadata to compare)" : string.Join(", ", parts);
    }

    private static string Compare(bool same, string what, bool queryPredicted, bool recPredicted, string? query, string? rec)
    {
        string kind = queryPredicted && recPredicted ? $"predicted {what}" : what;
        string note = queryPredicted == recPredicted ? "" : queryPredicted ? "; the query's is predicted" : "; this song's is predicted";
        return same ? $"same {kind} ({rec}{note})" : $"other {kind} ({rec} vs {query}{note})";
    }

    private static bool? Same(string? a, string? b) => a is null || b is null ? null : string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>b / a multiplied by a power of 2 so it lies in [1/√2, √2): tempo closeness up to octave errors.</summary>
    public static double FoldedTempoRatio(double a, double b)
    {
        if (!(a > 0) || !(b > 0)) return double.NaN;
        double r = b / a;
        while (r >= Math.Sqrt(2)) r /= 2;
        while (r < 1 / Math.Sqrt(2)) r *= 2;
        return r;
    }

    /// <summary>
    /// Circle-of-fifths distance between keys named like "C major" / "A minor" (minor keys mapped to their relative
    /// major, so relative keys are 0 apart); null when either does not parse.
    /// </summary>
    public static int? KeyFifths(string? a, string? b)
    {
        if (Position(a) is not { } pa || Position(b) is not { } pb) return null;
        int d = Math.Abs(pa - pb) % 12;
        return Math.Min(d, 12 - d);
    }

    private static readonly string[] Pitches = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"];

    private static int? Position(string? key)
    {
        if (key is null) return null;
        var parts = key.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2) return null;
        int pc = Array.IndexOf(Pitches, parts[0]);
        if (pc < 0) return null;
        if (parts[1] == "minor") pc = (pc + 3) % 12;
        else if (parts[1] != "major") return null;
        return pc * 7 % 12; // position on the circle of fifths
    }
}
