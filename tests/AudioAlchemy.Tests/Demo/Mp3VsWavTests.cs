using AudioAlchemy.Audio;
using AudioAlchemy.Corpus;
using AudioAlchemy.Demo;
using AudioAlchemy.Studies;

namespace AudioAlchemy.Tests.Demo;

public class Mp3VsWavTests
{
    /// <summary>Tones falling in level with frequency plus a little noise: a sloped spectrum like music.</summary>
    private static float[] Music(int seed)
    {
        var rng = new Random(seed);
        var y = new float[22050 * 2];
        for (int i = 0; i < y.Length; i++)
        {
            double v = 0.01 * (rng.NextDouble() - 0.5);
            foreach (var (hz, amp) in new[] { (110.0, 0.3), (440.0, 0.15), (1760.0, 0.05), (5000.0, 0.01) }) v += amp * Math.Sin(2 * Math.PI * hz * i / 22050);
            y[i] = (float)v;
        }
        return y;
    }

    [Fact]
    public void Compare_EncodesOncePerBitrate_AndFindsHighShapeSimilarity()
    {
        using var dir = TestData.TempDir();
        var rows = new List<ManifestRow>();
        for (int k = 0; k < 2; k++)
        {
            string wav = dir.File($"t{k}.wav");
            AudioFile.Save(wav, Music(k), 22050, new SaveOptions(AudioEncoding.Float32));
            rows.Add(new ManifestRow(k + 1, $"t{k}", wav, null, null, "a", "t", "rock", "en", null, null, null, null, null, new Dictionary<string, string>()));
        }
        string cache = Path.Combine(dir.Path, "cache");
        var skipped = new List<string>();
        var result = Mp3VsWav.Compare(rows, [128, 320], cache, bands: 16, skipped: skipped.Add);
        Assert.Empty(skipped);
        Assert.Equal(4, result.Count);
        Assert.Equal([128, 128, 320, 320], result.Select(r => r.Kbps));
        Assert.Equal(["t0", "t1", "t0", "t1"], result.Select(r => r.TrackId));
        Assert.All(result, r => Assert.True(r.Similarity.Pearson > 0.8, $"{r.TrackId} {r.Kbps}: r = {r.Similarity.Pearson}"));
        // the encoder's low-pass: at 128 kbps the largest difference is in the upper half of the spectrum
        Assert.All(result.Where(r => r.Kbps == 128), r => Assert.True(r.Similarity.MaxBand >= 8, $"{r.TrackId}: band {r.Similarity.MaxBand}"));
        Assert.All(result, r => Assert.True(File.Exists(r.Mp3Path)));
        Assert.Equal(4, Directory.GetFiles(Path.Combine(cache, Mp3VsWav.Stage), "*.mp3", SearchOption.AllDirectories).Length);
        Assert.All(result, r => Assert.StartsWith(Path.Combine(cache, Mp3VsWav.Stage) + Path.DirectorySeparatorChar, r.Mp3Path));

        var before = result.ToDictionary(r => r.Mp3Path, r => File.GetLastWriteTimeUtc(r.Mp3Path));
        Assert.Equal(result[0].Mp3Path, Mp3VsWav.Encode(rows[0].Path, 128, cache));
        Assert.All(before, kv => Assert.Equal(kv.Value, File.GetLastWriteTimeUtc(kv.Key)));

        var summary = Mp3VsWav.Summarize(result);
        Assert.Equal([128, 320], summary.Select(s => s.Kbps));
        Assert.All(summary, s => Assert.Equal(2, s.Tracks));
        Assert.True(summary[0].MeanKb < summary[1].MeanKb, "320 kbps files are larger than 128 kbps files");
    }

    [Fact]
    public void Compare_ReportsAMissingFile_AndKeepsGoing()
    {
        using var dir = TestData.TempDir();
        string wav = dir.File("ok.wav");
        AudioFile.Save(wav, Music(3), 22050, new SaveOptions(AudioEncoding.Float32));
        var rows = new List<ManifestRow>
        {
            new(1, "ok", wav, null, null, null, null, "rock", null, null, null, null, null, null, new Dictionary<string, string>()),
            new(2, "gone", dir.File("missing.wav"), null, null, null, null, "rock", null, null, null, null, null, null, new Dictionary<string, string>()),
        };
        var skipped = new List<string>();
        var result = Mp3VsWav.Compare(rows, [128], Path.Combine(dir.Path, "mp3"), skipped: s => { lock (skipped) skipped.Add(s); });
        Assert.Single(result);
        Assert.Contains(skipped, s => s.Contains("gone") && s.Contains("row 2"));
    }

    [Fact]
    public void ParseBitrates_AcceptsLists_RejectsNonsense()
    {
        Assert.Equal([128, 192, 320], Mp3VsWav.ParseBitrates(" 128, 192,320 ,128"));
        Assert.Throws<AlchemyException>(() => Mp3VsWav.ParseBitrates("128,fast"));
        Assert.Throws<AlchemyException>(() => Mp3VsWav.ParseBitrates("1000"));
        Assert.Throws<AlchemyException>(() => Mp3VsWav.ParseBitrates(","));
    }
}
