namespace AudioAlchemy.Features.Pitch;

/// <summary>
/// pyin's observation model for one frame (librosa 0.11 <c>__pyin_helper</c>): every trough of the normalized
/// difference gets the probability that it is the chosen period under the Beta threshold prior and the Boltzmann
/// prior on trough order; the probabilities are placed on the pitch grid <c>fmin · 2^(i / (12 · bins_per_semitone))</c>.
/// Holds precomputed tables; one instance per thread.
/// </summary>
internal sealed class PyinObservations
{
    private readonly PyinOptions o;
    private readonly int nThr, nb, nbps, minP;
    private readonly double[] thr, betaProbs, betaCum, boltzFact, boltzExp;
    private readonly List<int> troughs = new();
    private readonly double[] probs;
    private readonly int[] firstBelow;

    public PyinObservations(PyinOptions options, int periods, int minPeriod)
    {
        o = options;
        nThr = o.NThresholds;
        nb = o.PitchBins;
        nbps = o.BinsPerSemitone;
        minP = minPeriod;
        thr = new double[nThr + 1];
        double stepT = 1.0 / nThr;
        for (int i = 0; i <= nThr; i++) thr[i] = i * stepT;
        thr[nThr] = 1.0;
        var cdf = new double[nThr + 1];
        for (int i = 0; i <= nThr; i++) cdf[i] = BetaDistribution.Cdf(thr[i], o.BetaA, o.BetaB);
        betaProbs = new double[nThr];
        betaCum = new double[nThr + 1];
        for (int i = 0; i < nThr; i++) { betaProbs[i] = cdf[i + 1] - cdf[i]; betaCum[i + 1] = betaCum[i] + betaProbs[i]; }
        double lam = o.BoltzmannParameter;
        boltzFact = new double[periods + 1];
        boltzExp = new double[periods + 1];
        for (int n = 0; n <= periods; n++)
        {
            boltzFact[n] = n == 0 ? 0 : (1 - Math.Exp(-lam)) / (1 - Math.Exp(-lam * n));
            boltzExp[n] = Math.Exp(-lam * n);
        }
        probs = new double[periods];
        firstBelow = new int[periods];
    }

    /// <summary>Number of pitch bins (voiced states).</summary>
    public int PitchBins => nb;

    /// <summary>
    /// Computes one frame: writes the voiced observation probabilities (pitch bins with a candidate) into
    /// <paramref name="bins"/>/<paramref name="values"/> (cleared first) and returns the voiced probability in [0, 1].
    /// </summary>
    public double Frame(ReadOnlySpan<double> yin, ReadOnlySpan<double> shifts, List<int> bins, List<double> values)
    {
        bins.Clear();
        values.Clear();
        troughs.Clear();
        for (int i = 0; i < yin.Length; i++) if (Troughs.IsTrough(yin, i)) troughs.Add(i);
        int m = troughs.Count;
        if (m == 0) return 0;
        int gm = 0;
        for (int a = 0; a < m; a++)
        {
            double h = yin[troughs[a]];
            if (h < yin[troughs[gm]]) gm = a;
            // first threshold index j (into thresholds[1:]) with h < thresholds[j + 1]
            int j = 0;
            while (j < nThr && !(h < thr[j + 1])) j++;
            firstBelow[a] = j;
            probs[a] = 0;
        }
        for (int j = 0; j < nThr; j++)
        {
            int count = 0;
            for (int a = 0; a < m; a++) if (firstBelow[a] <= j) count++;
            if (count == 0) continue;
            double c = boltzFact[count];
            int pos = 0;
            for (int a = 0; a < m; a++)
                if (firstBelow[a] <= j) probs[a] += c * boltzExp[pos++] * betaProbs[j];
        }
        probs[gm] += o.NoTroughProb * betaCum[firstBelow[gm]];

        double scale = 12.0 * nbps;
        for (int a = 0; a < m; a++)
        {
            if (probs[a] == 0) continue;
            int p = troughs[a];
            double period = minP + p + shifts[p];
            double f0 = o.Sr / period;
            double bin = Math.Round(scale * Math.Log2(f0 / o.Fmin), MidpointRounding.ToEven);
            if (double.IsNaN(bin)) continue;
            int b = (int)Math.Clamp(bin, 0, nb);
            if (b >= nb) continue; // librosa writes it into the unvoiced block, which is then overwritten
            int existing = bins.IndexOf(b);
            if (existing >= 0) values[existing] = probs[a]; else { bins.Add(b); values.Add(probs[a]); }
        }
        // numpy sums the column in bin order
        if (bins.Count > 1) SortByBin(bins, values);
        double sum = 0;
        foreach (var v in values) sum += v;
        return Math.Clamp(sum, 0, 1);
    }

    private static void SortByBin(List<int> bins, List<double> values)
    {
        for (int i = 1; i < bins.Count; i++)
        {
            int b = bins[i];
            double v = values[i];
            int k = i - 1;
            while (k >= 0 && bins[k] > b) { bins[k + 1] = bins[k]; values[k + 1] = values[k]; k--; }
            bins[k + 1] = b;
            values[k + 1] = v;
        }
    }
}
