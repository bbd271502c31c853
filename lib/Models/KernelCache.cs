namespace AudioAlchemy.Models;

/// <summary>
/// Kernel rows K(i, ·) over the training rows of one SVM problem, stored as float (libsvm's Qfloat), bounded by a
/// byte budget (sklearn's <c>cache_size</c>, 200 MB by default). When the whole n × n matrix fits in the budget it is
/// computed once up front, rows in parallel (<see cref="IsDense"/>: read-only afterwards, so several solvers may
/// share it from several threads); otherwise rows are computed on demand and kept least-recently-used (one thread).
/// The values are the same either way.
/// </summary>
internal sealed class KernelCache
{
    private readonly double[][] _x;
    private readonly double[] _sq;
    private readonly SvmKernel _kernel;
    private readonly int _capacity;
    private readonly Dictionary<int, LinkedListNode<(int Row, float[] Values)>> _rows = [];
    private readonly LinkedList<(int Row, float[] Values)> _lru = new();
    private readonly float[][]? _dense;

    /// <summary>Cache over rows <paramref name="x"/>; <paramref name="threads"/> (≥ 1) compute a dense matrix's rows in parallel.</summary>
    public KernelCache(double[][] x, SvmKernel kernel, double cacheMegabytes, int threads = 1)
    {
        _x = x;
        _kernel = kernel;
        _sq = x.Select(r => SvmKernel.Dot(r, r)).ToArray();
        long perRow = Math.Max(1, 4L * x.Length);
        long budget = (long)(cacheMegabytes * 1024 * 1024);
        _capacity = (int)Math.Clamp(budget / perRow, 2, int.MaxValue);
        Diagonal = x.Select((r, i) => kernel.Eval(r, r, _sq[i], _sq[i])).ToArray();
        if (perRow * x.Length <= budget)
        {
            var dense = new float[x.Length][];
            Parallel.For(0, x.Length, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
            {
                var v = new float[x.Length];
                Fill(i, v);
                dense[i] = v;
            });
            _dense = dense;
            Misses = x.Length;
        }
    }

    /// <summary>True when the whole matrix is held (thread-safe reads).</summary>
    public bool IsDense => _dense is not null;

    /// <summary>K(i, i) in double (libsvm's QD before the sign).</summary>
    public double[] Diagonal { get; }

    /// <summary>Number of kernel rows computed (cache misses).</summary>
    public long Misses { get; private set; }

    /// <summary>The kernel row of training row <paramref name="i"/> (all rows, original order).</summary>
    public float[] Row(int i)
    {
        if (_dense is not null) return _dense[i];
        if (_rows.TryGetValue(i, out var node))
        {
            _lru.Remove(node);
            _lru.AddFirst(node);
            return node.Value.Values;
        }
        float[] values;
        if (_rows.Count >= _capacity)
        {
            var last = _lru.Last!;
            _lru.RemoveLast();
            _rows.Remove(last.Value.Row);
            values = last.Value.Values;
        }
        else values = new float[_x.Length];
        Fill(i, values);
        Misses++;
        _rows[i] = _lru.AddFirst((i, values));
        return values;
    }

    private void Fill(int i, float[] values)
    {
        var xi = _x[i];
        double sqi = _sq[i];
        for (int j = 0; j < _x.Length; j++) values[j] = (float)_kernel.Eval(xi, _x[j], sqi, _sq[j]);
    }
}
