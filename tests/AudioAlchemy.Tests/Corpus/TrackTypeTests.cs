using AudioAlchemy.Corpus;

namespace AudioAlchemy.Tests.Corpus;

public class TrackTypeTests
{
    [Theory]
    [InlineData("0", TrackType.Full)]
    [InlineData("full", TrackType.Full)]
    [InlineData(" Complete ", TrackType.Full)]
    [InlineData("full_mix", TrackType.Full)]
    [InlineData("1", TrackType.Vocals)]
    [InlineData("VOCALS", TrackType.Vocals)]
    [InlineData("vocal", TrackType.Vocals)]
    [InlineData("2", TrackType.NoVocals)]
    [InlineData("no_vocals", TrackType.NoVocals)]
    [InlineData("no_vocal", TrackType.NoVocals)]
    [InlineData("accompaniment", TrackType.NoVocals)]
    public void Parse_AcceptsCodesNamesAndSeedAliases(string text, TrackType expected)
    {
        Assert.True(TrackTypes.TryParse(text, out var t));
        Assert.Equal(expected, t);
        Assert.Equal(expected, TrackTypes.Parse(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("3")]
    [InlineData("drums")]
    public void Parse_RejectsOthersWithOneParameterError(string? text)
    {
        Assert.False(TrackTypes.TryParse(text, out _));
        var e = Assert.Throws<ParameterException>(() => TrackTypes.Parse(text));
        Assert.Contains("0, 1 or 2", e.Message);
        Assert.IsAssignableFrom<AlchemyException>(e);
    }

    [Fact]
    public void NamesCodesAndStudyLabels_RoundTrip()
    {
        Assert.Equal(["full", "vocals", "no_vocals"], TrackTypes.All.Select(t => t.Name()));
        Assert.Equal(["complete", "vocal", "no_vocal"], TrackTypes.All.Select(t => t.StudyLabel()));
        Assert.Equal([0, 1, 2], TrackTypes.All.Select(t => t.Code()));
        foreach (var t in TrackTypes.All)
        {
            Assert.Equal(t, TrackTypes.Parse(t.Name()));
            Assert.Equal(t, TrackTypes.Parse(t.StudyLabel()));
            Assert.Equal(t, TrackTypes.Parse(t.Code().ToString()));
        }
    }
}
