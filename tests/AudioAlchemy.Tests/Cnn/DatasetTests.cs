using AudioAlchemy.Models.Cnn;

namespace AudioAlchemy.Tests.Cnn;

public class DatasetTests
{
    [Fact]
    public void SlidingOffsets_CoverTheTrackToItsEnd()
    {
        var d = TinyData.Dataset(TinyData.Tracks());
        Assert.Equal([0, 8, 16, 24, 32], d.SlidingOffsets(0, 8));
        Assert.Equal([0, 15, 30, 32], d.SlidingOffsets(0, 15));
        var rng = new Random(3);
        for (int i = 0; i < 200; i++) Assert.InRange(d.RandomOffset(0, rng), 0, TinyData.Frames - TinyData.Crop);
    }

    [Fact]
    public void CopyCrop_TakesTheRightFrames_AndShortTracksArePaddedWithSilence()
    {
        var mel = new float[2, 5];
        for (int j = 0; j < 5; j++) { mel[0, j] = -80 + 10 * j; mel[1, j] = -40; }
        var d = new MelCropDataset([new MelTrack("a", "x", null, mel)], ["x"], new MelImageOptions(), 3);
        var v = new float[6];
        d.CopyCrop(0, 2, v);
        Assert.Equal([0.25f, 0.375f, 0.5f, 0.5f, 0.5f, 0.5f], v);
        var shortTrack = new MelCropDataset([new MelTrack("b", "x", null, mel)], ["x"], new MelImageOptions(), 8);
        var w = new float[16];
        shortTrack.CopyCrop(0, 0, w);
        Assert.Equal(0f, w[5]);
        Assert.Equal(0.5f, w[8 + 4]);
        Assert.Equal(0f, w[8 + 5]);
    }

    [Fact]
    public void UnknownLabel_IsReportedWithTheTrack()
    {
        var e = Assert.Throws<AlchemyException>(() => new MelCropDataset([new MelTrack("song7", "jazz", null, new float[4, 4])], ["rock"], new MelImageOptions(), 2));
        Assert.Contains("song7", e.Message);
    }

    [Fact]
    public void SpecAugment_MasksBandsAndFrames_Deterministically()
    {
        var o = new AugmentOptions(FreqMasks: 1, FreqMaskWidth: 3, TimeMasks: 1, TimeMaskWidth: 4);
        float[] Run(int seed)
        {
            var v = Enumerable.Repeat(1f, 8 * 10).ToArray();
            SpecAugment.Apply(v, 8, 10, o, new Random(seed));
            return v;
        }
        Assert.Equal(Run(5), Run(5));
        int zeros = 0;
        for (int seed = 0; seed < 20; seed++) zeros += Run(seed).Count(x => x == 0f);
        Assert.True(zeros > 0);
        Assert.True(zeros <= 20 * (3 * 10 + 4 * 8));
        var rng = new Random(1);
        for (int i = 0; i < 100; i++) Assert.InRange(SpecAugment.MixupLambda(0.4, rng), 0.0, 1.0);
    }

    [Fact]
    public void Metrics_MacroF1_MatchesScikitLearn()
    {
        int[] truth = [0, 0, 1, 1, 2], pred = [0, 1, 1, 1, 0];
        Assert.Equal(0.6, CnnMetrics.Accuracy(truth, pred), 12);
        Assert.Equal((0.5 + 0.8 + 0.0) / 3, CnnMetrics.MacroF1(truth, pred), 12);
        Assert.Equal(2, CnnMetrics.Confusion(truth, pred, 3)[1, 1]);
    }
}

public class AudioMelTests
{
    [Fact]
    public void AudioMel_MatchesLibrosaMelDbMax()
    {
        var mel = AudioMel.Extract(TestData.Audio("trumpet"), new MelParams());
        var expected = TestData.Npy("trumpet", "mel_db_max");
        Assert.Equal(expected.Shape, new[] { mel.GetLength(0), mel.GetLength(1) });
        double worst = 0;
        for (int i = 0; i < expected.Shape[0]; i++)
            for (int j = 0; j < expected.Shape[1]; j++)
                worst = Math.Max(worst, Math.Abs(mel[i, j] - expected.Data[i * expected.Shape[1] + j]));
        Assert.True(worst < 0.05, $"max |dB difference| {worst}");
    }
}
