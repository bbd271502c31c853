using System.Buffers.Binary;
using AudioAlchemy.Audio;
using AudioAlchemy.Corpus.Synth;
using AudioAlchemy.Features;
using AudioAlchemy.Corpus.Batch;
using static AudioAlchemy.Tests.Robustness.HostileInput;

namespace AudioAlchemy.Tests.Robustness;

/// <summary>
/// One test per numbered item of issue 16 (item 3, the notebook runner, is #15's), each written against APIs that
/// already existed before the fix, so the same file runs on the old code and fails there. Exit codes: 0 done,
/// 1 error / nothing produced, 2 bad command line, 3 finished with skipped items.
/// </summary>
public class IssueSixteenTests
{
    private static string Manifest(TempDir dir, params (string Id, string Path)[] rows)
    {
        string m = dir.File("m.csv");
        File.WriteAllText(m, "id,path,genre\n" + string.Concat(rows.Select(r => $"{r.Id},{r.Path},test\n")));
        return m;
    }

    [Fact]
    public void Item01_FeaturesKeepsComputedRowsWhenTheCacheCannotBeWritten()
    {
        using var dir = TestData.TempDir();
        var m = Manifest(dir, ("a", Tone(dir, "a.wav")), ("b", Tone(dir, "b.wav", 660)));
        string blocked = dir.File("cache-is-a-file");
        File.WriteAllText(blocked, "a regular file where the cache folder should go: every cache write fails");
        int rc = RunCli(300, "features", m, "--out", dir.File("out.csv"), "--cache", blocked, "--jobs", "1");
        Assert.Equal(0, rc); // the output is complete; only the accelerator failed
        Assert.Equal(2, DataRows(dir.File("out.csv")));
    }

    [Fact]
    public void Item02_FeaturesAndAblateFailFastOnFifoAndDeviceRows()
    {
        using var dir = TestData.TempDir();
        string fifo = Fifo(dir, "pipe.wav");
        try
        {
            var m = Manifest(dir, ("tone", Tone(dir, "tone.wav")), ("pipe", fifo), ("zero", "/dev/zero"));
            int rc = RunCli(120, "features", m, "--out", dir.File("out.csv"), "--cache", dir.File("cache"), "--jobs", "2");
            Assert.Equal(3, rc); // finished, items skipped
            Assert.Equal(1, DataRows(dir.File("out.csv")));
            int ab = RunCli(120, "ablate", m, "--out", dir.File("ablation"), "--jobs", "1");
            Assert.Equal(3, ab);
            Assert.Equal(3, DataRows(dir.File(Path.Combine("ablation", "manifest.csv"))));
        }
        finally { Release(fifo); }
    }

    [Fact]
    public void Item04_ASecondSynthIntoTheSameFolderRefusesWhileTheFirstRuns()
    {
        using var dir = TestData.TempDir();
        var options = new SynthOptions(dir.File("corpus"), PerGenre: 1, Seconds: 2, Seed: 5, Genres: ["rock", "blues"], MaxParallelism: 1);
        Exception? second = null;
        bool started = false;
        var report = new CorpusSynthesizer(options).Run(_ =>
        {
            if (started) return;
            started = true;
            second = Record.Exception(() => new CorpusSynthesizer(options).Run());
        });
        var refused = Assert.IsAssignableFrom<AlchemyException>(second);
        Assert.Contains("another", refused.Message);
        Assert.Empty(report.Failed);
        Assert.Equal(2, AudioAlchemy.Corpus.Manifest.Load(report.ManifestPath).Rows.Count);
        Assert.Empty(Directory.GetDirectories(options.OutDir, ".tmp*"));
    }

    [Fact]
    public void Item05_AnIncompleteCacheEntryIsRecomputedNotACrash()
    {
        using var dir = TestData.TempDir();
        var m = Manifest(dir, ("a", Tone(dir, "a.wav")));
        string cache = dir.File("cache");
        var (first, _) = FeatureBatch.Run(CorpusManifestAdapter.Load(m).Jobs, new FeatureBatchOptions(new Table1Options(), cache));
        Assert.Single(first);
        foreach (var entry in Directory.GetFiles(cache, "*.json", SearchOption.AllDirectories)) File.WriteAllText(entry, "{}");
        int rc = RunCli(300, "features", m, "--out", dir.File("out.csv"), "--cache", cache);
        Assert.Equal(0, rc);
        var row = File.ReadAllLines(dir.File("out.csv"))[1].Split(',');
        var header = File.ReadAllLines(dir.File("out.csv"))[0].Split(',');
        Assert.NotEqual("", row[Array.IndexOf(header, "mfcc_mean_0")]);
    }

    [Fact]
    public void Item06_MelimageOfTwoFilesWithOneStemWritesBoth()
    {
        using var dir = TestData.TempDir();
        string wav = Tone(dir, "a.wav");
        string mp3 = dir.File("a.mp3");
        AudioFile.Save(mp3, TestData.Sine(880, 22050, 1.5), 22050, new SaveOptions(AudioEncoding.Mp3));
        Assert.Equal(0, RunCli(300, "melimage", wav, mp3, "--out", dir.File("d")));
        Assert.Equal(4, Directory.GetFiles(dir.File("d"), "*.png").Length);
    }

    [Fact]
    public void Item07_EmptyResultsExitNonZeroAndLeaveNoStaleTable()
    {
        using var dir = TestData.TempDir();
        File.WriteAllText(dir.File("header_only.csv"), "id,path\n");
        File.WriteAllText(dir.File("old.csv"), "from,an,earlier,run\n1,2,3,4\n");
        Assert.NotEqual(0, RunCli(60, "features", dir.File("header_only.csv"), "--out", dir.File("old.csv"), "--no-cache"));
        Assert.DoesNotContain("earlier", File.ReadAllText(dir.File("old.csv")));

        // study q1 where every configuration is skipped (no row has track_type 0, 1 or 2).
        var lines = new List<string> { "track_id,track_type,genre,language,artist,f1,f2" };
        for (int i = 0; i < 12; i++) lines.Add($"t{i},7,rock,{(i % 2 == 0 ? "en" : "fr")},a{i % 4},{i * 0.5},{i % 3}");
        File.WriteAllLines(dir.File("t.csv"), lines);
        Assert.Equal(1, RunCli(120, "study", "q1", "--features", dir.File("t.csv"), "--out", dir.File("q1"), "--no-png"));
    }

    private static string[] TableWith(string badCell)
    {
        var lines = new List<string> { "track_id,genre,artist,f1,f2" };
        for (int i = 0; i < 20; i++)
            lines.Add($"t{i},{(i % 2 == 0 ? "rock" : "jazz")},a{i % 5},{(i == 3 ? badCell : (i % 2 * 2 + i * 0.01).ToString(System.Globalization.CultureInfo.InvariantCulture))},{i % 3}");
        return lines.ToArray();
    }

    [Fact]
    public void Item08_NonNumericCellsAreAnErrorAndEmptyCellsCanBeImputed()
    {
        using var dir = TestData.TempDir();
        File.WriteAllLines(dir.File("text.csv"), TableWith("n/a"));
        Assert.Equal(1, RunCli(300, "experiment", "run", "--table", dir.File("text.csv"), "--label", "genre", "--models", "knn", "--cv", "stratified:2",
            "--out", dir.File("r1"), "--no-png"));
        File.WriteAllLines(dir.File("empty.csv"), TableWith(""));
        foreach (var strategy in new[] { "mean", "median", "drop" })
            Assert.Equal(0, RunCli(300, "experiment", "run", "--table", dir.File("empty.csv"), "--label", "genre", "--models", "knn", "--cv", "stratified:2",
                "--impute", strategy, "--out", dir.File("r-" + strategy), "--no-png"));
        Assert.Equal(1, RunCli(300, "experiment", "run", "--table", dir.File("empty.csv"), "--label", "genre", "--models", "knn", "--cv", "stratified:2",
            "--out", dir.File("r-none"), "--no-png"));
    }

    [Fact]
    public void Item09_ABadSoundfontFailsTheSynthClearly()
    {
        using var dir = TestData.TempDir();
        Assert.Equal(1, RunCli(120, "corpus", "synth", "--out", dir.File("c"), "--per-genre", "1", "--seconds", "2", "--genres", "rock",
            "--languages", "en", "--soundfont", "/etc/passwd"));
        Assert.False(File.Exists(Path.Combine(dir.File("c"), "manifest.csv")));
    }

    [Fact]
    public void Item10_ConvertRefusesAFormatTheNameContradictsAndImpossibleRates()
    {
        using var dir = TestData.TempDir();
        string wav = Tone(dir, "a.wav");
        Assert.Equal(2, RunCli(60, "convert", wav, dir.File("y.wav"), "--format", "Mp3"));
        Assert.False(File.Exists(dir.File("y.wav")));
        Assert.Equal(2, RunCli(60, "convert", wav, dir.File("z1.wav"), "--sr", "1"));
        Assert.Equal(2, RunCli(60, "convert", wav, dir.File("z2.wav"), "--sr", "10000000"));
        Assert.Equal(0, RunCli(60, "convert", wav, dir.File("ok.wav"), "--sr", "16000"));
    }

    [Fact]
    public void Smaller_ArgumentsAreCheckedBeforeAnyWork()
    {
        using var dir = TestData.TempDir();
        var m = Manifest(dir, ("a", Tone(dir, "a.wav")));
        Assert.Equal(2, RunCli(30, "features", m, "--jobs", "0", "--no-cache", "--out", dir.File("o.csv")));
        Assert.Equal(2, RunCli(30, "features", m, "--duration", "-1", "--no-cache", "--out", dir.File("o.csv")));
        Assert.Equal(2, RunCli(30, "features", m, "--no-cache", "--out", dir.File("o.txt")));
        Assert.False(File.Exists(dir.File("o.csv")));
        File.WriteAllLines(dir.File("t.csv"), TableWith("1"));
        foreach (var degree in new[] { "0", "-3" })
            Assert.Equal(2, RunCli(30, "experiment", "run", "--table", dir.File("t.csv"), "--label", "genre", "--jobs", degree, "--out", dir.File("r"), "--no-png"));
    }

    [Fact]
    public void Smaller_SkippedItemsGiveExitCodeThree()
    {
        using var dir = TestData.TempDir();
        File.WriteAllText(dir.File("bad.wav"), "not audio");
        var m = Manifest(dir, ("a", Tone(dir, "a.wav")), ("bad", dir.File("bad.wav")));
        Assert.Equal(3, RunCli(300, "features", m, "--no-cache", "--out", dir.File("o.csv")));
        Assert.Equal(1, DataRows(dir.File("o.csv")));
    }

    [Fact]
    public void Smaller_LyingWavTruncatedMp3AndHugeSamplesAreReported()
    {
        using var dir = TestData.TempDir();
        var bytes = File.ReadAllBytes(Tone(dir, "a.wav"));
        int data = bytes.AsSpan().IndexOf("data"u8);
        var lie = (byte[])bytes.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(lie.AsSpan(data + 4), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(data + 4)) * 2);
        File.WriteAllBytes(dir.File("lie.wav"), lie);
        Assert.Equal(AudioErrorKind.Corrupt, Assert.Throws<AudioFileException>(() => AudioFile.Load(dir.File("lie.wav"))).Kind);

        AudioFile.Save(dir.File("full.mp3"), TestData.Sine(440, 22050, 10), 22050, new SaveOptions(AudioEncoding.Mp3, 64));
        var mp3 = File.ReadAllBytes(dir.File("full.mp3"));
        File.WriteAllBytes(dir.File("half.mp3"), mp3[..(mp3.Length / 2)]);
        var e = Assert.Throws<AudioFileException>(() => AudioFile.Load(dir.File("half.mp3")));
        Assert.Contains("half.mp3", e.Message);

        var huge = (byte[])bytes.Clone();
        BinaryPrimitives.WriteSingleLittleEndian(huge.AsSpan(data + 8 + 400), 1e30f);
        File.WriteAllBytes(dir.File("huge.wav"), huge);
        Assert.Throws<AudioFileException>(() => AudioFile.Load(dir.File("huge.wav")));
    }

    [Fact]
    public void Smaller_ErrorKindsMatchTheProblem()
    {
        using var dir = TestData.TempDir();
        var rnd = new Random(3);
        var junk = new byte[5000];
        rnd.NextBytes(junk);
        File.WriteAllBytes(dir.File("junk.mp3"), junk);
        var j = Assert.Throws<AudioFileException>(() => AudioFile.Load(dir.File("junk.mp3")));
        Assert.DoesNotContain("not a regular file", j.Message);
        Assert.Contains(j.Kind, new[] { AudioErrorKind.UnsupportedFormat, AudioErrorKind.Corrupt });
        string fifo = Fifo(dir, "pipe.wav");
        try
        {
            var f = Assert.IsType<AudioFileException>(Within(20, "loading a FIFO", () => Record.Exception(() => AudioFile.Load(fifo))));
            Assert.Equal("NotRegularFile", f.Kind.ToString());
            Assert.Contains("FIFO", f.Message);
        }
        finally { Release(fifo); }
    }

    [Fact]
    public void Smaller_LongOutputNamesAndHugeNpyShapes()
    {
        using var dir = TestData.TempDir();
        string name = new string('n', 240) + ".wav"; // 244 bytes: valid on ext4 (255), too long once a 40-byte temp suffix is added
        AudioFile.Save(dir.File(name), TestData.Sine(440, 8000, 0.1), 8000);
        Assert.True(File.Exists(dir.File(name)));

        string npy = dir.File("huge.npy");
        string header = "{'descr': '<f4', 'fortran_order': False, 'shape': (128, 1000000000000), }";
        header += new string(' ', 63 - (10 + header.Length) % 64) + "\n";
        var b = new List<byte>([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, (byte)(header.Length & 0xFF), (byte)(header.Length >> 8)]);
        b.AddRange(System.Text.Encoding.Latin1.GetBytes(header));
        b.AddRange(new byte[64]);
        File.WriteAllBytes(npy, b.ToArray());
        var e = Assert.Throws<AlchemyException>(() => Npy.Read(npy));
        Assert.Contains("huge.npy", e.Message);
    }
}
