namespace AudioAlchemy.Features.Frames;

/// <summary>
/// Per-track cepstral mean and variance normalisation: every feature dimension of a track's frames is shifted to mean 0
/// and scaled to standard deviation 1 (population statistics over the given frames, in double). Dimensions with a
/// standard deviation below 1e-8 are only centred. Removes the channel/singer offset that a per-language model would
/// otherwise learn.
/// </summary>
public static class Cmvn
{
    /// <summary>Normalises <paramref name="frames"/> (n_frames, n_features) in place; returns it.</summary>
    public static float[][] Apply(float[][] frames)
    {
        if (frames.Length == 0) return frames;
        int d = frames[0].Length;
        var mean = new double[d];
        var sq = new double[d];
        foreach (var f in frames)
        {
            if (f.Length != d) throw new AlchemyException($"cmvn: frames have {f.Length} and {d} features");
            for (int j = 0; j < d; j++) mean[j] += f[j];
        }
        for (int j = 0; j < d; j++) mean[j] /= frames.Length;
        foreach (var f in frames)
            for (int j = 0; j < d; j++) { double t = f[j] - mean[j]; sq[j] += t * t; }
        var scale = new double[d];
        for (int j = 0; j < d; j++)
        {
            double sd = Math.Sqrt(sq[j] / frames.Length);
            scale[j] = sd < 1e-8 ? 1.0 : 1.0 / sd;
        }
        foreach (var f in frames)
            for (int j = 0; j < d; j++) f[j] = (float)((f[j] - mean[j]) * scale[j]);
        return frames;
    }
}
