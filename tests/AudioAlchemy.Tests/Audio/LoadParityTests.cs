using AudioAlchemy.Audio;

namespace AudioAlchemy.Tests.Audio;

/// <summary>AudioFile.Load against librosa 0.11's y.npy for the reference clips (same libsndfile decoder → expect ≤ 1e-6).</summary>
public class LoadParityTests
{
    [Theory]
    [InlineData("trumpet", null)]
    [InlineData("nutcracker", 30.0)]
    [InlineData("brahms", 30.0)]
    public void Load_MatchesLibrosa(string clip, double? duration)
    {
        var expected = TestData.Npy(clip, "y");
        var (y, sr) = AudioFile.Load(TestData.Audio(clip), duration: duration);
        Assert.Equal(22050, sr);
        Assert.Equal(expected.Shape[0], y.Length);
        double maxDiff = 0;
        for (int i = 0; i < y.Length; i++) maxDiff = Math.Max(maxDiff, Math.Abs(y[i] - expected.Data[i]));
        Assert.True(maxDiff <= 1e-6, $"max |diff| = {maxDiff}");
    }

    [Fact]
    public void Load_OffsetAndDuration_AreTruncatedToNativeFrames()
    {
        var full = AudioFile.Load(TestData.Audio("trumpet"), sr: null).Samples;
        var part = AudioFile.Load(TestData.Audio("trumpet"), sr: null, offset: 1.00001, duration: 0.5).Samples;
        int start = (int)(1.00001 * 22050);
        Assert.Equal((int)(0.5 * 22050), part.Length);
        Assert.Equal(full.AsSpan(start, part.Length).ToArray(), part);
    }

    [Fact]
    public void Info_ReportsHeader()
    {
        var info = AudioFile.Info(TestData.Audio("trumpet"));
        Assert.Equal(22050, info.SampleRate);
        Assert.Equal(1, info.Channels);
        Assert.Equal(117601, info.Frames);
        Assert.StartsWith("OGG", info.Format);
    }
}
