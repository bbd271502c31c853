namespace AudioAlchemy.Models.Cnn;

/// <summary>
/// SpecAugment's frequency and time masks (Park et al. 2019, without time warping) on a normalised crop:
/// masked cells are set to 0 (silence, -80 dB at the default scaling); mixup's Beta(α, α) mixing weight.
/// </summary>
public static class SpecAugment
{
    /// <summary>
    /// Masks <paramref name="v"/> (n_mels, frames) in place: <see cref="AugmentOptions.FreqMasks"/> bands of width
    /// uniform in 0..<see cref="AugmentOptions.FreqMaskWidth"/> and likewise in time, positions uniform.
    /// </summary>
    public static void Apply(Span<float> v, int nMels, int frames, AugmentOptions o, Random rng)
    {
        if (v.Length != nMels * frames) throw new ParameterException($"crop has {v.Length} values, expected {nMels}·{frames}");
        for (int k = 0; k < o.FreqMasks; k++)
        {
            int w = rng.Next(0, Math.Min(o.FreqMaskWidth, nMels) + 1), f0 = rng.Next(0, nMels - w + 1);
            v.Slice(f0 * frames, w * frames).Clear();
        }
        for (int k = 0; k < o.TimeMasks; k++)
        {
            int w = rng.Next(0, Math.Min(o.TimeMaskWidth, frames) + 1), t0 = rng.Next(0, frames - w + 1);
            for (int m = 0; m < nMels; m++) v.Slice(m * frames + t0, w).Clear();
        }
    }

    /// <summary>A sample of Beta(α, α) (mixup's weight λ) from two Gamma(α) draws (Marsaglia–Tsang).</summary>
    public static double MixupLambda(double alpha, Random rng)
    {
        if (!(alpha > 0)) throw new AlchemyException($"mixup alpha must be > 0 (got {alpha})");
        double a = Gamma(alpha, rng), b = Gamma(alpha, rng);
        return a + b > 0 ? a / (a + b) : 0.5;
    }

    private static double Gamma(double shape, Random rng)
    {
        if (shape < 1) return Gamma(shape + 1, rng) * Math.Pow(rng.NextDouble(), 1.0 / shape);
        double d = shape - 1.0 / 3, c = 1.0 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
                x = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = rng.NextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.Log(u) < 0.5 * x * x + d * (1 - v + Math.Log(v))) return d * v;
        }
    }
}
