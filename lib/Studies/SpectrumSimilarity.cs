namespace AudioAlchemy.Studies;

/// <summary>
/// How similar two band spectra (dB) are: <see cref="Pearson"/> correlation of the per-band dB values (the shape of the
/// histogram; 1 = identical up to a gain), <see cref="MeanAbsDiffDb"/> and <see cref="MaxAbsDiffDb"/> (the level
/// differences band by band; 0 = identical).
/// </summary>
/// <param name="Pearson">Pearson correlation of the two dB vectors (NaN when one is constant).</param>
/// <param name="MeanAbsDiffDb">Mean over bands of |a − b| in dB.</param>
/// <param name="MaxAbsDiffDb">Largest |a − b| in dB and the band where it occurs.</param>
/// <param name="MaxBand">Index of the band with the largest difference.</param>
public sealed record SpectrumSimilarity(double Pearson, double MeanAbsDiffDb, double MaxAbsDiffDb, int MaxBand)
{
    /// <summary>Compares two dB vectors of the same length.</summary>
    public static SpectrumSimilarity Of(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count != b.Count || a.Count == 0)
            throw new AlchemyException($"SpectrumSimilarity: band counts differ or are zero ({a.Count} vs {b.Count})");
        double ma = a.Average(), mb = b.Average(), sab = 0, saa = 0, sbb = 0, sum = 0, max = -1;
        int maxBand = 0;
        for (int i = 0; i < a.Count; i++)
        {
            double da = a[i] - ma, db = b[i] - mb;
            sab += da * db; saa += da * da; sbb += db * db;
            double d = Math.Abs(a[i] - b[i]);
            sum += d;
            if (d > max) { max = d; maxBand = i; }
        }
        double r = saa > 0 && sbb > 0 ? sab / Math.Sqrt(saa * sbb) : double.NaN;
        return new SpectrumSimilarity(r, sum / a.Count, max, maxBand);
    }
}
