using AudioAlchemy.Dsp;

namespace AudioAlchemy.Features;

/// <summary>
/// <c>feature.tempo(onset_envelope, sr, hop_length, start_bpm, std_bpm, ac_size, max_tempo, aggregate)</c> as a reusable
/// object (tempogram FFT plan, BPM grid and log-prior built once): picks the autocorrelation lag maximising
/// log1p(1e6·tg) − ½((log2 bpm − log2 start_bpm)/std_bpm)², excluding lags at or above max_tempo. Not thread-safe.
/// </summary>
public sealed class TempoEstimator
{
    private readonly Tempogram tempogram;
    private readonly double[] bpms, logPrior;

    /// <summary>Creates the estimator (librosa defaults when null).</summary>
    public TempoEstimator(TempoOptions? options = null)
    {
        Options = (options ?? new TempoOptions()).Validate();
        int w = Options.WinLength;
        tempogram = new Tempogram(w);
        bpms = Units.TempoFrequencies(w, Options.HopLength, Options.Sr);
        logPrior = new double[w];
        for (int k = 0; k < w; k++)
        {
            double z = (Math.Log2(bpms[k]) - Math.Log2(Options.StartBpm)) / Options.StdBpm;
            logPrior[k] = -0.5 * z * z;
        }
        if (Options.MaxTempo is double mt)
        {
            int maxIdx = 0;
            for (int k = 0; k < w; k++) if (bpms[k] < mt) { maxIdx = k; break; }   // np.argmax(bpms < max_tempo)
            for (int k = 0; k < maxIdx; k++) logPrior[k] = double.NegativeInfinity;
        }
    }

    /// <summary>Tempo parameters.</summary>
    public TempoOptions Options { get; }

    /// <summary>BPM of each lag (lag 0 = ∞), length win_length.</summary>
    public IReadOnlyList<double> Bpms => bpms;

    /// <summary>
    /// Tempo in BPM of <paramref name="onsetEnvelope"/>: one value (array of length 1) when <see cref="TempoOptions.Aggregate"/>,
    /// else one per frame.
    /// </summary>
    public double[] Estimate(ReadOnlySpan<float> onsetEnvelope)
    {
        if (Options.Aggregate) return [bpms[BestLag(tempogram.Mean(onsetEnvelope))]];
        var result = new double[onsetEnvelope.Length];
        tempogram.ForEachFrame(onsetEnvelope, (t, col) => result[t] = bpms[BestLag(col)]);
        return result;
    }

    private int BestLag(double[] tg)
    {
        int best = 0;
        double bestScore = double.NegativeInfinity;
        for (int k = 0; k < tg.Length; k++)
        {
            double s = Math.Log(1 + 1e6 * tg[k]) + logPrior[k];
            if (s > bestScore) { bestScore = s; best = k; }   // np.argmax: first maximum
        }
        return best;
    }
}
