namespace AudioAlchemy.Recommendation;

/// <summary>A simulated listener's hidden taste.</summary>
/// <param name="Id">User id ("u000", ...).</param>
/// <param name="GenreTaste">Taste per genre label.</param>
/// <param name="LanguageTaste">Taste per language label.</param>
/// <param name="SingleLanguage">The one language this listener wants, or null for multi-language listeners.</param>
/// <param name="PreferredTempo">Preferred tempo, BPM.</param>
public sealed record Listener(string Id, IReadOnlyDictionary<string, double> GenreTaste, IReadOnlyDictionary<string, double> LanguageTaste,
    string? SingleLanguage, double PreferredTempo);
