using System.Globalization;

namespace AudioAlchemy.Reporting;

/// <summary>Headline lines of the recommendation study (notebook 06), read back from <c>results/rec/*.csv</c>.</summary>
public static class RecommendationHeadlines
{
    /// <summary>Cold-start NDCG@k per model and the single-language comparison, on the 5-point scale (else the first scale present).</summary>
    public static IEnumerable<string> Read(string resultsDir)
    {
        string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
        var metrics = CsvRecords.Read(new ResultsLayout(resultsDir).RecMetrics);
        string? scale = metrics.Select(r => r.Text("scale")).OrderBy(s => s == "5-point" ? 0 : 1).FirstOrDefault();
        if (scale is not null)
        {
            var cold = metrics.Where(r => r.Text("scale") == scale && r.Text("segment") == "cold").ToList();
            string k = cold.FirstOrDefault()?.Text("k") ?? "?";
            yield return $"Recommendation, cold-start songs ({scale}, NDCG@{k}, mean of {cold.FirstOrDefault()?.Text("repeats")} repeats): " +
                string.Join(", ", cold.OrderByDescending(r => r.Number("ndcg_at_k")).Select(r => $"{r.Text("model")} {F(r.Number("ndcg_at_k"))} ± {F(r.Number("ndcg_std"))}"));
        }
        var lang = CsvRecords.Read(new ResultsLayout(resultsDir).RecLanguage)
            .Where(r => r.Text("scale") == scale && r.Text("listeners") == "single-language").ToList();
        var aware = lang.FirstOrDefault(r => r.Text("model") == "content");
        var blind = lang.FirstOrDefault(r => r.Text("model") == "content-language-blind");
        if (aware is not null && blind is not null)
            yield return $"Recommendation, single-language listeners ({scale}, NDCG@{aware.Text("k")}): language-aware content {F(aware.Number("ndcg_at_k"))} vs language-blind " +
                $"{F(blind.Number("ndcg_at_k"))} (paired gain {F(aware.Number("paired_ndcg_gain"))}, better for {aware.Text("wins")} user-repeats, worse for {aware.Text("losses")})";
    }
}
