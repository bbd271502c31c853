namespace AudioAlchemy.Models;

/// <summary>
/// Kernel support vector classifier with libsvm's (and so scikit-learn <c>SVC</c>'s) semantics, model kind <c>svc</c>:
/// one binary C-SVC per class pair (i &lt; j, class i = +1), each solved by <see cref="SmoSolver"/> on a shared
/// <see cref="KernelCache"/>; prediction by one-vs-one voting (ties to the lowest class). Without
/// <c>probability</c>, <see cref="PredictProba"/> returns the vote fractions (their argmax is libsvm's prediction);
/// with it, libsvm's Platt sigmoids (fitted on a seeded 5-fold split of each pair's data) coupled by Wu, Lin &amp;
/// Weng's method, as sklearn's <c>predict_proba</c> (whose argmax may differ from the vote, as in sklearn).
/// </summary>
public sealed class SvcClassifier : IClassifier
{
    private readonly SvcOptions _o;
    private readonly int _seed;
    private SvmKernel? _kernel;
    private double[][] _sv = [];
    private double[] _svSq = [];
    private Pair[] _pairs = [];
    private int _nClasses;
    private int _nFeatures;

    /// <summary>Creates an unfitted classifier.</summary>
    public SvcClassifier(SvcOptions options, int seed = 0)
    {
        _o = options.Validate();
        _seed = seed;
    }

    /// <inheritdoc />
    public string Name => "svc";

    /// <summary>γ used by the fitted kernel.</summary>
    public double GammaValue => _kernel?.Gamma ?? double.NaN;

    /// <summary>Training-row indices of the support vectors, grouped by class, ascending within a class (sklearn's <c>support_</c>).</summary>
    public int[] Support { get; private set; } = [];

    /// <summary>Support vectors per class (sklearn's <c>n_support_</c>).</summary>
    public int[] NSupport { get; private set; } = [];

    /// <summary>ρ of each pair (0,1), (0,2), ..., (1,2), ... (sklearn's intercept_ is −ρ).</summary>
    public double[] Rho => _pairs.Select(p => p.Rho).ToArray();

    /// <summary>
    /// sklearn's <c>dual_coef_</c>, shape (k − 1, n_SV): the coefficient yα of support vector s (class c) in the
    /// pair (c, o) is stored in row o − 1 when o &gt; c, else in row o.
    /// </summary>
    public double[][] DualCoef { get; private set; } = [];

    /// <summary>Total SMO iterations over all pairs.</summary>
    public long Iterations { get; private set; }

    /// <inheritdoc />
    public void Fit(float[][] xf, int[] y, int nClasses)
    {
        ClassifierExtensions.Validate(Name, xf, y, nClasses);
        int n = xf.Length, d = xf[0].Length;
        var x = new double[n][];
        for (int i = 0; i < n; i++)
        {
            if (xf[i].Length != d) throw new AlchemyException($"svc: row {i} has {xf[i].Length} features, expected {d}");
            x[i] = new double[d];
            for (int f = 0; f < d; f++)
            {
                double v = xf[i][f];
                if (!double.IsFinite(v)) throw new AlchemyException($"svc: row {i}, feature {f} is {v} (impute or drop it first)");
                x[i][f] = v;
            }
        }
        _kernel = new SvmKernel(_o.Kernel, _o.ResolveGamma(x), _o.Degree, _o.Coef0);
        (_nClasses, _nFeatures) = (nClasses, d);
        // libsvm groups rows by class (classes in ascending order here, as sklearn), keeping their order.
        var byClass = Enumerable.Range(0, nClasses).Select(c => Enumerable.Range(0, n).Where(i => y[i] == c).ToArray()).ToArray();
        var weight = new double[nClasses];
        for (int c = 0; c < nClasses; c++)
            weight[c] = _o.ClassWeight == "balanced" && byClass[c].Length > 0 ? (double)n / (byClass.Count(b => b.Length > 0) * byClass[c].Length) : 1.0;
        var cache = new KernelCache(x, _kernel, _o.CacheSize, _o.Threads);
        var rng = new Random(_seed);
        var jobs = new List<(int A, int B, int[] Rows, sbyte[] Ys, double Cp, double Cn, int[]? Perm)>();
        for (int a = 0; a < nClasses; a++)
            for (int b = a + 1; b < nClasses; b++)
            {
                var rows = byClass[a].Concat(byClass[b]).ToArray();
                var ys = rows.Select(r => y[r] == a ? (sbyte)1 : (sbyte)-1).ToArray();
                // Fold shuffles drawn in pair order before any solving, so the numbers do not depend on the threads.
                var perm = _o.Probability && rows.Length > 0 ? PlattScaling.FoldPermutation(rows.Length, rng) : null;
                jobs.Add((a, b, rows, ys, _o.C * weight[a], _o.C * weight[b], perm));
            }
        var pairs = new Pair[jobs.Count];
        var pairIters = new long[jobs.Count];
        // Pairs are independent problems: solved in parallel when the kernel matrix is held whole (read-only).
        int dop = cache.IsDense ? _o.Threads : 1;
        Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = dop }, p =>
        {
            var (a, b, rows, ys, cp, cn, perm) = jobs[p];
            double probA = 0, probB = 0;
            if (perm is not null) (probA, probB) = PlattScaling.BinaryProbability(x, rows, ys, cp, cn, _kernel, _o, perm);
            double[] coef;
            double rho;
            if (byClass[a].Length == 0 || byClass[b].Length == 0) { coef = new double[rows.Length]; rho = byClass[a].Length == 0 ? 1 : -1; }
            else
            {
                var solver = new SmoSolver(cache, rows, _o.Tol, _o.Shrinking);
                var (alpha, r) = solver.Solve(ys, cp, cn, _o.MaxIter);
                pairIters[p] = solver.Iterations;
                coef = alpha.Select((al, k) => al * ys[k]).ToArray();
                rho = r;
            }
            pairs[p] = new Pair(a, b, rows, coef, rho, probA, probB);
        });
        var nonzero = new bool[n];
        foreach (var pr in pairs)
            for (int k = 0; k < pr.Rows.Length; k++) if (pr.Coef[k] != 0) nonzero[pr.Rows[k]] = true;
        Iterations = pairIters.Sum();
        // Support vectors grouped by class.
        var support = byClass.SelectMany(rows => rows.Where(r => nonzero[r])).ToArray();
        Support = support;
        NSupport = byClass.Select(rows => rows.Count(r => nonzero[r])).ToArray();
        var svIndex = new Dictionary<int, int>();
        for (int s = 0; s < support.Length; s++) svIndex[support[s]] = s;
        _sv = support.Select(r => x[r]).ToArray();
        _svSq = _sv.Select(v => SvmKernel.Dot(v, v)).ToArray();
        var dual = Enumerable.Range(0, Math.Max(1, nClasses - 1)).Select(_ => new double[support.Length]).ToArray();
        var compact = new Pair[pairs.Length];
        for (int p = 0; p < pairs.Length; p++)
        {
            var pr = pairs[p];
            var idx = new List<int>();
            var cf = new List<double>();
            for (int k = 0; k < pr.Rows.Length; k++)
            {
                if (!nonzero[pr.Rows[k]]) continue;
                int s = svIndex[pr.Rows[k]];
                idx.Add(s);
                cf.Add(pr.Coef[k]);
                int own = y[pr.Rows[k]], other = own == pr.A ? pr.B : pr.A;
                dual[other > own ? other - 1 : other][s] = pr.Coef[k];
            }
            compact[p] = pr with { Rows = idx.ToArray(), Coef = cf.ToArray() };
        }
        DualCoef = dual;
        _pairs = compact;
    }

    /// <summary>libsvm's decision values per row: one per pair (i, j) in order (0,1), (0,2), ..., positive = class i.</summary>
    public double[][] DecisionFunction(float[][] x)
    {
        if (_kernel is null) throw new InvalidOperationException("svc: Fit before DecisionFunction");
        var result = new double[x.Length][];
        Parallel.For(0, x.Length, i =>
        {
            if (x[i].Length != _nFeatures) throw new AlchemyException($"svc: row {i} has {x[i].Length} features, expected {_nFeatures}");
            var q = Array.ConvertAll(x[i], v => (double)v);
            double sq = SvmKernel.Dot(q, q);
            var k = new double[_sv.Length];
            for (int s = 0; s < _sv.Length; s++) k[s] = _kernel.Eval(q, _sv[s], sq, _svSq[s]);
            var dec = new double[_pairs.Length];
            for (int p = 0; p < _pairs.Length; p++)
            {
                var pr = _pairs[p];
                double sum = 0;
                for (int m = 0; m < pr.Rows.Length; m++) sum += pr.Coef[m] * k[pr.Rows[m]];
                dec[p] = sum - pr.Rho;
            }
            result[i] = dec;
        });
        return result;
    }

    /// <summary>One-vs-one vote winners (libsvm's svm_predict; lowest class on ties).</summary>
    public int[] PredictVotes(float[][] x) => DecisionFunction(x).Select(dec => ClassifierExtensions.ArgMax([Votes(dec)])[0]).ToArray();

    /// <inheritdoc />
    public double[][] PredictProba(float[][] x)
    {
        var dec = DecisionFunction(x);
        if (!_o.Probability)
            return dec.Select(d => ClassifierExtensions.Normalize(Votes(d))).ToArray();
        return dec.Select(d =>
        {
            var r = new double[_nClasses, _nClasses];
            for (int p = 0; p < _pairs.Length; p++)
            {
                var pr = _pairs[p];
                double v = Math.Min(Math.Max(PlattScaling.SigmoidPredict(d[p], pr.ProbA, pr.ProbB), 1e-7), 1 - 1e-7);
                r[pr.A, pr.B] = v;
                r[pr.B, pr.A] = 1 - v;
            }
            return _nClasses == 2 ? [r[0, 1], r[1, 0]] : PlattScaling.MulticlassProbability(_nClasses, r);
        }).ToArray();
    }

    private double[] Votes(double[] dec)
    {
        var votes = new double[_nClasses];
        for (int p = 0; p < _pairs.Length; p++) votes[dec[p] > 0 ? _pairs[p].A : _pairs[p].B]++;
        return votes;
    }

    /// <summary>One binary sub-model: support-vector slots (after compaction) and their yα.</summary>
    private sealed record Pair(int A, int B, int[] Rows, double[] Coef, double Rho, double ProbA, double ProbB);
}
