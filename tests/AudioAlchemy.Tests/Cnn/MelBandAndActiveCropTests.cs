using AudioAlchemy.Corpus;
using AudioAlchemy.Corpus.Synth;
using AudioAlchemy.Models.Cnn;
using AudioAlchemy.Tests.Features;

namespace AudioAlchemy.Tests.Cnn;

/// <summary>The CNN's mel band edges (fmin/fmax, librosa parity and cache keys) and active-only crops.</summary>
public class MelBandAndActiveCropTests
{
    [Fact]
    public void BandEdges_MatchLibrosaMelDbMax_OnTheNonDefaultFixture()
    {
        // tests/data/reference_nondefault/trumpet_sr16k: librosa mel with sr 16000, n_fft 1024, hop 256, n_mels 64, fmin 30, fmax 7600.
        var f = FeatureFixture.Get("trumpet_sr16k");
        var p = new MelParams(SampleRate: (int)f.Sr, NFft: f.NFft, HopLength: f.Hop, NMels: f.NMels, TopDb: 80, FMin: f.Fmin, FMax: f.Fmax).Validate();
        var db = AudioMel.Db(f.Y, p);
        double err = Parity.MaxAbs(f.Npy("mel_db_max"), db.Data);
        Assert.True(err <= 1e-3, $"mel_db_max error {err} dB");
        var full = AudioMel.Db(f.Y, p with { FMin = 0, FMax = null });
        Assert.True(Parity.MaxAbs(f.Npy("mel_db_max"), full.Data) > 1, "the default band edges should give another mel");
    }

    [Fact]
    public void CacheParameters_NameTheBandEdges_AndTheDuration()
    {
        Assert.Equal("duration=none;fmax=none;fmin=0;hop=512;n_fft=2048;n_mels=128;sr=22050;top_db=80", new MelParams().CacheParameters(null));
        Assert.Contains("fmax=8000", new MelParams(FMax: 8000).CacheParameters(null));
        Assert.Contains("fmin=50", new MelParams(FMin: 50).CacheParameters(null));
        Assert.Contains("duration=30", new MelParams().CacheParameters(30));
        var e = Assert.Throws<AlchemyException>(() => new MelParams(FMax: 12000).Validate());
        Assert.Contains("Nyquist", e.Message);
        Assert.Throws<AlchemyException>(() => new MelParams(FMin: 9000, FMax: 8000).Validate());
    }

    [Fact]
    public void CorpusMelSource_CachesEachBandSeparately()
    {
        using var dir = TestData.TempDir();
        var noise = new Random(4);
        var y = Enumerable.Range(0, 22050).Select(_ => (float)(noise.NextDouble() - 0.5)).ToArray();
        FloatWav.Write(dir.File("a.wav"), y, 22050);
        File.WriteAllText(dir.File("m.csv"), "track_id,path,genre\nsong1,a.wav,rock\n");
        var rows = Manifest.Load(dir.File("m.csv")).Rows;
        string cache = dir.File("cache");
        var wide = new CorpusMelSource(rows, cache).LoadTracks().Single().MelDb;
        var narrow = new CorpusMelSource(rows, cache, melParams: new MelParams(FMax: 8000)).LoadTracks().Single().MelDb;
        string[] Entries() => Directory.GetFiles(Path.Combine(cache, CorpusMelSource.Stage), "*.npy", SearchOption.AllDirectories);
        Assert.Equal(2, Entries().Length);
        Assert.NotEqual(wide[100, 5], narrow[100, 5]);
        var again = new CorpusMelSource(rows, cache, melParams: new MelParams(FMax: 8000)).LoadTracks().Single().MelDb;
        Assert.Equal(narrow[100, 5], again[100, 5]);
        Assert.Equal(2, Entries().Length);

        // a corrupt entry is a miss: recomputed and overwritten, not an error
        foreach (var e in Entries()) File.WriteAllText(e, "not a npy file");
        var healed = new CorpusMelSource(rows, cache).LoadTracks().Single().MelDb;
        Assert.Equal(wide[100, 5], healed[100, 5]);
    }

    /// <summary>40 frames × 4 bands: frames 0–19 at −80 dB (silent), 20–39 at 0 dB.</summary>
    private static MelTrack HalfSilent(string id)
    {
        var mel = new float[4, 40];
        for (int i = 0; i < 4; i++) for (int j = 0; j < 40; j++) mel[i, j] = j < 20 ? -80 : 0;
        return new MelTrack(id, "x", null, mel);
    }

    [Fact]
    public void ActiveCrops_KeepWindowsThatAreAtLeastHalfActive()
    {
        var d = new MelCropDataset([HalfSilent("a")], ["x"], new MelImageOptions(ActiveCropDb: 30), 10);
        Assert.Equal([15, 20, 25, 30], d.SlidingOffsets(0, 5));
        var rng = new Random(2);
        var seen = Enumerable.Range(0, 400).Select(_ => d.RandomOffset(0, rng)).ToHashSet();
        Assert.Equal(Enumerable.Range(15, 16).ToHashSet(), seen);
        var all = new MelCropDataset([HalfSilent("a")], ["x"], new MelImageOptions(), 10);
        Assert.Equal([0, 5, 10, 15, 20, 25, 30], all.SlidingOffsets(0, 5));
    }

    [Fact]
    public void ActiveCrops_FallBackToAllStarts_WhenNoWindowIsActiveEnough()
    {
        var mel = new float[2, 30];
        for (int i = 0; i < 2; i++) for (int j = 0; j < 30; j++) mel[i, j] = j == 12 ? 0 : -80;   // one loud frame
        var d = new MelCropDataset([new MelTrack("a", "x", null, mel)], ["x"], new MelImageOptions(ActiveCropDb: 20), 10);
        Assert.Equal([0, 10, 20], d.SlidingOffsets(0, 10));
        Assert.Throws<AlchemyException>(() => new MelImageOptions(ActiveCropDb: 0).Validate());
    }
}

public class MelParamsJsonTests
{
    [Fact]
    public void ModelJson_KeepsTheBandEdges_AndOnlyTheParameters()
    {
        string json = System.Text.Json.JsonSerializer.Serialize(new MelParams(FMin: 20, FMax: 8000), CnnMetadata.Json);
        Assert.DoesNotContain("MelOptions", json);
        Assert.DoesNotContain("BandKey", json);
        Assert.Equal(new MelParams(FMin: 20, FMax: 8000), System.Text.Json.JsonSerializer.Deserialize<MelParams>(json, CnnMetadata.Json));
        Assert.Equal(new MelParams(), System.Text.Json.JsonSerializer.Deserialize<MelParams>("{\"SampleRate\":22050,\"NFft\":2048,\"HopLength\":512,\"NMels\":128,\"TopDb\":80}", CnnMetadata.Json));
    }
}
