namespace AudioAlchemy.Dsp;

/// <summary>
/// numpy's default <c>np.argsort(v)</c> (<c>kind='quicksort'</c>), i.e. <c>aquicksort_</c> of numpy's npysort:
/// introsort with median-of-3 partitioning, insertion sort for 16 elements or fewer, heapsort past a depth of
/// 2·floor(log2 n). It is not stable: the order it gives equal keys is part of its result, and librosa relies on it
/// (<c>recurrence_matrix</c> in connectivity mode keeps the first k of <c>argsort</c> of all-equal link values).
/// Checked against numpy 1.24 (tests/data/reference/nn_filter/argsort_ones.json). numpy builds that dispatch
/// argsort to x86-simd-sort (AVX-512, numpy ≥ 1.26) order ties differently.
/// </summary>
public static class NumpySort
{
    private const int SmallQuicksort = 15;

    /// <summary>The permutation numpy's default argsort returns for <paramref name="v"/>.</summary>
    public static int[] Argsort(ReadOnlySpan<double> v)
    {
        int num = v.Length;
        var tosort = new int[num];
        for (int i = 0; i < num; i++) tosort[i] = i;
        if (num < 2) return tosort;
        var stack = new int[256];
        var depthStack = new int[128];
        int sptr = 0, psdepth = 0;
        int pl = 0, pr = num - 1;
        int cdepth = Msb(num) * 2;
        for (; ; )
        {
            if (cdepth < 0)
            {
                HeapSort(v, tosort, pl, pr - pl + 1);
                goto StackPop;
            }
            while (pr - pl > SmallQuicksort)
            {
                int pm = pl + ((pr - pl) >> 1);
                if (v[tosort[pm]] < v[tosort[pl]]) Swap(tosort, pm, pl);
                if (v[tosort[pr]] < v[tosort[pm]]) Swap(tosort, pr, pm);
                if (v[tosort[pm]] < v[tosort[pl]]) Swap(tosort, pm, pl);
                double vp = v[tosort[pm]];
                int pi = pl, pj = pr - 1;
                Swap(tosort, pm, pj);
                for (; ; )
                {
                    do ++pi; while (v[tosort[pi]] < vp);
                    do --pj; while (vp < v[tosort[pj]]);
                    if (pi >= pj) break;
                    Swap(tosort, pi, pj);
                }
                Swap(tosort, pi, pr - 1);
                if (pi - pl < pr - pi)
                {
                    stack[sptr++] = pi + 1;
                    stack[sptr++] = pr;
                    pr = pi - 1;
                }
                else
                {
                    stack[sptr++] = pl;
                    stack[sptr++] = pi - 1;
                    pl = pi + 1;
                }
                depthStack[psdepth++] = --cdepth;
            }
            for (int pi = pl + 1; pi <= pr; pi++)
            {
                int vi = tosort[pi];
                double vv = v[vi];
                int pj = pi, pk = pi - 1;
                while (pj > pl && vv < v[tosort[pk]]) tosort[pj--] = tosort[pk--];
                tosort[pj] = vi;
            }
        StackPop:
            if (sptr == 0) break;
            pr = stack[--sptr];
            pl = stack[--sptr];
            cdepth = depthStack[--psdepth];
        }
        return tosort;
    }

    /// <summary>numpy's aheapsort_ on tosort[start .. start + n).</summary>
    private static void HeapSort(ReadOnlySpan<double> v, int[] tosort, int start, int n)
    {
        // 1-based indexing: a[i] = tosort[start + i - 1].
        int A(int i) => tosort[start + i - 1];
        void Set(int i, int value) => tosort[start + i - 1] = value;
        int tmp, i2, j;
        for (int l = n >> 1; l > 0; --l)
        {
            tmp = A(l);
            for (i2 = l, j = l << 1; j <= n;)
            {
                if (j < n && v[A(j)] < v[A(j + 1)]) j += 1;
                if (v[tmp] < v[A(j)]) { Set(i2, A(j)); i2 = j; j += j; }
                else break;
            }
            Set(i2, tmp);
        }
        for (; n > 1;)
        {
            tmp = A(n);
            Set(n, A(1));
            n -= 1;
            for (i2 = 1, j = 2; j <= n;)
            {
                if (j < n && v[A(j)] < v[A(j + 1)]) j++;
                if (v[tmp] < v[A(j)]) { Set(i2, A(j)); i2 = j; j += j; }
                else break;
            }
            Set(i2, tmp);
        }
    }

    private static int Msb(int n)
    {
        int depth = 0;
        while ((n >>= 1) != 0) depth++;
        return depth;
    }

    private static void Swap(int[] a, int i, int j) => (a[i], a[j]) = (a[j], a[i]);
}
