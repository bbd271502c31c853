using AudioAlchemy.Recommendation;
using AudioAlchemy.Studies;

namespace AudioAlchemy.Tests.Recommendation;

public class RecommendationStudyTests
{
    [Fact]
    public void HybridBeatsPopularityAndMfOnColdSongs_LanguageAwareBeatsBlindForSingleLanguageListeners()
    {
        var lib = SmallLibrary.Grid(["rock", "jazz", "pop", "folk"], ["en", "es", "fr"], 5, seed: 1);
        using var dir = TestData.TempDir();
        var o = new RecommendationStudyOptions(dir.Path, K: 5, Seed: 0, Repeats: 2, new ListenerOptions(Users: 120, RatingsPerUser: 25),
            Scales: [RatingScale.Five]);
        var r = RecommendationStudy.Run(lib, o);
        double Ndcg(string model, string segment) => r.Metrics.Rows.Where(x => (string)x[1]! == model && (string)x[2]! == segment).Select(x => (double)x[8]!).Single();
        Assert.True(Ndcg("hybrid", "cold") > Ndcg("popularity", "cold") + 0.05, $"hybrid {Ndcg("hybrid", "cold"):0.000} vs popularity {Ndcg("popularity", "cold"):0.000}");
        Assert.True(Ndcg("hybrid", "cold") > Ndcg("als", "cold") + 0.05);
        var single = r.Language.Rows.Where(x => (string)x[1]! == "single-language").ToDictionary(x => (string)x[2]!, x => (double)x[5]!);
        Assert.True(single["content"] > single["content-language-blind"], $"aware {single["content"]:0.000} vs blind {single["content-language-blind"]:0.000}");
        foreach (var f in new[] { "rec_metrics.csv", "rec_metrics_by_repeat.csv", "rec_language.csv", "ratings_5point.csv", "rec_cold_ndcg.html", "rec_language_ndcg.html" })
            Assert.True(File.Exists(Path.Combine(dir.Path, f)), f);
        // same seed, same table
        using var dir2 = TestData.TempDir();
        var again = RecommendationStudy.Run(lib, o with { OutDir = dir2.Path });
        Assert.Equal(File.ReadAllText(Path.Combine(dir.Path, "rec_metrics.csv")), File.ReadAllText(Path.Combine(dir2.Path, "rec_metrics.csv")));
    }

    [Fact]
    public void RealLog_WithBadRows_FailsBeforeWritingAnything()
    {
        var lib = SmallLibrary.Make(4);
        using var dir = TestData.TempDir();
        string log = dir.File("log.csv");
        File.WriteAllText(log, "user,item,rating\nana,s0,2\nana,s1,x\n");
        string outDir = Path.Combine(dir.Path, "out");
        var e = Assert.Throws<AlchemyException>(() => RecommendationStudy.Run(lib, new RecommendationStudyOptions(outDir, RatingsLog: log)));
        Assert.Contains("line 3", e.Message);
        Assert.False(Directory.Exists(outDir) && Directory.EnumerateFiles(outDir).Any());
    }
}
