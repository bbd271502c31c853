using AudioAlchemy.Dsp;

namespace AudioAlchemy.Features;

public static partial class Feature
{
    /// <summary>
    /// <c>feature.spectral_centroid(S=S, sr, freq=None)</c> on a magnitude spectrogram <paramref name="S"/> (1 + n_fft/2,
    /// frames): Σ f·S / Σ S per frame (0 for an all-zero frame, as librosa's normalize leaves it 0). Returns the (1, frames) row.
    /// </summary>
    public static double[] SpectralCentroid(Matrix S, double sr = Defaults.SampleRate)
    {
        var freq = Units.FftFrequencies(sr, 2 * (S.Rows - 1));
        int T = S.Cols;
        var norm = ColumnL1(S);
        var c = new double[T];
        for (int k = 0; k < S.Rows; k++)
        {
            var row = S.Row(k);
            for (int t = 0; t < T; t++) c[t] += freq[k] * (float)(row[t] / norm[t]);
        }
        return c;
    }

    /// <summary><c>feature.spectral_centroid(y=y, sr, n_fft, hop_length, win_length, window, center, pad_mode)</c>: the (1, frames) row.</summary>
    public static double[] SpectralCentroid(float[] y, double sr = Defaults.SampleRate, int nFft = Defaults.NFft, int hopLength = Defaults.HopLength,
        int? winLength = null, WindowKind window = WindowKind.Hann, bool center = true, PadMode padMode = PadMode.Constant)
        => SpectralCentroid(new SpectralContext(y, sr, new StftOptions(nFft, hopLength, winLength, center, padMode, window)));

    /// <summary><c>feature.spectral_bandwidth(y=y, sr, n_fft, hop_length, win_length, window, center, pad_mode, norm, p)</c>: the (1, frames) row.</summary>
    public static double[] SpectralBandwidth(float[] y, double sr = Defaults.SampleRate, int nFft = Defaults.NFft, int hopLength = Defaults.HopLength,
        int? winLength = null, WindowKind window = WindowKind.Hann, bool center = true, PadMode padMode = PadMode.Constant, bool norm = true, double p = 2)
        => SpectralBandwidth(new SpectralContext(y, sr, new StftOptions(nFft, hopLength, winLength, center, padMode, window)), null, norm, p);

    /// <summary><c>feature.spectral_rolloff(y=y, sr, n_fft, hop_length, win_length, window, center, pad_mode, roll_percent)</c>: the (1, frames) row.</summary>
    public static double[] SpectralRolloff(float[] y, double sr = Defaults.SampleRate, int nFft = Defaults.NFft, int hopLength = Defaults.HopLength,
        int? winLength = null, WindowKind window = WindowKind.Hann, bool center = true, PadMode padMode = PadMode.Constant, double rollPercent = 0.85)
        => SpectralRolloff(new SpectralContext(y, sr, new StftOptions(nFft, hopLength, winLength, center, padMode, window)), rollPercent);

    /// <summary><c>feature.spectral_centroid(y=y, sr, n_fft, hop_length, ...)</c> from a shared context (uses |S|).</summary>
    public static double[] SpectralCentroid(SpectralContext context) => SpectralCentroid(context.Magnitude, context.Sr);

    /// <summary>
    /// <c>feature.spectral_bandwidth(S=S, sr, centroid=None, norm=True, p=2)</c>: (Σ S_norm·|f − centroid|^p)^(1/p) per frame,
    /// S_norm = S / Σ S when <paramref name="norm"/>. Returns the (1, frames) row.
    /// </summary>
    public static double[] SpectralBandwidth(Matrix S, double sr = Defaults.SampleRate, double[]? centroid = null, bool norm = true, double p = 2)
    {
        if (!(p > 0)) throw new ParameterException($"p must be positive (got {p})");
        var freq = Units.FftFrequencies(sr, 2 * (S.Rows - 1));
        int T = S.Cols;
        centroid ??= SpectralCentroid(S, sr);
        if (centroid.Length != T) throw new ParameterException($"centroid has {centroid.Length} frames, S has {T}");
        var l1 = norm ? ColumnL1(S) : null;
        var bw = new double[T];
        for (int k = 0; k < S.Rows; k++)
        {
            var row = S.Row(k);
            for (int t = 0; t < T; t++)
            {
                double s = l1 is null ? row[t] : (float)(row[t] / l1[t]);
                double d = Math.Abs(freq[k] - centroid[t]);
                bw[t] += s * (p == 2 ? d * d : Math.Pow(d, p));
            }
        }
        for (int t = 0; t < T; t++) bw[t] = p == 2 ? Math.Sqrt(bw[t]) : Math.Pow(bw[t], 1.0 / p);
        return bw;
    }

    /// <summary><c>feature.spectral_bandwidth(y=y, ...)</c> from a shared context (uses |S|).</summary>
    public static double[] SpectralBandwidth(SpectralContext context, double[]? centroid = null, bool norm = true, double p = 2)
        => SpectralBandwidth(context.Magnitude, context.Sr, centroid, norm, p);

    /// <summary>
    /// <c>feature.spectral_rolloff(S=S, sr, roll_percent=0.85)</c>: the lowest bin frequency whose cumulative energy (float32
    /// running sum over bins, as numpy's cumsum) reaches roll_percent of the frame total. Returns the (1, frames) row.
    /// </summary>
    public static double[] SpectralRolloff(Matrix S, double sr = Defaults.SampleRate, double rollPercent = 0.85)
    {
        if (!(rollPercent > 0 && rollPercent < 1)) throw new ParameterException("roll_percent must lie in the range (0, 1)");
        var freq = Units.FftFrequencies(sr, 2 * (S.Rows - 1));
        int T = S.Cols;
        var total = new float[T];
        for (int k = 0; k < S.Rows; k++)
        {
            var row = S.Row(k);
            for (int t = 0; t < T; t++) total[t] += row[t];
        }
        var threshold = new float[T];
        for (int t = 0; t < T; t++) threshold[t] = (float)rollPercent * total[t]; // numpy: python float × float32 array → float32
        var cum = new float[T];
        var r = new double[T];
        Array.Fill(r, double.NaN);
        for (int k = 0; k < S.Rows; k++)
        {
            var row = S.Row(k);
            for (int t = 0; t < T; t++)
            {
                cum[t] += row[t];
                if (double.IsNaN(r[t]) && !(cum[t] < threshold[t])) r[t] = freq[k];
            }
        }
        return r;
    }

    /// <summary><c>feature.spectral_rolloff(y=y, ...)</c> from a shared context (uses |S|).</summary>
    public static double[] SpectralRolloff(SpectralContext context, double rollPercent = 0.85) => SpectralRolloff(context.Magnitude, context.Sr, rollPercent);

    /// <summary>Σ_k |S[k,t]| in double, with util.normalize's rule: below tiny(float32) the norm is 1 (frame left as is).</summary>
    private static double[] ColumnL1(Matrix S)
    {
        var n = new double[S.Cols];
        for (int k = 0; k < S.Rows; k++)
        {
            var row = S.Row(k);
            for (int t = 0; t < n.Length; t++) n[t] += Math.Abs(row[t]);
        }
        for (int t = 0; t < n.Length; t++) if (n[t] < 1.1754943508222875e-38) n[t] = 1.0;   // tiny(float32): S is float32
        return n;
    }
}
