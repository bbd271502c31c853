using AudioAlchemy.Audio;
using AudioAlchemy.Dsp;

namespace AudioAlchemy.Tests.Dsp;

/// <summary>
/// |stft| against librosa's stft_mag.npy (first 300 frames for the 30 s clips). Tolerance: 1e-4 of the array's
/// maximum. Both sides run the FFT in double and round to complex64, so differences are float32 rounding of the
/// frame data and of |z| (≈1e-7 relative); 1e-4 leaves room for FFT algorithm differences on near-zero bins.
/// </summary>
public class StftParityTests
{
    [Theory]
    [InlineData("trumpet", null)]
    [InlineData("nutcracker", 30.0)]
    [InlineData("brahms", 30.0)]
    public void Magnitude_MatchesLibrosa(string clip, double? duration)
    {
        var expected = TestData.Npy(clip, "stft_mag");
        var (y, _) = AudioFile.Load(TestData.Audio(clip), duration: duration);
        var mag = new Stft().Spectrogram(y);
        Assert.Equal(expected.Shape[0], mag.Rows);
        int frames = expected.Shape[1];
        double max = expected.Data.Max(), worst = 0;
        for (int k = 0; k < mag.Rows; k++)
            for (int t = 0; t < frames; t++)
                worst = Math.Max(worst, Math.Abs(mag[k, t] - expected[k, t]));
        Assert.True(worst <= 1e-4 * max, $"max |diff| {worst} vs 1e-4 × max {max}");
    }

    /// <summary>The direct magnitude path equals complex STFT → |z|^p bit for bit (same float32 rounding order).</summary>
    [Theory]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(0.5)]
    public void Spectrogram_EqualsForwardMagnitudeExactly(double power)
    {
        var rng = new Random(3);
        var y = new float[5000];
        for (int i = 0; i < y.Length; i++) y[i] = (float)(rng.NextDouble() * 2 - 1);
        var stft = new Stft(new StftOptions(512, 128));
        var direct = stft.Spectrogram(y, power);
        var viaComplex = stft.Forward(y).Magnitude(power);
        Assert.Equal(viaComplex.Rows, direct.Rows);
        Assert.Equal(viaComplex.Cols, direct.Cols);
        Assert.Equal(viaComplex.Data, direct.Data);
        Assert.Throws<ParameterException>(() => stft.Spectrogram(y, 0));
    }
}
