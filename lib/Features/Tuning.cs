using AudioAlchemy.Dsp;

namespace AudioAlchemy.Features;

/// <summary>librosa's tuning estimation: <c>piptrack</c>, <c>pitch_tuning</c> and <c>estimate_tuning</c> (librosa.core.pitch).</summary>
public static class Tuning
{
    /// <summary>
    /// <c>piptrack(S=S, sr, n_fft, fmin=150, fmax=4000, threshold=0.1, ref=np.max)</c> on a spectrogram <paramref name="S"/>
    /// (1 + n_fft/2, frames): at bins in [fmin, fmax) that are local maxima of S·(S &gt; threshold·max_frame), the
    /// parabolically interpolated frequency and magnitude. Returns (pitches, magnitudes), each shaped like S, 0 elsewhere.
    /// </summary>
    public static (Matrix Pitches, Matrix Magnitudes) Piptrack(Matrix S, double sr = Defaults.SampleRate, double fmin = 150.0, double fmax = 4000.0,
        double threshold = 0.1)
    {
        var pitches = new Matrix(S.Rows, S.Cols);
        var mags = new Matrix(S.Rows, S.Cols);
        Peaks(S, sr, fmin, fmax, threshold, (k, t, pitch, mag) => { pitches[k, t] = pitch; mags[k, t] = mag; });
        return (pitches, mags);
    }

    /// <summary>
    /// <c>pitch_tuning(frequencies, resolution=0.01, bins_per_octave=12)</c>: the most frequent deviation (in fractions of a
    /// bin, −0.5..0.5 on a grid of <paramref name="resolution"/>) of the frequencies from the equal-tempered A440 grid.
    /// 0 when no positive frequency is given (librosa warns).
    /// </summary>
    public static double PitchTuning(ReadOnlySpan<float> frequencies, double resolution = 0.01, int binsPerOctave = 12)
    {
        if (!(resolution > 0 && resolution < 1)) throw new ParameterException($"resolution must be in (0, 1) (got {resolution})");
        int nBins = (int)Math.Ceiling(1.0 / resolution);
        var edges = Units.Linspace(-0.5, 0.5, nBins + 1);
        var counts = new int[nBins];
        float a = (float)(440.0 / 16);   // hz_to_octs(tuning=0): f / (A440/16), float32 division as numpy does for float32 input
        bool any = false;
        foreach (var f in frequencies)
        {
            if (!(f > 0)) continue;
            any = true;
            float octs = (float)Math.Log2(f / a);
            float res = (float)(binsPerOctave * octs);
            res = FloatMod1(res);
            if (res >= 0.5f) res -= 1.0f;
            counts[HistogramBin(res, edges)]++;
        }
        if (!any) return 0.0;
        int best = 0;
        for (int i = 1; i < nBins; i++) if (counts[i] > counts[best]) best = i;
        return edges[best];
    }

    /// <summary>
    /// <c>estimate_tuning(S=S, sr, resolution=0.01, bins_per_octave=12)</c> with piptrack's defaults: the pitch tuning of
    /// the piptrack peaks whose magnitude is at least the median peak magnitude. <paramref name="S"/>: (1 + n_fft/2, frames)
    /// (librosa's chroma_stft passes the power spectrogram). Returns a fraction of a bin in [−0.5, 0.5).
    /// </summary>
    public static double EstimateTuning(Matrix S, double sr = Defaults.SampleRate, double resolution = 0.01, int binsPerOctave = 12,
        double fmin = 150.0, double fmax = 4000.0, double threshold = 0.1)
    {
        var pitch = new List<float>();
        var mag = new List<float>();
        Peaks(S, sr, fmin, fmax, threshold, (_, _, p, m) => { if (p > 0) { pitch.Add(p); mag.Add(m); } });
        if (pitch.Count == 0) return PitchTuning([], resolution, binsPerOctave);
        var sorted = mag.ToArray();
        Array.Sort(sorted);
        int n = sorted.Length;
        float median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2f;
        var kept = new List<float>(n);
        for (int i = 0; i < n; i++) if (mag[i] >= median) kept.Add(pitch[i]);
        return PitchTuning(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(kept), resolution, binsPerOctave);
    }

    /// <summary>
    /// <c>estimate_tuning(y=y, sr, n_fft, resolution, bins_per_octave)</c>: piptrack on the magnitude spectrogram
    /// |stft(y, n_fft)| (hop n_fft/4). Returns a fraction of a bin in [−0.5, 0.5).
    /// </summary>
    public static double EstimateTuning(float[] y, double sr = Defaults.SampleRate, int nFft = Defaults.NFft, double resolution = 0.01,
        int binsPerOctave = 12, double fmin = 150.0, double fmax = 4000.0, double threshold = 0.1)
        => EstimateTuning(new Stft(new StftOptions(nFft)).Spectrogram(y), sr, resolution, binsPerOctave, fmin, fmax, threshold);

    /// <summary>
    /// Calls <paramref name="emit"/>(bin, frame, pitch, magnitude) for every piptrack peak, bin-major (the order does not
    /// matter to the callers). Works row by row over the row-major spectrogram (cache friendly): per-frame thresholds
    /// first, then each bin compared with its neighbours in the gated spectrogram S·(S &gt; threshold·max_frame).
    /// </summary>
    private static void Peaks(Matrix S, double sr, double fmin, double fmax, double threshold, Action<int, int, float, float> emit)
    {
        int bins = S.Rows, T = S.Cols, nFft = 2 * (bins - 1);
        if (bins < 3) return;
        fmin = Math.Max(fmin, 0);
        fmax = Math.Min(fmax, sr / 2);
        var freqs = Dsp.Units.FftFrequencies(sr, nFft);
        int kLo = 0, kHi = bins;
        while (kLo < bins && !(fmin <= freqs[kLo])) kLo++;
        while (kHi > 0 && !(freqs[kHi - 1] < fmax)) kHi--;
        var refValue = new float[T];
        Array.Fill(refValue, float.NegativeInfinity);
        for (int k = 0; k < bins; k++)
        {
            var row = S.Row(k);
            for (int t = 0; t < T; t++) if (row[t] > refValue[t]) refValue[t] = row[t];
        }
        float thr = (float)threshold;
        for (int t = 0; t < T; t++) refValue[t] = thr * refValue[t];
        for (int k = Math.Max(kLo, 1); k < kHi; k++)
        {
            var prev = S.Row(k - 1);
            var cur = S.Row(k);
            var next = k + 1 < bins ? S.Row(k + 1) : default;
            for (int t = 0; t < T; t++)
            {
                float r = refValue[t];
                float g0 = cur[t] > r ? cur[t] : 0f, gp = prev[t] > r ? prev[t] : 0f;
                if (!(g0 > gp)) continue;
                if (k < bins - 1 && !(g0 >= (next[t] > r ? next[t] : 0f))) continue;
                // parabolic interpolation shift (0 at the edges), numpy gradient, dskew = 0.5·avg·shift
                float shift = 0f, avg;
                if (k < bins - 1)
                {
                    double a = (double)(next[t] + prev[t]) - 2.0 * cur[t];
                    double b = (double)(next[t] - prev[t]) / 2;
                    shift = Math.Abs(b) >= Math.Abs(a) ? 0f : (float)(-b / a);
                    avg = (next[t] - prev[t]) / 2f;
                }
                else avg = cur[t] - prev[t];
                float dskew = 0.5f * avg * shift;
                float pitch = (float)((k + (double)shift) * sr / nFft);
                emit(k, t, pitch, cur[t] + dskew);
            }
        }
    }

    /// <summary>np.mod(x, 1.0) for float32.</summary>
    private static float FloatMod1(float x)
    {
        float r = x % 1.0f;
        if (r != 0 && r < 0) r += 1.0f;
        return r;
    }

    /// <summary>numpy histogram bin of <paramref name="v"/> for uniform edges (last bin closed); −1 never happens for v in range.</summary>
    private static int HistogramBin(double v, double[] edges)
    {
        int n = edges.Length - 1;
        double first = edges[0], last = edges[n];
        int i = (int)((v - first) / (last - first) * n);
        if (i == n) i--;
        if (i > 0 && v < edges[i]) i--;
        if (i < n - 1 && v >= edges[i + 1]) i++;
        return Math.Clamp(i, 0, n - 1);
    }
}
