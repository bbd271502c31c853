using AudioAlchemy.Dsp;

namespace AudioAlchemy.Features;

/// <summary>
/// <c>feature.tempogram(onset_envelope, win_length, center=True, window='hann', norm=inf)</c> as a reusable object:
/// the envelope is padded by win/2 on each side with a linear ramp to 0, framed with hop 1, windowed (periodic Hann),
/// autocorrelated through a real FFT of size ≥ 2·win − 1 (plan built once), each frame divided by its max.
/// Not thread-safe.
/// </summary>
public sealed class Tempogram
{
    private readonly double[] window, frame, re, im, ac;
    private readonly RealFft fft;

    /// <summary>Creates the transform for windows of <paramref name="winLength"/> frames (librosa's default 384).</summary>
    public Tempogram(int winLength = 384)
    {
        if (winLength < 1) throw new ParameterException("win_length must be a positive integer");
        WinLength = winLength;
        window = Window.Hann(winLength);
        int n = 1;
        while (n < 2 * winLength - 1) n <<= 1;
        fft = new RealFft(Math.Max(n, 2));
        frame = new double[fft.Length];
        re = new double[fft.Bins];
        im = new double[fft.Bins];
        ac = new double[fft.Length];
    }

    /// <summary>Window length in frames (= number of lags).</summary>
    public int WinLength { get; }

    /// <summary>The tempogram of <paramref name="onsetEnvelope"/>, shape (win_length, frames): lag × time.</summary>
    public Matrix Compute(ReadOnlySpan<float> onsetEnvelope)
    {
        int n = onsetEnvelope.Length;
        var tg = new Matrix(WinLength, n);
        ForEachFrame(onsetEnvelope, (t, col) => { for (int k = 0; k < WinLength; k++) tg[k, t] = (float)col[k]; });
        return tg;
    }

    /// <summary>The tempogram averaged over time (<c>np.mean(tg, axis=-1)</c>, float64), length win_length.</summary>
    public double[] Mean(ReadOnlySpan<float> onsetEnvelope)
    {
        var mean = new double[WinLength];
        int n = onsetEnvelope.Length;
        ForEachFrame(onsetEnvelope, (_, col) => { for (int k = 0; k < WinLength; k++) mean[k] += col[k]; });
        if (n > 0) for (int k = 0; k < WinLength; k++) mean[k] /= n;
        return mean;
    }

    /// <summary>Calls <paramref name="emit"/>(t, normalised autocorrelation of frame t) for every frame t.</summary>
    public void ForEachFrame(ReadOnlySpan<float> env, Action<int, double[]> emit)
    {
        int n = env.Length, w = WinLength, half = w / 2;
        if (n == 0) return;
        // padded[i] for i in 0 .. n + 2·half − 1: linear ramps (numpy pad mode='linear_ramp', end_values 0), as float32
        var padded = new float[n + 2 * half];
        float first = env[0], last = env[n - 1];
        for (int j = 0; j < half; j++)
        {
            padded[j] = (float)(j * ((double)first / half));
            padded[half + n + j] = (float)((half - 1 - j) * ((double)last / half));
        }
        env.CopyTo(padded.AsSpan(half));
        var col = new double[w];
        for (int t = 0; t < n; t++)
        {
            Array.Clear(frame);
            for (int i = 0; i < w; i++) frame[i] = padded[t + i] * window[i];
            fft.Forward(frame, re, im);
            for (int k = 0; k < re.Length; k++) { re[k] = re[k] * re[k] + im[k] * im[k]; im[k] = 0; }
            fft.Inverse(re, im, ac);
            double max = 0;
            for (int k = 0; k < w; k++) { col[k] = ac[k]; max = Math.Max(max, Math.Abs(ac[k])); }
            if (max < 2.2250738585072014e-308) max = 1.0;
            for (int k = 0; k < w; k++) col[k] /= max;
            emit(t, col);
        }
    }
}
