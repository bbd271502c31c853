using AudioAlchemy.Dsp;

namespace AudioAlchemy.Features;

public static partial class Feature
{
    /// <summary>
    /// <c>feature.zero_crossing_rate(y, frame_length, hop_length, center, threshold=1e-10, zero_pos=True)</c>: fraction of
    /// sign changes inside each frame (the first sample of a frame never counts; |x| ≤ threshold counts as 0 = positive).
    /// <c>center</c> pads frame_length/2 on each side by repeating the edge samples. Returns the (1, frames) row as an
    /// array of length 1 + len(y)/hop (centred).
    /// </summary>
    public static double[] ZeroCrossingRate(ReadOnlySpan<float> y, int frameLength = Defaults.NFft, int hopLength = Defaults.HopLength,
        bool center = true, double threshold = 1e-10, bool zeroPos = true)
    {
        CheckFraming(y.Length, frameLength, hopLength, center);
        int pad = center ? frameLength / 2 : 0, n = y.Length, padded = n + 2 * pad;
        int frames = 1 + (padded - frameLength) / hopLength;
        // cross[i] = 1 when padded sample i differs in sign from padded sample i-1 (i >= 1)
        var prefix = new int[padded + 1];
        int prevSign = 0;
        for (int i = 0; i < padded; i++)
        {
            float v = n == 0 ? 0 : y[Math.Clamp(i - pad, 0, n - 1)];
            int s = Sign(v, threshold, zeroPos);
            prefix[i + 1] = prefix[i] + (i > 0 && s != prevSign ? 1 : 0);
            prevSign = s;
        }
        var z = new double[frames];
        for (int t = 0; t < frames; t++)
        {
            int a = t * hopLength; // frame covers a .. a+L-1; crossings counted at a+1 .. a+L-1
            z[t] = (double)(prefix[a + frameLength] - prefix[a + 1]) / frameLength;
        }
        return z;
    }

    private static int Sign(float v, double threshold, bool zeroPos)
    {
        if (-threshold <= v && v <= threshold) return 0;
        if (zeroPos) return v < 0 ? 1 : 0;          // np.signbit
        return v < 0 ? -1 : 1;                      // np.sign (0 handled above)
    }

    /// <summary>
    /// <c>feature.rms(y, frame_length, hop_length, center, pad_mode='constant')</c>: sqrt(mean(x²)) of each (zero-padded,
    /// unwindowed) frame. Returns the (1, frames) row, float32 like librosa.
    /// </summary>
    public static float[] Rms(ReadOnlySpan<float> y, int frameLength = Defaults.NFft, int hopLength = Defaults.HopLength, bool center = true,
        PadMode padMode = PadMode.Constant)
    {
        CheckFraming(y.Length, frameLength, hopLength, center);
        if (!Enum.IsDefined(padMode)) throw new ParameterException($"pad_mode must be constant, edge or reflect (got {(int)padMode})");
        int pad = center ? frameLength / 2 : 0, n = y.Length, padded = n + 2 * pad;
        int frames = 1 + (padded - frameLength) / hopLength;
        var r = new float[frames];
        for (int t = 0; t < frames; t++)
        {
            int a = t * hopLength - pad;
            int lo = Math.Max(a, 0), hi = Math.Min(a + frameLength, n);
            double s = hi > lo ? VectorOps.Dot(y[lo..hi], y[lo..hi]) : 0;
            if (padMode != PadMode.Constant)
                for (int i = a; i < a + frameLength; i++)
                    if (i < 0 || i >= n)
                    {
                        float v = padMode == PadMode.Edge ? y[i < 0 ? 0 : n - 1] : y[i < 0 ? -i : 2 * (n - 1) - i];
                        s += (double)v * v;
                    }
            r[t] = (float)Math.Sqrt(s / frameLength);
        }
        return r;
    }

    /// <summary>
    /// <c>feature.rms(S=S, frame_length)</c> from a magnitude spectrogram (1 + frame_length/2, frames): per frame
    /// sqrt(2·Σ|S|²/frame_length²) with the DC bin (and the Nyquist bin for even frame_length) counted half, as librosa.
    /// </summary>
    public static float[] Rms(Matrix S, int frameLength = Defaults.NFft)
    {
        if (S.Rows != frameLength / 2 + 1)
            throw new ParameterException($"Since S has {S.Rows} rows, frame_length is expected to be {S.Rows * 2 - 2} or {S.Rows * 2 - 1}; found {frameLength}");
        var power = new double[S.Cols];
        for (int k = 0; k < S.Rows; k++)
        {
            var row = S.Row(k);
            double w = k == 0 || (frameLength % 2 == 0 && k == S.Rows - 1) ? 0.5 : 1.0;
            for (int t = 0; t < row.Length; t++) power[t] += w * ((double)row[t] * row[t]);
        }
        var r = new float[S.Cols];
        for (int t = 0; t < r.Length; t++) r[t] = (float)Math.Sqrt(2 * power[t] / ((double)frameLength * frameLength));
        return r;
    }

    private static void CheckFraming(int n, int frameLength, int hopLength, bool center)
    {
        if (frameLength < 1) throw new ParameterException($"frame_length must be >= 1 (got {frameLength})");
        if (hopLength < 1) throw new ParameterException($"hop_length must be >= 1 (got {hopLength})");
        int padded = n + (center ? frameLength / 2 * 2 : 0);
        if (padded < frameLength) throw new ParameterException($"input is too short ({n} samples) for frame_length={frameLength}");
    }
}
