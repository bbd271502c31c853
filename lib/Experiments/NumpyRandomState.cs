namespace AudioAlchemy.Experiments;

/// <summary>
/// numpy's legacy <c>np.random.RandomState(seed)</c> for the draws scikit-learn's splitters make: MT19937 seeded
/// with <c>init_genrand(seed)</c> and <c>shuffle</c> of a 1-D array (Fisher-Yates from the end, bounded integers by
/// masked rejection on 32-bit outputs, numpy's <c>random_interval</c>). With it, shuffled StratifiedKFold and
/// RepeatedStratifiedKFold assign exactly the rows scikit-learn assigns for the same <c>random_state</c>.
/// </summary>
public sealed class NumpyRandomState
{
    private const int N = 624, M = 397;
    private readonly uint[] _mt = new uint[N];
    private int _pos;

    /// <summary>Seeds like <c>RandomState(seed)</c> (seed in 0..2^32-1).</summary>
    public NumpyRandomState(uint seed)
    {
        _mt[0] = seed;
        for (int i = 1; i < N; i++) _mt[i] = unchecked(1812433253u * (_mt[i - 1] ^ (_mt[i - 1] >> 30)) + (uint)i);
        _pos = N;
    }

    /// <summary>The next 32-bit output (genrand_int32).</summary>
    public uint NextUInt32()
    {
        if (_pos >= N) Generate();
        uint y = _mt[_pos++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        y ^= y >> 18;
        return y;
    }

    /// <summary>A uniform integer in [0, max] (numpy's random_interval; max &lt; 2^32).</summary>
    public uint Interval(uint max)
    {
        if (max == 0) return 0;
        uint mask = max;
        mask |= mask >> 1; mask |= mask >> 2; mask |= mask >> 4; mask |= mask >> 8; mask |= mask >> 16;
        uint v;
        while ((v = NextUInt32() & mask) > max) { }
        return v;
    }

    /// <summary>In-place <c>RandomState.shuffle</c> of a 1-D array.</summary>
    public void Shuffle<T>(T[] a)
    {
        for (int i = a.Length - 1; i >= 1; i--)
        {
            int j = (int)Interval((uint)i);
            (a[i], a[j]) = (a[j], a[i]);
        }
    }

    private void Generate()
    {
        const uint upper = 0x80000000u, lower = 0x7fffffffu, matrix = 0x9908b0dfu;
        int k;
        uint y;
        for (k = 0; k < N - M; k++)
        {
            y = (_mt[k] & upper) | (_mt[k + 1] & lower);
            _mt[k] = _mt[k + M] ^ (y >> 1) ^ ((y & 1) != 0 ? matrix : 0);
        }
        for (; k < N - 1; k++)
        {
            y = (_mt[k] & upper) | (_mt[k + 1] & lower);
            _mt[k] = _mt[k + (M - N)] ^ (y >> 1) ^ ((y & 1) != 0 ? matrix : 0);
        }
        y = (_mt[N - 1] & upper) | (_mt[0] & lower);
        _mt[N - 1] = _mt[M - 1] ^ (y >> 1) ^ ((y & 1) != 0 ? matrix : 0);
        _pos = 0;
    }
}
