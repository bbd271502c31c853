using AudioAlchemy.Recommendation;

namespace AudioAlchemy.Studies;

/// <summary>Options of <see cref="RecommendationStudy"/>.</summary>
/// <param name="OutDir">Results folder (tables and charts).</param>
/// <param name="K">Recommendation list length.</param>
/// <param name="Seed">First seed; repeat r uses Seed + r for the listeners, the split, ALS and tie-breaking.</param>
/// <param name="Repeats">Independent repeats (new listeners and split each), reported as mean ± std.</param>
/// <param name="Listeners">Simulator options (its seed is replaced per repeat).</param>
/// <param name="Scales">Likert scales to simulate.</param>
/// <param name="ColdFraction">Share of songs made cold-start (all their ratings held out).</param>
/// <param name="TestFraction">Share of each user's other ratings held out.</param>
/// <param name="Als">ALS options (its seed is replaced per repeat).</param>
/// <param name="RatingsLog">A real interaction log (CSV user,item,rating|plays) to evaluate instead of simulated listeners.</param>
/// <param name="HybridContentWeight">Weight of the content part of the hybrid (<see cref="HybridRecommender"/>).</param>
/// <param name="LanguageWeight">Weight of the language-preference term of language-aware content (<see cref="ContentRecommender"/>).</param>
public sealed record RecommendationStudyOptions(string OutDir, int K = 10, int Seed = 0, int Repeats = 3, ListenerOptions? Listeners = null,
    IReadOnlyList<RatingScale>? Scales = null, double ColdFraction = 0.2, double TestFraction = 0.2, AlsOptions? Als = null, string? RatingsLog = null,
    double HybridContentWeight = 2.0, double LanguageWeight = 0.5)
{
    /// <summary>Throws <see cref="AlchemyException"/> naming the bad option.</summary>
    public RecommendationStudyOptions Validate()
    {
        if (K < 1) throw new AlchemyException($"--k must be at least 1 (got {K})");
        if (Repeats < 1) throw new AlchemyException($"--repeats must be at least 1 (got {Repeats})");
        if (string.IsNullOrWhiteSpace(OutDir)) throw new AlchemyException("--out must name a folder");
        if (!(HybridContentWeight >= 0)) throw new AlchemyException($"--hybrid-content-weight must be ≥ 0 (got {HybridContentWeight})");
        if (!(LanguageWeight >= 0)) throw new AlchemyException($"--language-weight must be ≥ 0 (got {LanguageWeight})");
        Als?.Validate();
        return this;
    }
}
