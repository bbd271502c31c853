namespace AudioAlchemy.Separation;

/// <summary>In-place order statistics on float spans (quickselect), used by the median filters.</summary>
public static class Selection
{
    /// <summary>
    /// numpy's median of <paramref name="values"/> (reorders them): the middle value for an odd count, the float32 mean of
    /// the two middle values for an even count. NaN-free input assumed; throws on an empty span.
    /// </summary>
    public static float Median(Span<float> values)
    {
        int n = values.Length;
        if (n == 0) throw new ParameterException("median of an empty set");
        int hi = n / 2;
        float upper = Select(values, hi);
        if ((n & 1) == 1) return upper;
        // After selecting hi, values[0..hi) are <= upper: the lower middle is their maximum.
        float lower = values[0];
        for (int i = 1; i < hi; i++) if (values[i] > lower) lower = values[i];
        return (lower + upper) / 2f;
    }

    /// <summary>The <paramref name="rank"/>-th smallest value (0-based); afterwards values[..rank] ≤ it ≤ values[rank..].</summary>
    public static float Select(Span<float> values, int rank)
    {
        int lo = 0, hi = values.Length - 1;
        while (hi > lo)
        {
            // median-of-three pivot
            int mid = lo + ((hi - lo) >> 1);
            if (values[mid] < values[lo]) (values[mid], values[lo]) = (values[lo], values[mid]);
            if (values[hi] < values[lo]) (values[hi], values[lo]) = (values[lo], values[hi]);
            if (values[hi] < values[mid]) (values[hi], values[mid]) = (values[mid], values[hi]);
            float pivot = values[mid];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (values[i] < pivot) i++;
                while (values[j] > pivot) j--;
                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++; j--;
                }
            }
            if (rank <= j) hi = j;
            else if (rank >= i) lo = i;
            else return values[rank];
        }
        return values[rank];
    }
}
