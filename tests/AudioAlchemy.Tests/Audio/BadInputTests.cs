using System.Text;
using AudioAlchemy.Audio;

namespace AudioAlchemy.Tests.Audio;

/// <summary>Every bad input becomes one AudioFileException naming the file and the reason.</summary>
public class BadInputTests
{
    private static AudioFileException LoadFails(string path, AudioErrorKind kind, double offset = 0)
    {
        var e = Assert.Throws<AudioFileException>(() => AudioFile.Load(path, offset: offset));
        Assert.Equal(kind, e.Kind);
        Assert.Contains(path, e.Message);
        return e;
    }

    [Fact]
    public void MissingFile() => LoadFails("/no/such/file.wav", AudioErrorKind.NotFound);

    [Fact]
    public void EmptyFile()
    {
        using var dir = TestData.TempDir();
        var p = dir.File("empty.wav");
        File.WriteAllBytes(p, []);
        LoadFails(p, AudioErrorKind.Empty);
    }

    [Fact]
    public void TruncatedHeader()
    {
        using var dir = TestData.TempDir();
        var good = dir.File("good.wav");
        AudioFile.Save(good, TestData.Sine(440, 8000, 0.5), 8000);
        var p = dir.File("trunc.wav");
        File.WriteAllBytes(p, File.ReadAllBytes(good)[..20]);
        var e = Assert.Throws<AudioFileException>(() => AudioFile.Load(p));
        Assert.Contains(p, e.Message);
        Assert.Contains(e.Kind, new[] { AudioErrorKind.Corrupt, AudioErrorKind.UnsupportedFormat, AudioErrorKind.Empty });
    }

    [Fact]
    public void GarbageBytes()
    {
        using var dir = TestData.TempDir();
        var p = dir.File("garbage.mp3");
        var rnd = new Random(7);
        var bytes = new byte[4096];
        rnd.NextBytes(bytes);
        File.WriteAllBytes(p, bytes);
        var e = Assert.Throws<AudioFileException>(() => AudioFile.Load(p));
        Assert.Contains(p, e.Message);
    }

    [Fact]
    public void UnsupportedFormat_TextFile()
    {
        using var dir = TestData.TempDir();
        var p = dir.File("notes.txt");
        File.WriteAllText(p, "this is not audio at all, just some text\n");
        LoadFails(p, AudioErrorKind.UnsupportedFormat);
    }

    [Fact]
    public void NaNSamples()
    {
        using var dir = TestData.TempDir();
        var p = dir.File("nan.wav");
        var samples = new float[100];
        samples[42] = float.NaN;
        File.WriteAllBytes(p, FloatWav(samples, 8000, 1));
        var e = LoadFails(p, AudioErrorKind.NonFiniteSamples);
        Assert.Contains("frame 42", e.Message);
    }

    [Fact]
    public void InfSamples()
    {
        using var dir = TestData.TempDir();
        var p = dir.File("inf.wav");
        var samples = new float[100];
        samples[7] = float.PositiveInfinity;
        File.WriteAllBytes(p, FloatWav(samples, 8000, 1));
        LoadFails(p, AudioErrorKind.NonFiniteSamples);
    }

    [Fact]
    public void OffsetPastEnd() => LoadFails(TestData.Audio("trumpet"), AudioErrorKind.OffsetPastEnd, offset: 10);

    [Theory]
    [InlineData(0, 8000)]
    [InlineData(1, 0)]
    public void ZeroChannelsOrRate(int channels, int rate)
    {
        using var dir = TestData.TempDir();
        var p = dir.File("zero.wav");
        File.WriteAllBytes(p, FloatWav(new float[64], rate, channels, declaredChannels: channels));
        var e = Assert.Throws<AudioFileException>(() => AudioFile.Load(p));
        Assert.Contains(p, e.Message);
        Assert.Contains(e.Kind, new[] { AudioErrorKind.InvalidHeader, AudioErrorKind.Corrupt, AudioErrorKind.UnsupportedFormat });
    }

    [Fact]
    public void InvalidArguments()
    {
        var path = TestData.Audio("trumpet");
        Assert.Equal(AudioErrorKind.InvalidArgument, Assert.Throws<AudioFileException>(() => AudioFile.Load(path, sr: 0)).Kind);
        Assert.Equal(AudioErrorKind.InvalidArgument, Assert.Throws<AudioFileException>(() => AudioFile.Load(path, offset: -1)).Kind);
        Assert.Equal(AudioErrorKind.InvalidArgument, Assert.Throws<AudioFileException>(() => AudioFile.Load(path, duration: double.NaN)).Kind);
    }

    /// <summary>A minimal IEEE-float WAV written byte by byte (our writer refuses NaN, so tests craft files by hand).</summary>
    internal static byte[] FloatWav(float[] samples, int rate, int channels, int? declaredChannels = null)
    {
        int ch = declaredChannels ?? channels;
        using var ms = new MemoryStream();
        using var w = new BinaryWriter(ms, Encoding.ASCII);
        int dataBytes = samples.Length * 4;
        w.Write("RIFF"u8.ToArray()); w.Write(36 + dataBytes); w.Write("WAVE"u8.ToArray());
        w.Write("fmt "u8.ToArray()); w.Write(16); w.Write((short)3); w.Write((short)ch); w.Write(rate);
        w.Write(rate * 4 * Math.Max(ch, 1)); w.Write((short)(4 * ch)); w.Write((short)32);
        w.Write("data"u8.ToArray()); w.Write(dataBytes);
        foreach (var s in samples) w.Write(s);
        return ms.ToArray();
    }
}
