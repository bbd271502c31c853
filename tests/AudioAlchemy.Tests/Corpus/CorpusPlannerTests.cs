using AudioAlchemy.Corpus.Synth;

namespace AudioAlchemy.Tests.Corpus;

public class CorpusPlannerTests
{
    [Fact]
    public void DefaultCorpusBalancesLanguageExactlyWithinEveryGenre()
    {
        var plans = CorpusPlanner.Plan(new SynthOptions("x"));
        Assert.Equal(200, plans.Count);
        Assert.Equal(200, plans.Select(p => p.Id).Distinct().Count());
        foreach (var g in plans.GroupBy(p => p.Genre))
        {
            Assert.Equal(20, g.Count());
            Assert.All(g.GroupBy(p => p.Language), l => Assert.Equal(2, l.Count()));
            Assert.All(g.GroupBy(p => p.Artist), a => Assert.Equal(5, a.Count()));
        }
        Assert.Equal(LyricsBank.DefaultLanguages.Order(), plans.Select(p => p.Language).Distinct().Order());
    }

    [Fact]
    public void LanguageIsNotTiedToArtist()
    {
        var plans = CorpusPlanner.Plan(new SynthOptions("x"));
        // 40 artists x 5 songs: if language followed the artist, each artist would have one language.
        double meanDistinct = plans.GroupBy(p => p.Artist).Average(a => a.Select(p => p.Language).Distinct().Count());
        Assert.InRange(meanDistinct, 3.5, 5.0);
        // and the genre-language table of a different seed is shuffled differently (seeded, not fixed)
        var other = CorpusPlanner.Plan(new SynthOptions("x", Seed: 2));
        Assert.NotEqual(plans.Select(p => p.Language), other.Select(p => p.Language));
    }

    [Fact]
    public void PlansAreDeterministicAndLabelsAreInRange()
    {
        var a = CorpusPlanner.Plan(new SynthOptions("x", PerGenre: 5, Seed: 42));
        var b = CorpusPlanner.Plan(new SynthOptions("y", PerGenre: 5, Seed: 42));
        Assert.Equal(a.Select(p => p.ParametersHash()), b.Select(p => p.ParametersHash()));
        foreach (var p in a)
        {
            var g = GenreCatalog.Get(p.Genre);
            Assert.InRange(p.TempoBpm, g.TempoMin, g.TempoMax);
            Assert.InRange(p.VocalRatioDb, -3, 6);
            Assert.Contains(p.BeatsPerBar, g.Meters);
            Assert.InRange(p.Tonic, 0, 11);
        }
        Assert.NotEqual(a[0].ParametersHash(), (a[0] with { Seconds = 31 }).ParametersHash());
    }
}
