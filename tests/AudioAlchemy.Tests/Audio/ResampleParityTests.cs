using AudioAlchemy.Audio;

namespace AudioAlchemy.Tests.Audio;

/// <summary>44.1 kHz stereo → 22050 mono against librosa 0.11 (soxr_hq via python-soxr on the same libsoxr).</summary>
public class ResampleParityTests
{
    private static string Wav => Path.Combine(TestData.Root, "load", "stereo44k.wav");

    [Theory]
    [InlineData("stereo44k_y22050", 0.0, null)]
    [InlineData("stereo44k_y22050_off", 0.5, 1.25)]
    public void StereoResampled_MatchesLibrosa(string fixture, double offset, double? duration)
    {
        var expected = Npy.Read(Path.Combine(TestData.Root, "load", fixture + ".npy")).Data;
        var (y, sr) = AudioFile.Load(Wav, offset: offset, duration: duration);
        Assert.Equal(22050, sr);
        Assert.Equal(expected.Length, y.Length);
        double sab = 0, saa = 0, sbb = 0, maxDiff = 0;
        for (int i = 0; i < y.Length; i++)
        {
            sab += y[i] * expected[i]; saa += (double)y[i] * y[i]; sbb += expected[i] * expected[i];
            maxDiff = Math.Max(maxDiff, Math.Abs(y[i] - expected[i]));
        }
        double corr = sab / Math.Sqrt(saa * sbb);
        Assert.True(corr >= 0.9999, $"correlation {corr}");
        // Same libsoxr, same recipe and flush: agreement is at float32 rounding level, not just correlated.
        Assert.True(maxDiff <= 1e-5, $"max |diff| {maxDiff}");
    }

    [Fact]
    public void Resample_Length_IsCeilOfRatio()
    {
        var y = TestData.Sine(440, 22050, 117601.0 / 22050);
        Assert.Equal(117601, y.Length);
        Assert.Equal(85335, SoxrResampler.Resample(y, 22050, 16000).Length);
    }
}
