namespace AudioAlchemy.Models;

/// <summary>Options of <see cref="DiagonalGmm"/>.</summary>
/// <param name="Components">Number of mixture components (≥ 1; reduced to the number of distinct rows if fewer).</param>
/// <param name="MaxIterations">EM iteration limit.</param>
/// <param name="Tolerance">Stop when the mean per-row log-likelihood improves by less than this.</param>
/// <param name="RegCovar">Added to every variance (scikit-learn's reg_covar).</param>
/// <param name="VarianceFloor">Lower bound for every variance after the M step.</param>
/// <param name="KMeansIterations">Lloyd iterations after k-means++ seeding.</param>
/// <param name="Seed">Seed of the k-means++ initialisation.</param>
public sealed record GmmOptions(int Components = 8, int MaxIterations = 100, double Tolerance = 1e-3, double RegCovar = 1e-6,
    double VarianceFloor = 1e-3, int KMeansIterations = 10, int Seed = 0)
{
    /// <summary>Throws when an option is out of range.</summary>
    public GmmOptions Validate()
    {
        if (Components < 1) throw new AlchemyException($"gmm: components must be >= 1, got {Components}");
        if (MaxIterations < 1) throw new AlchemyException($"gmm: max_iter must be >= 1, got {MaxIterations}");
        if (!(RegCovar >= 0) || !(VarianceFloor > 0)) throw new AlchemyException("gmm: reg_covar must be >= 0 and variance floor > 0");
        return this;
    }
}

/// <summary>
/// A Gaussian mixture with diagonal covariances fitted by EM, initialised by seeded k-means++ and a few Lloyd
/// iterations. Log-likelihoods use log-sum-exp, variances get <c>RegCovar</c> added and are floored.
/// </summary>
public sealed class DiagonalGmm
{
    private readonly GmmOptions _o;

    /// <summary>Creates an unfitted mixture.</summary>
    public DiagonalGmm(GmmOptions options) => _o = options.Validate();

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

    /// <summary>Fits the mixture to rows <paramref name="x"/>, shape (n_rows, n_features).</summary>
    public DiagonalGmm Fit(IReadOnlyList<float[]> x)
    {
        if (x.Count == 0) throw new AlchemyException("gmm: no rows to fit");
        int n = x.Count, d = x[0].Length;
        int k = Math.Min(_o.Components, n);
        var centers = KMeans(x, k);
        k = centers.Length;
        // Initial responsibilities: hard k-means assignment.
        var resp = new double[n][];
        for (int i = 0; i < n; i++) { resp[i] = new double[k]; resp[i][Nearest(x[i], centers)] = 1; }
        MStep(x, resp, k, d);
        double prev = double.NegativeInfinity;
        for (int it = 1; it <= _o.MaxIterations; it++)
        {
            double ll = EStep(x, resp);
            MStep(x, resp, k, d);
            Iterations = it;
            TrainLogLikelihood = ll;
            if (Math.Abs(ll - prev) < _o.Tolerance) break;
            prev = ll;
        }
        return this;
    }

    /// <summary>Log-likelihood of one row under the mixture.</summary>
    public double LogLikelihood(float[] row)
    {
        Span<double> comp = stackalloc double[Weights.Length];
        return LogSumExp(ComponentLogs(row, comp));
    }

    /// <summary>Sum of <see cref="LogLikelihood(float[])"/> over rows of <paramref name="frames"/> (n_frames, n_features).</summary>
    public double TotalLogLikelihood(IReadOnlyList<float[]> frames)
    {
        double s = 0;
        foreach (var f in frames) s += LogLikelihood(f);
        return s;
    }

    private Span<double> ComponentLogs(float[] row, Span<double> comp)
    {
        for (int c = 0; c < Weights.Length; c++)
        {
            double s = Math.Log(Weights[c]) - 0.5 * row.Length * Math.Log(2 * Math.PI);
            var m = Means[c]; var v = Variances[c];
            for (int j = 0; j < row.Length; j++) { double t = row[j] - m[j]; s -= 0.5 * (Math.Log(v[j]) + t * t / v[j]); }
            comp[c] = s;
        }
        return comp;
    }

    private static double LogSumExp(ReadOnlySpan<double> v)
    {
        double max = double.NegativeInfinity;
        foreach (double a in v) if (a > max) max = a;
        if (double.IsNegativeInfinity(max)) return max;
        double s = 0;
        foreach (double a in v) s += Math.Exp(a - max);
        return max + Math.Log(s);
    }

    private double EStep(IReadOnlyList<float[]> x, double[][] resp)
    {
        double total = 0;
        var comp = new double[Weights.Length];
        for (int i = 0; i < x.Count; i++)
        {
            ComponentLogs(x[i], comp);
            double lse = LogSumExp(comp);
            total += lse;
            for (int c = 0; c < comp.Length; c++) resp[i][c] = Math.Exp(comp[c] - lse);
        }
        return total / x.Count;
    }

    private void MStep(IReadOnlyList<float[]> x, double[][] resp, int k, int d)
    {
        var nk = new double[k];
        var means = new double[k][];
        var vars = new double[k][];
        for (int c = 0; c < k; c++) { means[c] = new double[d]; vars[c] = new double[d]; }
        for (int i = 0; i < x.Count; i++)
            for (int c = 0; c < k; c++)
            {
                double r = resp[i][c];
                if (r == 0) continue;
                nk[c] += r;
                var m = means[c];
                for (int j = 0; j < d; j++) m[j] += r * x[i][j];
            }
        for (int c = 0; c < k; c++)
        {
            double denom = nk[c] + 10 * double.Epsilon;
            for (int j = 0; j < d; j++) means[c][j] /= denom;
        }
        for (int i = 0; i < x.Count; i++)
            for (int c = 0; c < k; c++)
            {
                double r = resp[i][c];
                if (r == 0) continue;
                var m = means[c]; var v = vars[c];
                for (int j = 0; j < d; j++) { double t = x[i][j] - m[j]; v[j] += r * t * t; }
            }
        for (int c = 0; c < k; c++)
        {
            double denom = nk[c] + 10 * double.Epsilon;
            for (int j = 0; j < d; j++) vars[c][j] = Math.Max(vars[c][j] / denom + _o.RegCovar, _o.VarianceFloor);
        }
        double n = x.Count;
        Weights = nk.Select(v => Math.Max(v / n, 1e-12)).ToArray();
        double ws = Weights.Sum();
        for (int c = 0; c < k; c++) Weights[c] /= ws;
        Means = means;
        Variances = vars;
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
        for (int it = 0; it < _o.KMeansIterations; it++)
        {
            var sums = new double[cs.Length][];
            var counts = new int[cs.Length];
            for (int c = 0; c < cs.Length; c++) sums[c] = new double[dim];
            foreach (var r in x)
            {
                int c = Nearest(r, cs);
                counts[c]++;
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
