using AudioAlchemy.Audio;

namespace AudioAlchemy.Tests.Audio;

public class RoundTripTests
{
    [Theory]
    [InlineData(AudioEncoding.Pcm8, 1.0 / 64)]
    [InlineData(AudioEncoding.Pcm16, 1.0 / 16384)]
    [InlineData(AudioEncoding.Pcm24, 1.0 / 4_000_000)]
    [InlineData(AudioEncoding.Pcm32, 1e-7)]
    [InlineData(AudioEncoding.Float32, 0.0)]
    [InlineData(AudioEncoding.Flac16, 1.0 / 16384)]
    public void Wav_AndFlac_RoundTrip_WithinQuantisation(AudioEncoding enc, double tol)
    {
        using var dir = TestData.TempDir();
        string ext = enc == AudioEncoding.Flac16 ? ".flac" : ".wav";
        var left = TestData.Sine(440, 16000, 0.5, 0.8);
        var right = TestData.Sine(1000, 16000, 0.5, 0.3);
        var path = dir.File("x" + ext);
        AudioFile.Save(path, new AudioSignal([left, right], 16000), new SaveOptions(enc));
        var back = AudioFile.Load(path, sr: null, mono: false);
        Assert.Equal(16000, back.SampleRate);
        Assert.Equal(2, back.Channels.Length);
        Assert.Equal(left.Length, back.Length);
        for (int i = 0; i < left.Length; i++)
        {
            Assert.True(Math.Abs(back.Channels[0][i] - left[i]) <= tol, $"{enc} left[{i}]: {back.Channels[0][i]} vs {left[i]}");
            Assert.True(Math.Abs(back.Channels[1][i] - right[i]) <= tol, $"{enc} right[{i}]");
        }
        var mono = AudioFile.Load(path, sr: null).Samples;
        Assert.Equal((back.Channels[0][100] + back.Channels[1][100]) / 2f, mono[100]);
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }

    [Theory]
    [InlineData(44100, 128)]
    [InlineData(44100, 320)]
    [InlineData(22050, 64)]
    [InlineData(22050, 192)]
    public void Mp3_RoundTrip_KeepsTheSignal(int sr, int kbps)
    {
        using var dir = TestData.TempDir();
        var y = TestData.Sine(440, sr, 2.0, 0.5);
        var path = dir.File("x.mp3");
        AudioFile.Save(path, y, sr, new SaveOptions(BitrateKbps: kbps));
        var info = AudioFile.Info(path);
        Assert.Equal("MPEG MP3", info.Format);
        var back = AudioFile.Load(path, sr: sr).Samples;
        Assert.InRange(back.Length, y.Length - 1152, y.Length + 2 * 1152);
        // Best correlation over small lags (encoder/decoder delay handling may differ by a few samples).
        double best = 0;
        for (int lag = -1200; lag <= 1200; lag++) best = Math.Max(best, Correlation(y, back, lag, 4000, y.Length - 4000));
        Assert.True(best > 0.99, $"correlation {best}");
        // Level preserved within 0.5 dB (an external-encoder path once came back +3 dB louder).
        double rmsIn = Math.Sqrt(y.Average(v => (double)v * v)), rmsOut = Math.Sqrt(back.Average(v => (double)v * v));
        Assert.InRange(20 * Math.Log10(rmsOut / rmsIn), -0.5, 0.5);
    }

    [Fact]
    public void FloatWav_SameAudio_SameBytes()
    {
        using var dir = TestData.TempDir();
        var y = TestData.Sine(440, 22050, 0.5);
        AudioFile.Save(dir.File("a.wav"), y, 22050, new SaveOptions(AudioEncoding.Float32));
        Thread.Sleep(1100); // a timestamp in the header would differ after a second
        AudioFile.Save(dir.File("b.wav"), y, 22050, new SaveOptions(AudioEncoding.Float32));
        Assert.Equal(File.ReadAllBytes(dir.File("a.wav")), File.ReadAllBytes(dir.File("b.wav")));
    }

    [Fact]
    public void Save_IsAtomic_AndOverwrites()
    {
        using var dir = TestData.TempDir();
        var path = dir.File("a.wav");
        AudioFile.Save(path, TestData.Sine(100, 8000, 0.1), 8000);
        AudioFile.Save(path, TestData.Sine(100, 8000, 0.2), 8000);
        Assert.Equal(1600, AudioFile.Info(path).Frames);
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Save_RefusesNaN_AndLeavesNothing()
    {
        using var dir = TestData.TempDir();
        var y = TestData.Sine(100, 8000, 0.1);
        y[10] = float.NaN;
        var e = Assert.Throws<AudioFileException>(() => AudioFile.Save(dir.File("n.wav"), y, 8000));
        Assert.Equal(AudioErrorKind.NonFiniteSamples, e.Kind);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    private static double Correlation(float[] a, float[] b, int lag, int from, int to)
    {
        double sab = 0, saa = 0, sbb = 0;
        for (int i = from; i < to; i++)
        {
            int j = i + lag;
            if (j < 0 || j >= b.Length) continue;
            sab += a[i] * b[j]; saa += a[i] * a[i]; sbb += b[j] * b[j];
        }
        return sab / Math.Sqrt(saa * sbb + 1e-30);
    }
}
