using AudioAlchemy.Models.Cnn;

namespace AudioAlchemy.Tests.Cnn;

/// <summary>Tiny synthetic mel datasets and models that train in well under a second.</summary>
internal static class TinyData
{
    public const int NMels = 16, Frames = 48, Crop = 16;

    public static IReadOnlyList<MelTrack> Tracks(int classes = 3, int perClass = 4, int seed = 1, float noise = 3f) =>
        new SyntheticMels(new SyntheticMelOptions(classes, perClass, NMels, Frames, ArtistsPerClass: 2, NoiseDb: noise, Seed: seed)).LoadTracks();

    public static string[] Classes(IReadOnlyList<MelTrack> tracks) => tracks.Select(t => t.Label).Distinct().Order(StringComparer.Ordinal).ToArray();

    public static MelCropDataset Dataset(IReadOnlyList<MelTrack> tracks, MelImageMode mode = MelImageMode.Grey, string[]? classes = null) =>
        new(tracks, classes ?? Classes(tracks), new MelImageOptions(mode), Crop);

    public static CnnArchitecture Arch(MelCropDataset d, double dropout = 0.0) => new(d.Channels, d.Classes.Count, ConvBlocks: 2, BaseChannels: 8, Dropout: dropout);
}
