using System.Diagnostics;
using AudioAlchemy.Reporting;
using AudioAlchemy.Experiments;
using AudioAlchemy.Recommendation;

namespace AudioAlchemy.Studies;

/// <summary>What <see cref="RecommendationStudy.Run"/> wrote.</summary>
/// <param name="Metrics">Mean ± std over repeats per scale × model × segment (<c>rec_metrics.csv</c>).</param>
/// <param name="Language">Language-aware vs language-blind content (and the hybrid) per scale × listener group (<c>rec_language.csv</c>).</param>
/// <param name="Files">Every file written.</param>
/// <param name="Notes">What the reader should know (sizes, ratings counts, caveats).</param>
/// <param name="Seconds">Wall time.</param>
public sealed record RecommendationStudyResult(TidyTable Metrics, TidyTable Language, IReadOnlyList<string> Files, IReadOnlyList<string> Notes, double Seconds)
{
    /// <summary>The charts (HTML paths) in display order: NDCG on cold-start songs, on all held-out songs, language-aware vs blind.</summary>
    public IReadOnlyList<string> Charts { get; init; } = [];
}

/// <summary>
/// The recommendation study: simulated listeners (<see cref="ListenerSimulator"/>, or a real log) rate the library's
/// songs on 2-, 3- and 5-point scales; per repeat and scale a seeded split makes 20 % of the songs cold-start and holds out
/// 20 % of every user's other ratings; popularity, ALS, content (language-aware and language-blind) and the hybrid are
/// fitted on the rest and scored on the held-out ratings with precision@k, recall@k, NDCG@k and coverage, on all songs
/// and on the cold-start songs alone; and for single-language listeners (the simulator's own, or, for a real log, users
/// with ≥ 80 % of their liked songs in one language) language-aware content is compared with language-blind content
/// on the same users (paired). Writes <c>rec_metrics.csv</c>, <c>rec_metrics_by_repeat.csv</c>, <c>rec_language.csv</c>,
/// <c>ratings_5point.csv</c> (the first repeat's simulated ratings) and charts (<c>rec_cold_ndcg.html</c>,
/// <c>rec_all_ndcg.html</c>, <c>rec_language_ndcg.html</c>).
/// </summary>
public static class RecommendationStudy
{
    /// <summary>Model names in table order.</summary>
    public static readonly string[] Models = ["popularity", "als", "content", "content-language-blind", "hybrid"];

    /// <summary>Runs the study on <paramref name="library"/>.</summary>
    public static RecommendationStudyResult Run(SongLibrary library, RecommendationStudyOptions options, Action<string>? log = null)
    {
        var o = options.Validate();
        var sw = Stopwatch.StartNew();
        var files = new List<string>();
        var notes = new List<string>();
        var byRepeat = new TidyTable("repeat", "seed", "scale", "model", "segment", "users", "precision_at_k", "recall_at_k", "ndcg_at_k", "coverage", "k");
        var langRows = new List<(int Repeat, string Scale, string Group, string Model, int Users, double P, double Ndcg, double PairedDiff, int Wins, int Losses)>();
        (IReadOnlyList<Rating> Ratings, RatingScale Scale)? real = o.RatingsLog is null ? null : InteractionLog.Read(o.RatingsLog, library: library);
        Directory.CreateDirectory(o.OutDir);
        var scales = real is { } rl ? [rl.Scale] : o.Scales ?? [RatingScale.Two, RatingScale.Three, RatingScale.Five];
        for (int rep = 0; rep < o.Repeats; rep++)
        {
            int seed = o.Seed + rep;
            SimulatedRatings? sim = real is null ? ListenerSimulator.Simulate(library, (o.Listeners ?? new ListenerOptions()) with { Seed = seed }) : null;
            if (rep == 0 && sim is not null)
            {
                string path = Path.Combine(o.OutDir, "ratings_5point.csv");
                InteractionLog.Write(path, sim.On(RatingScale.Five), RatingScale.Five);
                files.Add(path);
                notes.Add($"{sim.Listeners.Count} simulated listeners, {sim.Latent.Count} ratings ({sim.Latent.Count / (double)(sim.Listeners.Count * library.Count):P1} of the user × song matrix), " +
                    $"{sim.Listeners.Count(l => l.SingleLanguage is not null)} single-language listeners (seed {seed})");
            }
            foreach (var scale in scales)
            {
                var ratings = real?.Ratings ?? sim!.On(scale);
                var split = RatingSplit.Make(ratings, o.ColdFraction, o.TestFraction, seed);
                var train = new RatingMatrix(split.Train, library, scale);
                var single = sim is not null
                    ? sim.Listeners.Where(l => l.SingleLanguage is not null).Select(l => l.Id).ToHashSet(StringComparer.Ordinal)
                    : SingleLanguageUsers(train, library);
                var multi = train.Users.Where(u => !single.Contains(u)).ToHashSet(StringComparer.Ordinal);
                var fitted = new Dictionary<string, IRecommender>();
                foreach (var model in Create(o.Als, seed, o.HybridContentWeight, o.LanguageWeight))
                {
                    model.Fit(train, library);
                    fitted[model.Name] = model;
                    foreach (var m in RecommenderEvaluation.Evaluate(model, train, split, library, o.K, seed))
                        byRepeat.Add(rep, seed, scale.ToString(), m.Model, m.Segment, m.Users, m.Precision, m.Recall, m.Ndcg, m.Coverage, o.K);
                }
                foreach (var (group, users) in new[] { ("single-language", single), ("multi-language", multi) })
                {
                    var aware = RecommenderEvaluation.Evaluate(fitted["content"], train, split, library, o.K, seed, users)[0];
                    var blind = RecommenderEvaluation.Evaluate(fitted["content-language-blind"], train, split, library, o.K, seed, users)[0];
                    var hybrid = RecommenderEvaluation.Evaluate(fitted["hybrid"], train, split, library, o.K, seed, users)[0];
                    var common = aware.PerUserNdcg.Keys.Intersect(blind.PerUserNdcg.Keys).ToList();
                    double diff = common.Count == 0 ? double.NaN : common.Average(u => aware.PerUserNdcg[u] - blind.PerUserNdcg[u]);
                    int wins = common.Count(u => aware.PerUserNdcg[u] > blind.PerUserNdcg[u]), losses = common.Count(u => aware.PerUserNdcg[u] < blind.PerUserNdcg[u]);
                    foreach (var m in new[] { aware, blind, hybrid })
                        langRows.Add((rep, scale.ToString(), group, m.Model, m.Users, m.Precision, m.Ndcg, m == aware ? diff : double.NaN, m == aware ? wins : 0, m == aware ? losses : 0));
                }
                log?.Invoke($"repeat {rep + 1}/{o.Repeats} (seed {seed}), {scale}: {split.Train.Count} train / {split.Test.Count} held-out ratings, {split.ColdItems.Count} cold-start songs, {single.Count} single-language users");
            }
        }
        if (real is not null) notes.Add($"real interaction log {o.RatingsLog}: {real.Value.Ratings.Count} interactions on the {real.Value.Scale} scale");
        if (!library.HasBlock("p_language") && !library.HasBlock("emb_language"))
            notes.Add("no language model in the embedding table: language-aware content uses the manifest's language labels, not predicted languages");

        var metrics = Aggregate(byRepeat, o.K);
        var language = new TidyTable("scale", "listeners", "model", "users", "precision_at_k", "ndcg_at_k", "ndcg_std", "paired_ndcg_gain", "wins", "losses", "repeats", "k");
        foreach (var g in langRows.GroupBy(r => (r.Scale, r.Group, r.Model)))
        {
            var aware = g.Key.Model == "content";
            language.Add(g.Key.Scale, g.Key.Group, g.Key.Model, g.Average(r => r.Users), g.Average(r => r.P), g.Average(r => r.Ndcg), Std(g.Select(r => r.Ndcg)),
                aware ? g.Average(r => r.PairedDiff) : null, aware ? g.Sum(r => r.Wins) : null, aware ? g.Sum(r => r.Losses) : null, g.Count(), o.K);
        }
        foreach (var (t, name) in new[] { (metrics, "rec_metrics.csv"), (byRepeat, "rec_metrics_by_repeat.csv"), (language, "rec_language.csv") })
        {
            string path = Path.Combine(o.OutDir, name);
            t.WriteCsv(path);
            files.Add(path);
        }
        var charts = Charts(metrics, language, scales.Select(s => s.ToString()).ToList(), o).ToList();
        files.AddRange(charts);
        return new RecommendationStudyResult(metrics, language, files, notes, sw.Elapsed.TotalSeconds) { Charts = charts };
    }

    /// <summary>The models compared, in <see cref="Models"/> order.</summary>
    public static IReadOnlyList<IRecommender> Create(AlsOptions? als, int seed, double hybridContentWeight = 2.0, double languageWeight = 0.5)
    {
        var a = (als ?? new AlsOptions()) with { Seed = seed };
        return [new PopularityRecommender(), new AlsRecommender(a), new ContentRecommender(languageAware: true, languageWeight),
            new ContentRecommender(languageAware: false), new HybridRecommender(a, hybridContentWeight, languageWeight: languageWeight)];
    }

    /// <summary>Users with at least 3 liked training songs of which at least 80 % are in one language (for real logs).</summary>
    public static HashSet<string> SingleLanguageUsers(RatingMatrix train, SongLibrary library)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (int u = 0; u < train.Users.Count; u++)
        {
            var langs = train.ByUser[u].Where(r => train.IsRelevant(r.Value)).Select(r => library.Songs[r.Item].LanguageForMatching).OfType<string>().ToList();
            if (langs.Count >= 3 && langs.GroupBy(l => l).Max(g => g.Count()) >= 0.8 * langs.Count) set.Add(train.Users[u]);
        }
        return set;
    }

    private static TidyTable Aggregate(TidyTable byRepeat, int k)
    {
        var t = new TidyTable("scale", "model", "segment", "users", "precision_at_k", "precision_std", "recall_at_k", "recall_std", "ndcg_at_k", "ndcg_std", "coverage", "coverage_std", "repeats", "k");
        var cols = byRepeat.Columns.ToList();
        object? C(object?[] r, string c) => r[cols.IndexOf(c)];
        double D(object?[] r, string c) => Convert.ToDouble(C(r, c), System.Globalization.CultureInfo.InvariantCulture);
        foreach (var g in byRepeat.Rows.GroupBy(r => ((string)C(r, "scale")!, (string)C(r, "model")!, (string)C(r, "segment")!)))
        {
            var rows = g.ToList();
            t.Add(g.Key.Item1, g.Key.Item2, g.Key.Item3, rows.Average(r => D(r, "users")),
                rows.Average(r => D(r, "precision_at_k")), Std(rows.Select(r => D(r, "precision_at_k"))),
                rows.Average(r => D(r, "recall_at_k")), Std(rows.Select(r => D(r, "recall_at_k"))),
                rows.Average(r => D(r, "ndcg_at_k")), Std(rows.Select(r => D(r, "ndcg_at_k"))),
                rows.Average(r => D(r, "coverage")), Std(rows.Select(r => D(r, "coverage"))), rows.Count, k);
        }
        return t;
    }

    private static IEnumerable<string> Charts(TidyTable metrics, TidyTable language, IReadOnlyList<string> scales, RecommendationStudyOptions o)
    {
        var cols = metrics.Columns.ToList();
        double Ndcg(string scale, string model, string segment) => metrics.Rows.Where(r => (string)r[0]! == scale && (string)r[1]! == model && (string)r[2]! == segment)
            .Select(r => Convert.ToDouble(r[cols.IndexOf("ndcg_at_k")], System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(double.NaN).First();
        foreach (var segment in new[] { "cold", "all" })
        {
            var series = Models.ToDictionary(m => m, m => scales.Select(s => Ndcg(s, m, segment)).ToArray());
            string path = Path.Combine(o.OutDir, $"rec_{segment}_ndcg.html");
            ChartHtml.Save(ExperimentCharts.GroupedBars(scales, series, $"NDCG@{o.K} on {(segment == "cold" ? "cold-start songs" : "all held-out songs")} (mean of {o.Repeats} repeats)", $"NDCG@{o.K}"), path);
            yield return path;
        }
        var lcols = language.Columns.ToList();
        var groups = new[] { "single-language", "multi-language" };
        var cats = scales.SelectMany(s => groups.Select(g => $"{s}, {g}")).ToList();
        var lseries = new[] { "content", "content-language-blind", "hybrid" }.ToDictionary(m => m, m => scales.SelectMany(s => groups.Select(g =>
            language.Rows.Where(r => (string)r[0]! == s && (string)r[1]! == g && (string)r[2]! == m)
                .Select(r => Convert.ToDouble(r[lcols.IndexOf("ndcg_at_k")], System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(double.NaN).First())).ToArray());
        string lp = Path.Combine(o.OutDir, "rec_language_ndcg.html");
        ChartHtml.Save(ExperimentCharts.GroupedBars(cats, lseries, $"Language-aware vs language-blind content, NDCG@{o.K} on all held-out songs", $"NDCG@{o.K}"), lp);
        yield return lp;
    }

    private static double Std(IEnumerable<double> x)
    {
        var l = x.Where(double.IsFinite).ToList();
        if (l.Count < 2) return 0;
        double m = l.Average();
        return Math.Sqrt(l.Sum(v => (v - m) * (v - m)) / (l.Count - 1));
    }
}
