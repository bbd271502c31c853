using AudioAlchemy.Experiments;

namespace AudioAlchemy.Tests.Experiments;

public class SplitTests
{
    private static readonly System.Text.Json.JsonElement S = SklearnFixtures.Root.GetProperty("splits");

    private static int[][] Tests(IReadOnlyList<Fold> folds) => folds.Select(f => f.Test).ToArray();

    [Theory]
    [InlineData("stratified_y", "stratified_kfold_5", 5)]
    [InlineData("stratified_y", "stratified_kfold_3", 3)]
    [InlineData("stratified_y_large", "stratified_kfold_large_7", 7)]
    public void StratifiedKFoldMatchesScikitLearn(string yKey, string foldsKey, int k)
    {
        var y = S.GetProperty(yKey).Ints();
        Assert.Equal(S.GetProperty(foldsKey).IntRows(), Tests(new StratifiedKFold(k).Split(y, null)));
    }

    [Theory]
    [InlineData("groups", "group_kfold_4", 4)]
    [InlineData("groups_large", "group_kfold_large_5", 5)]
    public void GroupKFoldMatchesScikitLearn(string gKey, string foldsKey, int k)
    {
        var g = S.GetProperty(gKey).Ints().Select(v => v.ToString("D3")).ToArray();
        Assert.Equal(S.GetProperty(foldsKey).IntRows(), Tests(new GroupKFold(k).Split(new int[g.Length], g)));
    }

    [Fact]
    public void StratifiedGroupKFoldMatchesScikitLearn()
    {
        var g = S.GetProperty("groups").Ints().Select(v => v.ToString("D3")).ToArray();
        var y = S.GetProperty("sgkf_y").Ints();
        Assert.Equal(S.GetProperty("stratified_group_kfold_3").IntRows(), Tests(new StratifiedGroupKFold(3).Split(y, g)));
    }

    [Fact]
    public void LeaveOneOutMatchesScikitLearn() =>
        Assert.Equal(S.GetProperty("leave_one_out_5").IntRows(), Tests(new LeaveOneOut().Split(new int[5], null)));

    [Fact]
    public void ShuffledStratifiedKFoldIsSeededStratifiedAndAPartition()
    {
        var y = S.GetProperty("stratified_y_large").Ints();
        var a = new StratifiedKFold(5, Shuffle: true, Seed: 3).Split(y, null);
        var b = new StratifiedKFold(5, Shuffle: true, Seed: 3).Split(y, null);
        var c = new StratifiedKFold(5, Shuffle: true, Seed: 4).Split(y, null);
        Assert.Equal(Tests(a), Tests(b));
        Assert.NotEqual(Tests(a), Tests(c));
        Assert.Equal(Enumerable.Range(0, y.Length), a.SelectMany(f => f.Test).Order());
        // Same per-class fold sizes as without shuffling.
        var plain = new StratifiedKFold(5).Split(y, null);
        for (int f = 0; f < 5; f++)
            foreach (int cls in y.Distinct())
                Assert.Equal(plain[f].Test.Count(i => y[i] == cls), a[f].Test.Count(i => y[i] == cls));
    }

    [Fact]
    public void FoldsNeverShareGroupsOrRows()
    {
        var g = S.GetProperty("groups").Ints().Select(v => v.ToString()).ToArray();
        foreach (var f in new GroupKFold(4).Split(new int[g.Length], g))
        {
            Assert.Empty(f.Train.Intersect(f.Test));
            Assert.Empty(f.Train.Select(i => g[i]).Intersect(f.Test.Select(i => g[i])));
            Assert.Equal(g.Length, f.Train.Length + f.Test.Length);
        }
    }

    [Fact]
    public void StratifiedSplitKeepsProportionsAndIsSeeded()
    {
        var y = Enumerable.Range(0, 300).Select(i => i % 3 == 0 ? 0 : i % 3 == 1 ? 1 : 2).Concat(Enumerable.Repeat(3, 30)).ToArray();
        var a = StratifiedSplit.Split(y, 0.2, 0.1, seed: 5);
        var b = StratifiedSplit.Split(y, 0.2, 0.1, seed: 5);
        Assert.Equal(a.Test, b.Test);
        Assert.Equal(y.Length, a.Train.Length + a.Validation.Length + a.Test.Length);
        Assert.Empty(a.Train.Intersect(a.Test).Concat(a.Train.Intersect(a.Validation)).Concat(a.Test.Intersect(a.Validation)));
        Assert.Equal(20, a.Test.Count(i => y[i] == 0));
        Assert.Equal(6, a.Test.Count(i => y[i] == 3));
        Assert.Equal(3, a.Validation.Count(i => y[i] == 3));
    }

    [Theory]
    [InlineData("stratified:5", "stratified:5")]
    [InlineData("stratified:5:shuffle:7", "stratified:5:shuffle:7")]
    [InlineData("group:3", "group:3")]
    [InlineData("stratified-group:4", "stratified-group:4")]
    [InlineData("loo", "loo")]
    public void ParserRoundTrips(string spec, string name) => Assert.Equal(name, SplitterParser.Parse(spec).Name);

    [Theory]
    [InlineData("kfold:5")]
    [InlineData("stratified:1")]
    [InlineData("group")]
    public void ParserRejectsBadSpecs(string spec) => Assert.Throws<AlchemyException>(() => SplitterParser.Parse(spec));

    [Fact]
    public void GroupSplitWithoutGroupsIsAClearError() =>
        Assert.Contains("group column", Assert.Throws<AlchemyException>(() => new GroupKFold(2).Split([0, 1, 0], null)).Message);
}
