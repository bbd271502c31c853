using AudioAlchemy.Recommendation;

namespace AudioAlchemy.Tests.Recommendation;

public class InteractionLogTests
{
    [Fact]
    public void ReadsExplicitAndImplicitLogs()
    {
        using var dir = TestData.TempDir();
        string p = dir.File("r.csv");
        File.WriteAllText(p, "user,item,rating,when\nana,s0,5,x\nana,s1,2,y\nbo,s0,4,z\n");
        var (r, scale) = InteractionLog.Read(p, library: SmallLibrary.Make(3));
        Assert.Equal(RatingScale.Five, scale);
        Assert.Equal([new Rating("ana", "s0", 5), new Rating("ana", "s1", 2), new Rating("bo", "s0", 4)], r);
        File.WriteAllText(p, "user,item,plays\nana,s0,12\nbo,s2,0\n");
        var (plays, implicitScale) = InteractionLog.Read(p);
        Assert.True(implicitScale.IsImplicit);
        Assert.Equal(12, plays[0].Value);
        // round trip
        string q = dir.File("w.csv");
        InteractionLog.Write(q, r, RatingScale.Five);
        Assert.Equal(r, InteractionLog.Read(q, RatingScale.Five).Ratings);
    }

    [Fact]
    public void BadRows_AreNamedByLine_AndNothingIsRead()
    {
        using var dir = TestData.TempDir();
        string p = dir.File("bad.csv");
        File.WriteAllText(p, "user,item,rating\nana,s0,5\nana,s1,seven\n,s2,3\nbo,s9,4\nbo,s0,6\nana,s0,4\nbo,s1,2.5\n");
        var e = Assert.Throws<AlchemyException>(() => InteractionLog.Read(p, RatingScale.Five, SmallLibrary.Make(3)));
        Assert.Contains("6 bad row(s), nothing read", e.Message);
        Assert.Contains("line 3: rating 'seven' is not a number", e.Message);
        Assert.Contains("line 4: missing user", e.Message);
        Assert.Contains("line 5: item 's9' is not in", e.Message);
        Assert.Contains("line 6: rating 6 is outside the 5-point scale", e.Message);
        Assert.Contains("line 7: user 'ana' rated item 's0' already on line 2", e.Message);
        Assert.Contains("line 8: rating 2.5 is outside", e.Message);
        File.WriteAllText(p, "who,what\n1,2\n");
        Assert.Contains("line 1: header must name user, item and rating", Assert.Throws<AlchemyException>(() => InteractionLog.Read(p)).Message);
        Assert.Contains("not found", Assert.Throws<AlchemyException>(() => InteractionLog.Read(dir.File("none.csv"))).Message);
    }
}
