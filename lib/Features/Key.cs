using AudioAlchemy.Dsp;

namespace AudioAlchemy.Features;

/// <summary>
/// Key estimation by the Krumhansl-Schmuckler method exactly as Table 1 defines it: the time-mean of a chroma matrix
/// (rows C..B) is correlated (Pearson) with the Krumhansl-Kessler major and minor profiles rotated to all 12 tonics;
/// the largest of the 24 scores wins, exact ties going to the first in the order C major .. B major, C minor .. B minor.
/// </summary>
public static class Key
{
    /// <summary>Krumhansl-Kessler major profile, index 0 = tonic.</summary>
    public static readonly double[] MajorProfile = [6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88];

    /// <summary>Krumhansl-Kessler minor profile, index 0 = tonic.</summary>
    public static readonly double[] MinorProfile = [6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17];

    /// <summary>
    /// Estimates the key of a chroma matrix of shape (12, frames) (e.g. <c>chroma_stft</c>); the mean over frames is
    /// taken in double precision. Returns null when the mean chroma is constant (silence) or there are no frames.
    /// </summary>
    public static KeyEstimate? Estimate(Matrix chroma)
    {
        ArgumentNullException.ThrowIfNull(chroma);
        if (chroma.Rows != 12) throw new ParameterException($"chroma must have 12 rows (C..B), got {chroma.Rows}");
        if (chroma.Cols == 0) return null;
        var c = new double[12];
        for (int p = 0; p < 12; p++)
        {
            double s = 0;
            foreach (var v in chroma.Row(p)) s += v;
            c[p] = s / chroma.Cols;
        }
        return FromChromaMean(c);
    }

    /// <summary>Estimates the key from a mean chroma 12-vector (C..B); null when it is constant or not finite.</summary>
    public static KeyEstimate? FromChromaMean(ReadOnlySpan<double> chromaMean)
    {
        if (chromaMean.Length != 12) throw new ParameterException($"chroma mean must have 12 values, got {chromaMean.Length}");
        var x = chromaMean.ToArray();
        var scores = new double[24];
        int bestIdx = -1;
        for (int i = 0; i < 24; i++)
        {
            var prof = i < 12 ? MajorProfile : MinorProfile;
            int tonic = i % 12;
            var q = new double[12];
            for (int p = 0; p < 12; p++) q[p] = prof[((p - tonic) % 12 + 12) % 12];
            scores[i] = Pearson(x, q);
            if (double.IsFinite(scores[i]) && (bestIdx < 0 || scores[i] > scores[bestIdx])) bestIdx = i;
        }
        if (bestIdx < 0) return null;
        return new KeyEstimate(bestIdx % 12, bestIdx < 12 ? "major" : "minor", scores[bestIdx], scores, x);
    }

    private static double Pearson(double[] x, double[] q)
    {
        double mx = 0, mq = 0;
        for (int p = 0; p < 12; p++) { mx += x[p]; mq += q[p]; }
        mx /= 12;
        mq /= 12;
        double sxq = 0, sxx = 0, sqq = 0;
        for (int p = 0; p < 12; p++)
        {
            double a = x[p] - mx, b = q[p] - mq;
            sxq += a * b;
            sxx += a * a;
            sqq += b * b;
        }
        double den = Math.Sqrt(sxx * sqq);
        return den > 0 ? sxq / den : double.NaN;
    }
}
