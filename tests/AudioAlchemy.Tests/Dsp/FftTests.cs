using AudioAlchemy.Dsp;

namespace AudioAlchemy.Tests.Dsp;

public class FftTests
{
    private static (double[] re, double[] im) NaiveDft(double[] x)
    {
        int n = x.Length;
        var re = new double[n / 2 + 1];
        var im = new double[n / 2 + 1];
        for (int k = 0; k <= n / 2; k++)
            for (int j = 0; j < n; j++)
            {
                double a = -2 * Math.PI * (long)k * j / n;
                re[k] += x[j] * Math.Cos(a);
                im[k] += x[j] * Math.Sin(a);
            }
        return (re, im);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(16)]
    [InlineData(100)]
    [InlineData(1000)]
    [InlineData(2048)]
    public void RealFft_MatchesNaiveDft_AndInverts(int n)
    {
        var rnd = new Random(n);
        var x = Enumerable.Range(0, n).Select(_ => rnd.NextDouble() * 2 - 1).ToArray();
        var plan = new RealFft(n);
        var re = new double[plan.Bins];
        var im = new double[plan.Bins];
        plan.Forward(x, re, im);
        var (er, ei) = NaiveDft(x);
        for (int k = 0; k < plan.Bins; k++)
        {
            Assert.True(Math.Abs(re[k] - er[k]) < 1e-9 * n, $"re[{k}] {re[k]} vs {er[k]}");
            Assert.True(Math.Abs(im[k] - ei[k]) < 1e-9 * n, $"im[{k}] {im[k]} vs {ei[k]}");
        }
        var back = new double[n];
        plan.Inverse(re, im, back);
        for (int i = 0; i < n; i++) Assert.True(Math.Abs(back[i] - x[i]) < 1e-12 * n + 1e-12, $"x[{i}]");
    }

    [Fact]
    public void Stft_OfSine_PeaksAtItsBin_AndIstftReconstructs()
    {
        int sr = 22050;
        var y = new float[sr];
        double f = 20 * sr / 2048.0; // exactly bin 20
        for (int i = 0; i < y.Length; i++) y[i] = (float)Math.Sin(2 * Math.PI * f * i / sr);
        var stft = new Stft();
        var S = stft.Forward(y);
        Assert.Equal(1025, S.Rows);
        Assert.Equal(1 + y.Length / 512, S.Cols);
        var mag = S.Magnitude();
        int mid = S.Cols / 2, best = 0;
        for (int k = 0; k < mag.Rows; k++) if (mag[k, mid] > mag[best, mid]) best = k;
        Assert.Equal(20, best);
        Assert.Equal(512f, mag[20, mid], 1f); // Hann sum/2 = n_fft/4 for a unit sine
        var back = stft.Inverse(S, y.Length);
        for (int i = 0; i < y.Length; i++) Assert.True(Math.Abs(back[i] - y[i]) < 1e-5, $"y[{i}]");
    }
}
