using AudioAlchemy.Recommendation;

namespace AudioAlchemy.Tests.Recommendation;

public class ListenerTests
{
    private static readonly SongLibrary Lib = SmallLibrary.Grid(["rock", "jazz", "pop"], ["en", "es", "fr"], 4);

    [Fact]
    public void SameSeed_SameRatings_OtherSeedOther()
    {
        var o = new ListenerOptions(Users: 20, RatingsPerUser: 10, Seed: 5);
        var a = ListenerSimulator.Simulate(Lib, o).On(RatingScale.Five);
        var b = ListenerSimulator.Simulate(Lib, o).On(RatingScale.Five);
        var c = ListenerSimulator.Simulate(Lib, o with { Seed = 6 }).On(RatingScale.Five);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Equal(20 * 10, a.Count);
        Assert.All(a, r => Assert.True(RatingScale.Five.IsValid(r.Value)));
    }

    [Fact]
    public void Scales_QuantiseTheSameLatentTaste()
    {
        var sim = ListenerSimulator.Simulate(Lib, new ListenerOptions(Users: 30, RatingsPerUser: 12, Seed: 1));
        var two = sim.On(RatingScale.Two);
        var five = sim.On(RatingScale.Five);
        var three = sim.On(RatingScale.Three);
        // monotone: a higher 5-point rating never has a lower 2- or 3-point rating
        for (int i = 0; i < five.Count; i++)
            for (int j = 0; j < five.Count; j += 7)
                if (five[i].Value > five[j].Value) { Assert.True(two[i].Value >= two[j].Value); Assert.True(three[i].Value >= three[j].Value); }
        // quantile cuts: points are about equally frequent
        foreach (var (scale, ratings) in new[] { (RatingScale.Two, two), (RatingScale.Three, three), (RatingScale.Five, five) })
            foreach (var g in ratings.GroupBy(r => r.Value))
                Assert.InRange(g.Count() / (double)ratings.Count, 0.8 / scale.Points, 1.2 / scale.Points);
        Assert.All(sim.On(RatingScale.Implicit), r => Assert.True(r.Value > 0));
    }

    [Fact]
    public void SingleLanguageListeners_RateTheirLanguageHigher_AndExposureIsNotAtRandom()
    {
        var o = new ListenerOptions(Users: 200, RatingsPerUser: 15, SingleLanguageFraction: 0.5, Seed: 2);
        var sim = ListenerSimulator.Simulate(Lib, o);
        var lang = Lib.Songs.ToDictionary(s => s.Id, s => s.Language);
        var single = sim.Listeners.Where(l => l.SingleLanguage is not null).ToDictionary(l => l.Id, l => l.SingleLanguage!);
        Assert.InRange(single.Count, 70, 130);
        var ratings = sim.On(RatingScale.Five).Where(r => single.ContainsKey(r.User)).ToList();
        double own = ratings.Where(r => lang[r.Item] == single[r.User]).Average(r => r.Value);
        double other = ratings.Where(r => lang[r.Item] != single[r.User]).Average(r => r.Value);
        Assert.True(own > other + 1, $"own language {own:0.00}, others {other:0.00}");
        // missing not at random: a third of the songs are in their language, but more than a third of what they rate is
        double share = ratings.Count(r => lang[r.Item] == single[r.User]) / (double)ratings.Count;
        Assert.True(share > 0.45, $"share of own-language songs among rated ones {share:0.00}");
    }

    [Fact]
    public void Simulator_NeedsLabels()
    {
        var lib = new SongLibrary([new Song("x", null, null, null, null, "en", 100, null, null, null)], new Dictionary<string, float[][]> { ["t1"] = [[1f]] });
        Assert.Contains("no genre or language label", Assert.Throws<AlchemyException>(() => ListenerSimulator.Simulate(lib, new ListenerOptions())).Message);
    }

    [Fact]
    public void Split_HoldsOutColdSongsWhole_AndKeepsTrainingRatingsPerUser()
    {
        var ratings = ListenerSimulator.Simulate(Lib, new ListenerOptions(Users: 40, RatingsPerUser: 12, Seed: 3)).On(RatingScale.Three);
        var s = RatingSplit.Make(ratings, 0.25, 0.2, seed: 9);
        Assert.Equal(ratings.Count, s.Train.Count + s.Test.Count);
        Assert.DoesNotContain(s.Train, r => s.ColdItems.Contains(r.Item));
        Assert.Equal(9, s.ColdItems.Count);
        Assert.All(ratings.GroupBy(r => r.User), g => Assert.Contains(s.Train, r => r.User == g.Key));
        Assert.Equal(s.Test, RatingSplit.Make(ratings, 0.25, 0.2, seed: 9).Test);
    }
}
