using AudioAlchemy.Dsp;

namespace AudioAlchemy.Features;

/// <summary>
/// <c>beat.beat_track(onset_envelope, sr, hop_length, start_bpm, tightness, trim, bpm)</c> (Ellis 2007 dynamic programming,
/// librosa 0.11's implementation and precision: float32 normalised onsets, float64 local and cumulative scores): onsets normalised by their standard deviation,
/// smoothed by a Gaussian of ±frames_per_beat (local score), DP over predecessors 2·fpb..fpb/2 back with penalty
/// tightness·(log(gap) − log(fpb))², backtrack from the last local max of the cumulative score above half the median
/// local-max score, then weak leading/trailing beats trimmed (½·RMS of the Hann-smoothed beat scores). Not thread-safe.
/// </summary>
public sealed class BeatTracker
{
    private readonly TempoEstimator tempo;

    /// <summary>Creates the tracker for envelopes at <paramref name="sr"/>/<paramref name="hopLength"/> (librosa defaults when null).</summary>
    public BeatTracker(BeatOptions? options = null, double sr = Defaults.SampleRate, int hopLength = Defaults.HopLength)
    {
        Options = (options ?? new BeatOptions()).Validate();
        Sr = sr;
        HopLength = hopLength;
        tempo = new TempoEstimator(new TempoOptions(sr, hopLength, Options.StartBpm));
    }

    /// <summary>Beat parameters.</summary>
    public BeatOptions Options { get; }

    /// <summary>Sample rate in Hz.</summary>
    public double Sr { get; }

    /// <summary>Hop of the onset envelope in samples.</summary>
    public int HopLength { get; }

    /// <summary>Tracks beats in <paramref name="onsetEnvelope"/> (librosa's beat_track uses the median-aggregated onset strength).</summary>
    public BeatResult Track(ReadOnlySpan<float> onsetEnvelope)
    {
        bool any = false;
        foreach (var v in onsetEnvelope) if (v != 0) { any = true; break; }
        if (!any) return new BeatResult(0.0, []);
        double bpm = Options.Bpm ?? tempo.Estimate(onsetEnvelope)[0];
        double frameRate = Sr / HopLength;
        double fpb = Math.Round(frameRate * 60.0 / bpm, MidpointRounding.ToEven);
        var local = LocalScore(NormalizeOnsets(onsetEnvelope), fpb);
        var (backlink, cum) = Dp(local, fpb, (float)Options.Tightness);   // numba signature: tightness is float32
        int tail = LastBeat(cum);
        var beats = new bool[local.Length];
        for (int n = tail; n >= 0; n = backlink[n]) beats[n] = true;
        TrimBeats(local, beats, Options.Trim);
        var list = new List<int>();
        for (int i = 0; i < beats.Length; i++) if (beats[i]) list.Add(i);
        return new BeatResult(bpm, list.ToArray());
    }

    /// <summary>
    /// onsets / (std(onsets, ddof=1) + tiny(float32)), with numpy's float32 arithmetic: mean and sum of squares by numpy's
    /// pairwise summation in float32, float32 division and square root.
    /// </summary>
    private static float[] NormalizeOnsets(ReadOnlySpan<float> x)
    {
        int n = x.Length;
        float mean = PairwiseSum(x) / n;
        var sq = new float[n];
        for (int i = 0; i < n; i++) { float d = x[i] - mean; sq[i] = d * d; }
        float std = MathF.Sqrt(PairwiseSum(sq) / (n - 1));
        float denom = std + 1.17549435e-38f;
        var o = new float[n];
        for (int i = 0; i < n; i++) o[i] = x[i] / denom;
        return o;
    }

    /// <summary>numpy's float32 pairwise summation (8 accumulators per block of ≤ 128, recursive halving above).</summary>
    private static float PairwiseSum(ReadOnlySpan<float> a)
    {
        int n = a.Length;
        if (n < 8)
        {
            float res = 0f;
            for (int i = 0; i < n; i++) res += a[i];
            return res;
        }
        if (n <= 128)
        {
            float r0 = a[0], r1 = a[1], r2 = a[2], r3 = a[3], r4 = a[4], r5 = a[5], r6 = a[6], r7 = a[7];
            int i;
            for (i = 8; i < n - n % 8; i += 8)
            {
                r0 += a[i]; r1 += a[i + 1]; r2 += a[i + 2]; r3 += a[i + 3];
                r4 += a[i + 4]; r5 += a[i + 5]; r6 += a[i + 6]; r7 += a[i + 7];
            }
            float res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) res += a[i];
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return PairwiseSum(a[..n2]) + PairwiseSum(a[n2..]);
    }

    /// <summary>__beat_local_score (static tempo, float64 loop): same-mode convolution with exp(−½(32·k/fpb)²), k = −fpb..fpb.</summary>
    private static double[] LocalScore(float[] onset, double fpb)
    {
        int N = onset.Length, K = 2 * (int)fpb + 1;
        var window = new double[K];
        for (int k = 0; k < K; k++)
        {
            double z = (k - fpb) * 32.0 / fpb;
            window[k] = Math.Exp(-0.5 * z * z);
        }
        var ls = new double[N];
        for (int i = 0; i < N; i++)
        {
            double acc = 0;
            // librosa's loop bounds: k in [max(0, i + K/2 − N + 1), min(i + K/2, K)) (onset[0] is never reached)
            for (int k = Math.Max(0, i + K / 2 - N + 1); k < Math.Min(i + K / 2, K); k++)
                acc += window[k] * onset[i + K / 2 - k];
            ls[i] = acc;
        }
        return ls;
    }

    /// <summary>__beat_track_dp: cumulative score and backlinks (−1 = none).</summary>
    private static (int[] Backlink, double[] Cum) Dp(double[] local, double fpb, float tightness)
    {
        int N = local.Length;
        var backlink = new int[N];
        var cum = new double[N];
        double max = double.NegativeInfinity;
        foreach (var v in local) if (v > max) max = v;
        double scoreThresh = 0.01 * max;
        bool firstBeat = true;
        double logFpb = Math.Log(fpb);
        int startOffset = (int)Math.Round(fpb / 2.0, MidpointRounding.ToEven);
        int stopOffset = (int)(2 * fpb) + 1;
        for (int i = 0; i < N; i++)
        {
            double best = double.NegativeInfinity;
            int loc = -1;
            for (int l = i - startOffset; l > i - stopOffset; l--)
            {
                if (l < 0) break;
                double d = Math.Log(i - l) - logFpb;
                double score = cum[l] - tightness * d * d;
                if (score > best) { best = score; loc = l; }
            }
            cum[i] = loc >= 0 ? local[i] + best : local[i];
            if (firstBeat && local[i] < scoreThresh) backlink[i] = -1;
            else { backlink[i] = loc; firstBeat = false; }
        }
        return (backlink, cum);
    }

    /// <summary>__last_beat: the last local maximum of the cumulative score that reaches half the median local-max score.</summary>
    private static int LastBeat(double[] cum)
    {
        int n = cum.Length;
        var isMax = new bool[n];
        for (int i = 1; i < n - 1; i++) isMax[i] = cum[i] > cum[i - 1] && cum[i] >= cum[i + 1];
        if (n >= 2) isMax[n - 1] = cum[n - 1] > cum[n - 2];
        var vals = new List<double>();
        for (int i = 0; i < n; i++) if (isMax[i]) vals.Add(cum[i]);
        if (vals.Count == 0) return n - 1;
        vals.Sort();
        int m = vals.Count;
        double median = m % 2 == 1 ? vals[m / 2] : (vals[m / 2 - 1] + vals[m / 2]) / 2;
        double threshold = 0.5 * median;
        for (int i = n - 1; i >= 0; i--) if (isMax[i] && cum[i] >= threshold) return i;
        return n - 1;
    }

    /// <summary>__trim_beats: clears leading/trailing frames whose local score is at most ½·RMS of the Hann(5)-smoothed beat scores (0 when not trimming).</summary>
    private static void TrimBeats(double[] local, bool[] beats, bool trim)
    {
        int N = local.Length;
        double threshold = 0;
        if (trim)
        {
            var bs = new List<double>();
            for (int i = 0; i < N; i++) if (beats[i]) bs.Add(local[i]);
            double[] w = [0.0, 0.5, 1.0, 0.5, 0.0];   // np.hanning(5)
            int full = bs.Count + w.Length - 1;
            int lo = w.Length / 2, hi = Math.Min(full, N + w.Length / 2);
            double ss = 0;
            int count = 0;
            for (int j = lo; j < hi; j++)
            {
                double s = 0;
                for (int k = 0; k < w.Length; k++)
                {
                    int b = j - k;
                    if (b >= 0 && b < bs.Count) s += bs[b] * w[k];
                }
                ss += s * s;
                count++;
            }
            threshold = count > 0 ? 0.5 * Math.Sqrt(ss / count) : 0;
        }
        for (int n = 0; n < N && local[n] <= threshold; n++) beats[n] = false;
        for (int n = N - 1; n >= 0 && local[n] <= threshold; n--) beats[n] = false;
    }
}
