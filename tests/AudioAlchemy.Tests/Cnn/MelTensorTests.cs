using AudioAlchemy.Features;
using AudioAlchemy.Models.Cnn;

namespace AudioAlchemy.Tests.Cnn;

public class MelTensorTests
{
    [Fact]
    public void Normalize_FixedRange_MapsMinus80To0AndZeroTo1_AndClips()
    {
        var mel = new float[,] { { -80f, -40f, 0f }, { -100f, 5f, float.NaN } };
        var v = MelTensor.Normalize(mel, new MelImageOptions());
        Assert.Equal([0f, 0.5f, 1f, 0f, 1f, 0f], v);
    }

    [Fact]
    public void Normalize_ClipMinMax_UsesTheTracksRange()
    {
        var mel = new float[,] { { -30f, -20f }, { -10f, -25f } };
        var v = MelTensor.Normalize(mel, new MelImageOptions(Scaling: MelScaling.ClipMinMax));
        Assert.Equal([0f, 0.5f, 1f, 0.25f], v);
    }

    [Fact]
    public void Viridis_IndexAndTable_MatchMatplotlib()
    {
        Assert.Equal(0, Viridis.Index(0f));
        Assert.Equal(0, Viridis.Index(-3f));
        Assert.Equal(255, Viridis.Index(1f));
        Assert.Equal(255, Viridis.Index(7f));
        Assert.Equal(128, Viridis.Index(0.5f));
        Assert.Equal(127, Viridis.Index(0.499f));
        // matplotlib: viridis(0.0), viridis(0.5), viridis(1.0)
        Assert.Equal((0.267004f, 0.004874f, 0.329415f), Viridis.Color(0));
        Assert.Equal((0.127568f, 0.566949f, 0.550556f), Viridis.Color(128));
        Assert.Equal((0.993248f, 0.906157f, 0.143936f), Viridis.Color(255));
    }

    [Fact]
    public void ToImage_Viridis_WritesRgbPlanes_GreyCopiesV()
    {
        var mel = new float[,] { { -80f, 0f } };
        var rgb = MelTensor.ToImage(mel, new MelImageOptions(MelImageMode.Viridis));
        Assert.Equal([0.267004f, 0.993248f, 0.004874f, 0.906157f, 0.329415f, 0.143936f], rgb);
        Assert.Equal([0f, 1f], MelTensor.ToImage(mel, new MelImageOptions(MelImageMode.Grey)));
    }

    [Fact]
    public void Options_EmptyRange_IsRejected() =>
        Assert.Throws<AlchemyException>(() => MelTensor.Normalize(new float[1, 1], new MelImageOptions(MinDb: 0, MaxDb: 0)));
}
