namespace AudioAlchemy.Models.MaskNet;

/// <summary>One training batch as flat arrays: vocal and accompaniment crops (batch·samples) and per-stem EQ gains (batch·bins each).</summary>
/// <param name="N">Crops in the batch.</param>
/// <param name="Samples">Samples per crop.</param>
/// <param name="Vocals">Vocal crops, row-major (N, Samples), gains applied.</param>
/// <param name="Accompaniment">Accompaniment crops, row-major (N, Samples), gains applied.</param>
/// <param name="VocalsEq">Linear EQ gain per bin for the vocals, (N, bins).</param>
/// <param name="AccompanimentEq">Linear EQ gain per bin for the accompaniment, (N, bins).</param>
public sealed record MixBatch(int N, int Samples, float[] Vocals, float[] Accompaniment, float[] VocalsEq, float[] AccompanimentEq);

/// <summary>Draws augmented training batches from songs with a caller's seeded generator (see <see cref="MixAugmentOptions"/>).</summary>
public static class MixBatches
{
    /// <summary>
    /// <paramref name="crops"/> random crops of <paramref name="samples"/> samples in batches of <paramref name="batchSize"/>:
    /// song and offset uniform, the accompaniment from another song with <see cref="MixAugmentOptions.RemixProbability"/>,
    /// gains and EQ per stem. Songs shorter than a crop are zero-padded.
    /// </summary>
    public static IEnumerable<MixBatch> Draw(IReadOnlyList<StemSong> songs, int crops, int batchSize, int samples, int bins, MixAugmentOptions augment, Random rng)
    {
        if (songs.Count == 0) throw new AlchemyException("separator training: no training songs");
        for (int done = 0; done < crops; done += batchSize)
        {
            int n = Math.Min(batchSize, crops - done);
            var v = new float[n * samples];
            var a = new float[n * samples];
            var ev = new float[n * bins];
            var ea = new float[n * bins];
            for (int b = 0; b < n; b++)
            {
                int i = rng.Next(songs.Count);
                int j = i;
                if (songs.Count > 1 && rng.NextDouble() < augment.RemixProbability)
                {
                    j = rng.Next(songs.Count - 1);
                    if (j >= i) j++;
                }
                int si = Offset(songs[i].Length, samples, rng);
                int sj = j == i ? si : Offset(songs[j].Length, samples, rng);
                Copy(songs[i].Vocals, si, v.AsSpan(b * samples, samples), Gain(augment.GainDb, rng));
                Copy(songs[j].Accompaniment, sj, a.AsSpan(b * samples, samples), Gain(augment.GainDb, rng));
                Eq(ev.AsSpan(b * bins, bins), augment.EqDb, rng);
                Eq(ea.AsSpan(b * bins, bins), augment.EqDb, rng);
            }
            yield return new MixBatch(n, samples, v, a, ev, ea);
        }
    }

    private static int Offset(int length, int samples, Random rng) => length > samples ? rng.Next(length - samples + 1) : 0;

    private static float Gain(double db, Random rng) => db > 0 ? (float)Math.Pow(10, (rng.NextDouble() * 2 - 1) * db / 20) : 1f;

    private static void Copy(float[] src, int start, Span<float> dst, float gain)
    {
        int m = Math.Min(dst.Length, src.Length - start);
        for (int k = 0; k < m; k++) dst[k] = src[start + k] * gain;
    }

    /// <summary>EQ curve in dB: db · (c1·cos(π·k/K) + c2·cos(2π·k/K)) / 2 with c1, c2 uniform in [−1, 1], as linear gains.</summary>
    private static void Eq(Span<float> gains, double db, Random rng)
    {
        if (db <= 0) { gains.Fill(1f); return; }
        double c1 = rng.NextDouble() * 2 - 1, c2 = rng.NextDouble() * 2 - 1;
        int last = Math.Max(1, gains.Length - 1);
        for (int k = 0; k < gains.Length; k++)
        {
            double x = Math.PI * k / last;
            gains[k] = (float)Math.Pow(10, db * (c1 * Math.Cos(x) + c2 * Math.Cos(2 * x)) / 2 / 20);
        }
    }
}
