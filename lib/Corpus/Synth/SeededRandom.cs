namespace AudioAlchemy.Corpus.Synth;

/// <summary>
/// A small, fully specified pseudo-random generator (SplitMix64) so that the corpus is bit-identical across .NET
/// versions and platforms (System.Random's algorithm is an implementation detail). Not thread-safe: every song owns
/// its own instance derived with <see cref="Derive"/> from the corpus seed and the song's index, never from timing.
/// </summary>
public sealed class SeededRandom
{
    private ulong state;

    /// <summary>Creates a generator from a 64-bit seed.</summary>
    public SeededRandom(ulong seed) => state = seed;

    /// <summary>Mixes a seed with keys into a new independent seed (SplitMix64 finaliser per key).</summary>
    /// <param name="seed">Parent seed.</param>
    /// <param name="keys">Stream identifiers, e.g. (song index, purpose).</param>
    public static ulong Derive(ulong seed, params ulong[] keys)
    {
        ulong h = Mix(seed ^ 0x9E3779B97F4A7C15UL);
        foreach (var k in keys) h = Mix(h ^ Mix(k + 0x632BE59BD9B4E019UL));
        return h;
    }

    /// <summary>A stable 64-bit key for a string (FNV-1a), for deriving streams by name.</summary>
    public static ulong Key(string name)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in name) { h ^= c; h *= 1099511628211UL; }
        return h;
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextULong()
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    /// <summary>Uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxExclusive, 1);
        return (int)(NextDouble() * maxExclusive);
    }

    /// <summary>Uniform integer in [<paramref name="min"/>, <paramref name="maxInclusive"/>].</summary>
    public int Between(int min, int maxInclusive) => min + Next(maxInclusive - min + 1);

    /// <summary>Uniform double in [<paramref name="a"/>, <paramref name="b"/>).</summary>
    public double Uniform(double a, double b) => a + (b - a) * NextDouble();

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => NextDouble() < p;

    /// <summary>A uniformly chosen element.</summary>
    public T Pick<T>(IReadOnlyList<T> items)
    {
        if (items.Count == 0) throw new ParameterException("cannot pick from an empty list");
        return items[Next(items.Count)];
    }

    /// <summary>Shuffles <paramref name="items"/> in place (Fisher-Yates).</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
