namespace AudioAlchemy.Recommendation;

/// <summary>Mean metrics of one model on one segment.</summary>
/// <param name="Model">Model name.</param>
/// <param name="Segment">"all" (every song the user did not train on) or "cold" (cold-start songs only).</param>
/// <param name="Users">Users evaluated (those with at least one relevant held-out song in the segment).</param>
/// <param name="Precision">Mean precision@k.</param>
/// <param name="Recall">Mean recall@k.</param>
/// <param name="Ndcg">Mean NDCG@k.</param>
/// <param name="Coverage">Share of the segment's songs in at least one user's top k.</param>
/// <param name="PerUserNdcg">NDCG@k per evaluated user (for paired comparisons).</param>
public sealed record SegmentMetrics(string Model, string Segment, int Users, double Precision, double Recall, double Ndcg, double Coverage,
    IReadOnlyDictionary<string, double> PerUserNdcg);

/// <summary>
/// Held-out evaluation of a fitted model: for each user, rank the candidate songs (the segment's songs the user has no
/// training rating for), take the top k, and score them against the user's relevant held-out songs
/// (<see cref="RatingScale.RelevantFrom"/>). Ties are broken by a seeded random order of the songs.
/// </summary>
public static class RecommenderEvaluation
{
    /// <summary>Evaluates <paramref name="model"/> (already fitted on <paramref name="train"/>) on segment "all" and "cold".</summary>
    /// <param name="model">Fitted model.</param>
    /// <param name="train">Training matrix the model was fitted on.</param>
    /// <param name="split">The split (held-out ratings, cold songs).</param>
    /// <param name="library">Songs.</param>
    /// <param name="k">List length.</param>
    /// <param name="seed">Seed of the tie-breaking order.</param>
    /// <param name="users">Only these user ids (null = all).</param>
    public static IReadOnlyList<SegmentMetrics> Evaluate(IRecommender model, RatingMatrix train, RatingSplit split, SongLibrary library, int k, int seed,
        IReadOnlySet<string>? users = null)
    {
        var tie = Enumerable.Range(0, library.Count).OrderBy(_ => 0).ToArray();
        var rng = new Random(seed);
        var perm = Enumerable.Range(0, library.Count).OrderBy(_ => rng.Next()).ToArray();
        for (int r = 0; r < perm.Length; r++) tie[perm[r]] = r;
        var cold = Enumerable.Range(0, library.Count).Where(i => split.ColdItems.Contains(library.Songs[i].Id)).ToArray();
        var relevant = split.Test.Where(r => train.IsRelevant(r.Value)).GroupBy(r => r.User)
            .ToDictionary(g => g.Key, g => g.Select(r => library.IndexOf(r.Item)).ToHashSet());
        var results = new List<SegmentMetrics>();
        foreach (var segment in new[] { "all", "cold" })
        {
            var lists = new List<IReadOnlyList<int>>();
            var p = new List<double>();
            var rc = new List<double>();
            var nd = new Dictionary<string, double>(StringComparer.Ordinal);
            var pool = segment == "all" ? Enumerable.Range(0, library.Count).ToArray() : cold;
            for (int u = 0; u < train.Users.Count; u++)
            {
                string user = train.Users[u];
                if (users is not null && !users.Contains(user)) continue;
                if (!relevant.TryGetValue(user, out var rel)) continue;
                var seen = train.ByUser[u].Select(r => r.Item).ToHashSet();
                var candidates = pool.Where(i => !seen.Contains(i)).ToList();
                var segRel = rel.Where(i => candidates.Contains(i)).ToHashSet();
                if (segRel.Count == 0) continue;
                var top = RankingMetrics.TopK(model.Score(u), candidates, k, tie);
                lists.Add(top);
                p.Add(RankingMetrics.PrecisionAtK(top, segRel, k));
                rc.Add(RankingMetrics.RecallAtK(top, segRel, k));
                nd[user] = RankingMetrics.NdcgAtK(top, segRel, k);
            }
            results.Add(new SegmentMetrics(model.Name, segment, p.Count, Mean(p), Mean(rc), Mean(nd.Values),
                pool.Length == 0 || lists.Count == 0 ? double.NaN : RankingMetrics.Coverage(lists, k, pool.Length), nd));
        }
        return results;
    }

    private static double Mean(IEnumerable<double> x) { var l = x.ToList(); return l.Count == 0 ? double.NaN : l.Average(); }
}
