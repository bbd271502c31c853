namespace AudioAlchemy.Features.Pitch;

/// <summary>Trough detection on one frame of the normalized difference, as librosa's yin/pyin do it.</summary>
internal static class Troughs
{
    /// <summary>
    /// True when index <paramref name="i"/> of <paramref name="x"/> is a trough: interior points use
    /// <c>util.localmin</c> (<c>x[i] &lt; x[i-1] and x[i] &lt;= x[i+1]</c>), the last point <c>x[-1] &lt; x[-2]</c>, and the
    /// first point is overridden with <c>x[0] &lt; x[1]</c>.
    /// </summary>
    public static bool IsTrough(ReadOnlySpan<double> x, int i)
    {
        int n = x.Length;
        if (n < 2) return false;
        if (i == 0) return x[0] < x[1];
        if (i == n - 1) return x[n - 1] < x[n - 2];
        return x[i] < x[i - 1] && x[i] <= x[i + 1];
    }
}
