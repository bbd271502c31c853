using AudioAlchemy.Models.Cnn;

namespace AudioAlchemy.Tests.Cnn;

public class SplitTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CropsNeverStraddleSplits(bool byGroup)
    {
        var tracks = new SyntheticMels(new SyntheticMelOptions(Classes: 4, TracksPerClass: 10, NMels: 8, Frames: 40, ArtistsPerClass: 5, Seed: 2)).LoadTracks();
        var s = TrackSplitter.Split(tracks, 0.2, 0.2, seed: 7, byGroup);
        Assert.Equal(tracks.Count, s.Train.Length + s.Validation.Length + s.Test.Length);
        Assert.Equal(tracks.Count, s.Train.Concat(s.Validation).Concat(s.Test).Distinct().Count());
        string Key(int i) => byGroup ? tracks[i].SplitGroup : tracks[i].TrackId;
        var parts = new[] { s.Train, s.Validation, s.Test }.Select(p => p.Select(Key).ToHashSet()).ToArray();
        Assert.Empty(parts[0].Intersect(parts[1]));
        Assert.Empty(parts[0].Intersect(parts[2]));
        Assert.Empty(parts[1].Intersect(parts[2]));
        // every class is in every part (stratified)
        foreach (var p in new[] { s.Train, s.Validation, s.Test }) Assert.Equal(4, p.Select(i => tracks[i].Label).Distinct().Count());
        // the datasets built from the parts hold exactly the part's tracks, and every crop comes from its own track
        string[] classes = TinyData.Classes(tracks);
        var train = new MelCropDataset(s.Train.Select(i => tracks[i]).ToList(), classes, new MelImageOptions(), 16);
        var test = new MelCropDataset(s.Test.Select(i => tracks[i]).ToList(), classes, new MelImageOptions(), 16);
        Assert.Empty(train.TrackIds.Intersect(test.TrackIds));
        Assert.Equal(s.Test.Select(i => tracks[i].TrackId), test.TrackIds);
        // same seed → same split; another seed → another split
        Assert.Equal(s.Test, TrackSplitter.Split(tracks, 0.2, 0.2, 7, byGroup).Test);
        Assert.NotEqual(s.Test, TrackSplitter.Split(tracks, 0.2, 0.2, 8, byGroup).Test);
    }

    [Fact]
    public void BadFractions_AreRejected() =>
        Assert.Throws<AlchemyException>(() => TrackSplitter.Split(TinyData.Tracks(), 0.5, 0.5, 0, false));
}
