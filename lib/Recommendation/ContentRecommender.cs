namespace AudioAlchemy.Recommendation;

/// <summary>
/// Content-based recommendations from song embeddings. A user's profile is Σ_i w_ui v_i over the songs they rated
/// (v = <see cref="SongVectors"/> rows, w = rating minus the user's mean rating; when all their ratings are equal,
/// +1 for relevant and −1 for the others), and a song scores cos(profile, v). The language-aware variant uses every
/// embedding block and adds <see cref="LanguageWeight"/> × the share of the user's relevant songs sung in the
/// song's language (predicted language when the table has a language model, else the manifest label); the language-blind
/// variant drops the language-model blocks and that term. Songs nobody rated are scored like any other (no cold start).
/// </summary>
/// <param name="languageAware">Use language (blocks and preference term).</param>
/// <param name="languageWeight">Weight of the language-preference term (set a priori, not tuned on the evaluation corpus).</param>
public sealed class ContentRecommender(bool languageAware = true, double languageWeight = 0.5) : IRecommender
{
    private SongVectors _v = null!;
    private RatingMatrix _train = null!;
    private string?[] _language = [];

    /// <inheritdoc/>
    public string Name => languageAware ? "content" : "content-language-blind";

    /// <summary>Weight of the language-preference term.</summary>
    public double LanguageWeight => languageAware ? languageWeight : 0;

    /// <summary>The song vectors used.</summary>
    public SongVectors Vectors => _v;

    /// <inheritdoc/>
    public void Fit(RatingMatrix train, SongLibrary library)
    {
        _train = train;
        _v = SongVectors.Of(library, languageBlind: !languageAware);
        _language = library.Songs.Select(s => s.LanguageForMatching).ToArray();
    }

    /// <inheritdoc/>
    public double[] Score(int user)
    {
        var rated = _train.ByUser[user];
        int d = _v.Dimension, n = _v.Rows.Length;
        var profile = new float[d];
        double mean = rated.Count == 0 ? 0 : rated.Average(r => r.Value);
        bool flat = rated.All(r => r.Value == mean);
        foreach (var (i, value) in rated)
        {
            double w = flat ? (_train.IsRelevant(value) ? 1 : -1) : value - mean;
            var row = _v.Rows[i];
            for (int j = 0; j < d; j++) profile[j] += (float)(w * row[j]);
        }
        SongVectors.Unit(profile);
        var scores = new double[n];
        for (int i = 0; i < n; i++) scores[i] = SongVectors.Dot(profile, _v.Rows[i]);
        if (LanguageWeight > 0)
        {
            var share = LanguageShare(user);
            for (int i = 0; i < n; i++) scores[i] += LanguageWeight * (_language[i] is { } l && share.TryGetValue(l, out double s) ? s : 0);
        }
        return scores;
    }

    /// <summary>Share of user <paramref name="user"/>'s relevant training songs per language (empty when none has a language).</summary>
    public Dictionary<string, double> LanguageShare(int user)
    {
        var liked = _train.ByUser[user].Where(r => _train.IsRelevant(r.Value) && _language[r.Item] is not null).Select(r => _language[r.Item]!).ToList();
        return liked.GroupBy(l => l, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => (double)g.Count() / liked.Count, StringComparer.OrdinalIgnoreCase);
    }
}
