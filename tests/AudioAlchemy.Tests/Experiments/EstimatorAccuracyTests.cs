using AudioAlchemy.Experiments;
using AudioAlchemy.Studies;

namespace AudioAlchemy.Tests.Experiments;

public class EstimatorAccuracyTests
{
    [Theory]
    [InlineData("C", "major", "C", "major", KeyMatch.Exact)]
    [InlineData("C", "major", "G", "major", KeyMatch.Fifth)]
    [InlineData("C", "major", "F", "major", KeyMatch.Other)] // mir_eval: only a fifth above counts
    [InlineData("C", "major", "A", "minor", KeyMatch.Relative)]
    [InlineData("A", "minor", "C", "major", KeyMatch.Relative)]
    [InlineData("C", "major", "C", "minor", KeyMatch.Parallel)]
    [InlineData("E", "minor", "B", "minor", KeyMatch.Fifth)]
    [InlineData("Eb", "major", "D#", "major", KeyMatch.Exact)]
    [InlineData("C", "major", null, null, KeyMatch.Missing)]
    [InlineData("F#", "major", "D#", "minor", KeyMatch.Relative)]
    public void Key_Categories_FollowMirEval(string? t, string? tm, string? e, string? em, KeyMatch expected)
        => Assert.Equal(expected, EstimatorAccuracy.CompareKey(t, tm, e, em));

    [Theory]
    [InlineData(120, 123.0, TempoMatch.Correct)]
    [InlineData(120, 125.0, TempoMatch.Other)]   // 4.2 % off
    [InlineData(90, 184.57, TempoMatch.Double)]
    [InlineData(196, 99.38, TempoMatch.Half)]
    [InlineData(60, 180.0, TempoMatch.ThirdOrTriple)]
    [InlineData(120, null, TempoMatch.Missing)]
    public void Tempo_Categories(double truth, double? est, TempoMatch expected)
        => Assert.Equal(expected, EstimatorAccuracy.CompareTempo(truth, est));

    [Fact]
    public void Evaluate_CountsOverallAndPerGroup_AndWeightsKeys()
    {
        var rows = EstimatorAccuracy.Evaluate([
            new("a", "jazz", "C", "major", 100, "C", "major", 101),
            new("b", "jazz", "C", "major", 100, "G", "major", 200),
            new("c", "rock", "A", "minor", 120, "C", "major", 77),
            new("d", "rock", "A", "minor", 120, null, null, null),
        ]);
        Assert.Equal(["all", "jazz", "rock"], rows.Select(r => r.Group));
        var all = rows[0];
        Assert.Equal(4, all.Songs);
        Assert.Equal((1 + 0.5 + 0.3) / 3, all.KeyWeightedScore, 12);
        Assert.Equal(1.0 / 3, all.KeyExact, 12);
        Assert.Equal(1.0 / 3, all.TempoCorrect, 12);
        Assert.Equal(2.0 / 3, all.TempoAnyMetricalLevel, 12);
        Assert.Equal(1, rows[1].Tempos[TempoMatch.Double]);
    }
}

public class EstimatorCasesTests
{
    [Fact]
    public void Join_MatchesFullMixRows_ById_AndMissingRowsGetNoEstimate()
    {
        using var dir = TestData.TempDir();
        File.WriteAllText(dir.File("m.csv"), "id,path,genre,key,mode,tempo_bpm\na,a.wav,jazz,C,major,100\nb,b.wav,rock,A,minor,120\n");
        File.WriteAllText(dir.File("f.csv"), "track_id,track_type,key_tonic,key_mode,tempo\na,0,G,major,200.5\na,1,C,major,100\n");
        var cases = EstimatorCases.Join(AudioAlchemy.Corpus.Manifest.Load(dir.File("m.csv")), TableReader.Load(dir.File("f.csv")));
        Assert.Equal(2, cases.Count);
        Assert.Equal(("G", "major", 200.5), (cases[0].EstTonic, cases[0].EstMode, cases[0].EstTempo));
        Assert.Equal("jazz", cases[0].Group);
        Assert.Null(cases[1].EstTonic);
        var all = EstimatorAccuracy.Evaluate(cases)[0];
        Assert.Equal(1, all.Keys[KeyMatch.Fifth]);
        Assert.Equal(1, all.Tempos[TempoMatch.Double]);
        Assert.Equal(1, all.Keys[KeyMatch.Missing]);
    }
}
