namespace AudioAlchemy.Recommendation;

/// <summary>Standard normal draws from a seeded <see cref="Random"/> (Box–Muller).</summary>
internal static class Normal
{
    /// <summary>One N(0, 1) draw.</summary>
    public static double Next(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
