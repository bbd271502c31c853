namespace AudioAlchemy.Models;

/// <summary>Options of <see cref="DiagonalGmm"/>.</summary>
/// <param name="Components">Number of mixture components (≥ 1; reduced to the number of distinct rows if fewer).</param>
/// <param name="MaxIterations">EM iteration limit.</param>
/// <param name="Tolerance">Stop when the mean per-row log-likelihood improves by less than this.</param>
/// <param name="RegCovar">Added to every variance (scikit-learn's reg_covar).</param>
/// <param name="VarianceFloor">Lower bound for every variance after the M step.</param>
/// <param name="KMeansIterations">Lloyd iterations after k-means++ seeding.</param>
/// <param name="Seed">Seed of the k-means++ initialisation.</param>
/// <param name="Degree">Threads for EM and scoring (null = all cores); results do not depend on it.</param>
public sealed record GmmOptions(int Components = 8, int MaxIterations = 100, double Tolerance = 1e-3, double RegCovar = 1e-6,
    double VarianceFloor = 1e-3, int KMeansIterations = 10, int Seed = 0, int? Degree = null)
{
    /// <summary>Throws when an option is out of range.</summary>
    public GmmOptions Validate()
    {
        if (Components < 1) throw new AlchemyException($"gmm: components must be >= 1, got {Components}");
        if (MaxIterations < 1) throw new AlchemyException($"gmm: max_iter must be >= 1, got {MaxIterations}");
        if (!(RegCovar >= 0) || !(VarianceFloor > 0)) throw new AlchemyException("gmm: reg_covar must be >= 0 and variance floor > 0");
        if (Degree is < 1) throw new AlchemyException($"gmm: degree must be >= 1, got {Degree}");
        return this;
    }
}

/// <summary>
/// A Gaussian mixture with diagonal covariances fitted by EM, initialised by seeded k-means++ and a few Lloyd
/// iterations. Log-likelihoods use log-sum-exp, variances get <c>RegCovar</c> added and are floored. The E and M steps
/// run over fixed row blocks on all cores (<see cref="GmmOptions.Degree"/>) and the block sums are added in block
/// order, so the fit is identical for any thread count. Scoring (<see cref="LogLikelihood(float[])"/> and friends) is
/// thread-safe once fitted.
/// </summary>
public sealed class DiagonalGmm
{
    private const int BlockRows = 2048;
    private readonly GmmOptions _o;
    private double[] _const = [];
    private double[][] _inv = [];

    /// <summary>Creates an unfitted mixture.</summary>
    public DiagonalGmm(GmmOptions options) => _o = options.Validate();

    /// <summary>A fitted mixture from its parameters (e.g. a MAP-adapted copy of a UBM).</summary>
    public DiagonalGmm(GmmOptions options, double[] weights, double[][] means, double[][] variances) : this(options)
    {
        if (weights.Length == 0 || means.Length != weights.Length || variances.Length != weights.Length)
            throw new AlchemyException($"gmm: {weights.Length} weights, {means.Length} means, {variances.Length} variances");
        SetParameters(weights, means, variances);
    }

    /// <summary>Component weights, length components.</summary>
    public double[] Weights { get; private set; } = [];

    /// <summary>Component means, shape (components, n_features).</summary>
    public double[][] Means { get; private set; } = [];

    /// <summary>Component variances, shape (components, n_features).</summary>
    public double[][] Variances { get; private set; } = [];

    /// <summary>Mean per-row log-likelihood of the training data after the last EM step.</summary>
    public double TrainLogLikelihood { get; private set; }

    /// <summary>EM iterations run.</summary>
    public int Iterations { get; private set; }

    /// <summary>The options.</summary>
    public GmmOptions Options => _o;

    private void SetParameters(double[] weights, double[][] means, double[][] variances)
    {
        Weights = weights; Means = means; Variances = variances;
        int k = weights.Length, d = means[0].Length;
        _const = new double[k];
        _inv = new double[k][];
        for (int c = 0; c < k; c++)
        {
            double s = Math.Log(weights[c]) - 0.5 * d * Math.Log(2 * Math.PI);
            _inv[c] = new double[d];
            for (int j = 0; j < d; j++) { s -= 0.5 * Math.Log(variances[c][j]); _inv[c][j] = 1.0 / variances[c][j]; }
            _const[c] = s;
        }
    }

    /// <summary>Fits the mixture to rows <paramref name="x"/>, shape (n_rows, n_features).</summary>
    public DiagonalGmm Fit(IReadOnlyList<float[]> x)
    {
        if (x.Count == 0) throw new AlchemyException("gmm: no rows to fit");
        int n = x.Count, d = x[0].Length;
        int k = Math.Min(_o.Components, n);
        var centers = KMeans(x, k);
        k = centers.Length;
        // Initial parameters from the hard k-means assignment.
        var init = Accumulate(x, k, d, (i, r) => r[Nearest(x[i], centers)] = 1);
        MStep(init, n);
        double prev = double.NegativeInfinity;
        for (int it = 1; it <= _o.MaxIterations; it++)
        {
            var stats = Accumulate(x, k, d, null);
            double ll = stats.LogLikelihood / n;
            MStep(stats, n);
            Iterations = it;
            TrainLogLikelihood = ll;
            if (Math.Abs(ll - prev) < _o.Tolerance) break;
            prev = ll;
        }
        return this;
    }

    /// <summary>Zeroth, first and second order statistics of rows under responsibilities (Baum-Welch statistics).</summary>
    /// <param name="N">Σ γ per component.</param>
    /// <param name="F">Σ γ x per component and feature.</param>
    /// <param name="S">Σ γ x² per component and feature.</param>
    /// <param name="LogLikelihood">Σ log p(x) (0 when responsibilities were given).</param>
    public sealed record Statistics(double[] N, double[][] F, double[][] S, double LogLikelihood);

    /// <summary>Baum-Welch statistics of <paramref name="x"/> under this (fitted) mixture: the E step, in parallel.</summary>
    public Statistics Posteriors(IReadOnlyList<float[]> x)
    {
        if (Weights.Length == 0) throw new InvalidOperationException("gmm: Fit before computing statistics");
        if (x.Count == 0) throw new AlchemyException("gmm: no rows");
        return Accumulate(x, Weights.Length, Means[0].Length, null);
    }

    /// <summary>
    /// Block-parallel statistics: <paramref name="hard"/> fills responsibilities directly (k-means init), else they are
    /// the posteriors under the current parameters.
    /// </summary>
    private Statistics Accumulate(IReadOnlyList<float[]> x, int k, int d, Action<int, double[]>? hard)
    {
        int n = x.Count, blocks = (n + BlockRows - 1) / BlockRows;
        var parts = new Statistics[blocks];
        var po = new ParallelOptions { MaxDegreeOfParallelism = _o.Degree ?? Environment.ProcessorCount };
        Parallel.For(0, blocks, po, b =>
        {
            var N = new double[k];
            var F = new double[k][];
            var S = new double[k][];
            for (int c = 0; c < k; c++) { F[c] = new double[d]; S[c] = new double[d]; }
            var r = new double[k];
            double ll = 0;
            for (int i = b * BlockRows, end = Math.Min(n, i + BlockRows); i < end; i++)
            {
                var row = x[i];
                if (row.Length != d) throw new AlchemyException($"gmm: row {i} has {row.Length} features, expected {d}");
                if (hard is not null) { Array.Clear(r); hard(i, r); }
                else
                {
                    ComponentLogs(row, r);
                    double lse = LogSumExp(r);
                    ll += lse;
                    for (int c = 0; c < k; c++) r[c] = Math.Exp(r[c] - lse);
                }
                for (int c = 0; c < k; c++)
                {
                    double g = r[c];
                    if (g < 1e-300) continue;
                    N[c] += g;
                    var f = F[c]; var s = S[c];
                    for (int j = 0; j < d; j++) { double v = row[j]; f[j] += g * v; s[j] += g * v * v; }
                }
            }
            parts[b] = new Statistics(N, F, S, ll);
        });
        var total = parts[0];
        for (int b = 1; b < blocks; b++)
        {
            var p = parts[b];
            for (int c = 0; c < k; c++)
            {
                total.N[c] += p.N[c];
                for (int j = 0; j < d; j++) { total.F[c][j] += p.F[c][j]; total.S[c][j] += p.S[c][j]; }
            }
            total = total with { LogLikelihood = total.LogLikelihood + p.LogLikelihood };
        }
        return total;
    }

    /// <summary>Log-likelihood of one row under the mixture.</summary>
    public double LogLikelihood(float[] row)
    {
        Span<double> comp = stackalloc double[Weights.Length];
        ComponentLogs(row, comp);
        return LogSumExp(comp);
    }

    /// <summary>Sum of <see cref="LogLikelihood(float[])"/> over rows of <paramref name="frames"/> (n_frames, n_features).</summary>
    public double TotalLogLikelihood(IReadOnlyList<float[]> frames)
    {
        double s = 0;
        foreach (var f in frames) s += LogLikelihood(f);
        return s;
    }

    /// <summary>log(w_c) + log N(row; μ_c, Σ_c) for every component c into <paramref name="comp"/>.</summary>
    public void ComponentLogs(float[] row, Span<double> comp)
    {
        for (int c = 0; c < _const.Length; c++) comp[c] = ComponentLog(row, c);
    }

    /// <summary>log(w_c) + log N(row; μ_c, Σ_c) of component <paramref name="c"/>.</summary>
    public double ComponentLog(float[] row, int c)
    {
        double q = 0;
        var m = Means[c]; var iv = _inv[c];
        for (int j = 0; j < row.Length; j++) { double t = row[j] - m[j]; q += t * t * iv[j]; }
        return _const[c] - 0.5 * q;
    }

    /// <summary>log Σ exp(v), −∞ for an empty or all −∞ input.</summary>
    public static double LogSumExp(ReadOnlySpan<double> v)
    {
        double max = double.NegativeInfinity;
        foreach (double a in v) if (a > max) max = a;
        if (double.IsNegativeInfinity(max)) return max;
        double s = 0;
        foreach (double a in v) s += Math.Exp(a - max);
        return max + Math.Log(s);
    }

    private void MStep(Statistics st, int n)
    {
        int k = st.N.Length, d = st.F[0].Length;
        var means = new double[k][];
        var vars = new double[k][];
        for (int c = 0; c < k; c++)
        {
            double denom = st.N[c] + 10 * double.Epsilon;
            means[c] = new double[d]; vars[c] = new double[d];
            for (int j = 0; j < d; j++)
            {
                double m = st.F[c][j] / denom;
                means[c][j] = m;
                // E[x²] − μ² (sklearn's "diag" estimator: avg_X2 − 2 μ avg_X + μ²).
                vars[c][j] = Math.Max(st.S[c][j] / denom - m * m + _o.RegCovar, _o.VarianceFloor);
            }
        }
        var w = st.N.Select(v => Math.Max(v / n, 1e-12)).ToArray();
        double ws = w.Sum();
        for (int c = 0; c < k; c++) w[c] /= ws;
        SetParameters(w, means, vars);
    }

    private double[][] KMeans(IReadOnlyList<float[]> x, int k)
    {
        var rng = new Random(_o.Seed);
        int n = x.Count;
        var centers = new List<double[]> { x[rng.Next(n)].Select(v => (double)v).ToArray() };
        var d2 = x.Select(r => Sq(r, centers[0])).ToArray();
        while (centers.Count < k)
        {
            double sum = d2.Sum();
            if (sum <= 0) break; // fewer distinct rows than components
            double u = rng.NextDouble() * sum, acc = 0;
            int pick = n - 1;
            for (int i = 0; i < n; i++) { acc += d2[i]; if (acc >= u) { pick = i; break; } }
            var c = x[pick].Select(v => (double)v).ToArray();
            centers.Add(c);
            for (int i = 0; i < n; i++) d2[i] = Math.Min(d2[i], Sq(x[i], c));
        }
        var cs = centers.ToArray();
        int dim = x[0].Length;
        var assign = new int[n];
        var po = new ParallelOptions { MaxDegreeOfParallelism = _o.Degree ?? Environment.ProcessorCount };
        for (int it = 0; it < _o.KMeansIterations; it++)
        {
            var snapshot = cs;
            Parallel.For(0, (n + BlockRows - 1) / BlockRows, po, b =>
            {
                for (int i = b * BlockRows, end = Math.Min(n, i + BlockRows); i < end; i++) assign[i] = Nearest(x[i], snapshot);
            });
            var sums = new double[cs.Length][];
            var counts = new int[cs.Length];
            for (int c = 0; c < cs.Length; c++) sums[c] = new double[dim];
            for (int i = 0; i < n; i++)
            {
                int c = assign[i];
                counts[c]++;
                var r = x[i];
                for (int j = 0; j < dim; j++) sums[c][j] += r[j];
            }
            for (int c = 0; c < cs.Length; c++)
                if (counts[c] > 0) for (int j = 0; j < dim; j++) cs[c][j] = sums[c][j] / counts[c];
        }
        return cs;
    }

    private static int Nearest(float[] r, double[][] cs)
    {
        int best = 0; double bd = double.PositiveInfinity;
        for (int c = 0; c < cs.Length; c++) { double d = Sq(r, cs[c]); if (d < bd) { bd = d; best = c; } }
        return best;
    }

    private static double Sq(float[] a, double[] b)
    {
        double s = 0;
        for (int j = 0; j < a.Length; j++) { double t = a[j] - b[j]; s += t * t; }
        return s;
    }
}
