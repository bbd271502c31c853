namespace AudioAlchemy.Models;

/// <summary>Options of <see cref="LinearSvcClassifier"/>: scikit-learn <c>LinearSVC</c> defaults (penalty='l2',
/// loss='squared_hinge', dual=True, multi_class='ovr').</summary>
/// <param name="C">Regularisation, &gt; 0.</param>
/// <param name="Tol">Stopping tolerance on the projected-gradient spread (1e-4).</param>
/// <param name="MaxIter">Passes over the data (1000).</param>
/// <param name="FitIntercept">Append a bias feature.</param>
/// <param name="InterceptScaling">Value of the bias feature (regularised like the weights, as liblinear).</param>
public sealed record LinearSvcOptions(double C = 1.0, double Tol = 1e-4, int MaxIter = 1000, bool FitIntercept = true, double InterceptScaling = 1.0)
{
    /// <summary>Throws when an option is out of range.</summary>
    public LinearSvcOptions Validate()
    {
        if (!(C > 0) || !double.IsFinite(C)) throw new AlchemyException($"linearsvc: C must be > 0, got {C}");
        if (!(Tol > 0)) throw new AlchemyException($"linearsvc: tol must be > 0, got {Tol}");
        if (MaxIter < 1) throw new AlchemyException($"linearsvc: max_iter must be >= 1, got {MaxIter}");
        if (!(InterceptScaling > 0)) throw new AlchemyException($"linearsvc: intercept_scaling must be > 0, got {InterceptScaling}");
        return this;
    }
}

/// <summary>
/// Linear SVM as scikit-learn's <c>LinearSVC</c> (model kind <c>linearsvc</c>): liblinear's dual coordinate descent
/// for the L2-regularised squared-hinge loss (Hsieh et al. 2008; solver L2R_L2LOSS_SVC_DUAL) with shrinking and a
/// seeded random permutation per pass, one-vs-rest (one binary problem for two classes, positive = class 1).
/// <see cref="PredictProba"/> is the softmax of the decision values (LinearSVC has no probabilities; its argmax is
/// the prediction).
/// </summary>
public sealed class LinearSvcClassifier : IClassifier
{
    private readonly LinearSvcOptions _o;
    private readonly int _seed;
    private double[][] _w = [];
    private double[] _b = [];
    private int _nClasses;

    /// <summary>Creates an unfitted classifier.</summary>
    public LinearSvcClassifier(LinearSvcOptions options, int seed = 0)
    {
        _o = options.Validate();
        _seed = seed;
    }

    /// <inheritdoc />
    public string Name => "linearsvc";

    /// <summary>sklearn's <c>coef_</c>: one row per binary problem.</summary>
    public double[][] Coef => _w;

    /// <summary>sklearn's <c>intercept_</c>.</summary>
    public double[] Intercept => _b;

    /// <summary>Passes used by the last binary problem that stopped latest.</summary>
    public int Iterations { get; private set; }

    /// <inheritdoc />
    public void Fit(float[][] xf, int[] y, int nClasses)
    {
        ClassifierExtensions.Validate(Name, xf, y, nClasses);
        int d = xf[0].Length;
        var x = xf.Select((r, i) => r.Length == d ? Array.ConvertAll(r, v => (double)v) : throw new AlchemyException($"linearsvc: row {i} has {r.Length} features, expected {d}")).ToArray();
        if (x.Any(r => r.Any(v => !double.IsFinite(v)))) throw new AlchemyException("linearsvc: non-finite feature value (impute or drop it first)");
        var rng = new Random(_seed);
        int problems = nClasses == 2 ? 1 : nClasses;
        _w = new double[problems][];
        _b = new double[problems];
        Iterations = 0;
        for (int c = 0; c < problems; c++)
        {
            int pos = nClasses == 2 ? 1 : c;
            var ys = y.Select(v => v == pos ? (sbyte)1 : (sbyte)-1).ToArray();
            var (w, b, it) = SolveDual(x, ys, rng);
            _w[c] = w;
            _b[c] = b;
            Iterations = Math.Max(Iterations, it);
        }
        _nClasses = nClasses;
    }

    /// <summary>Decision values, shape (n, 1) for two classes (positive = class 1), else (n, classes).</summary>
    public double[][] DecisionFunction(float[][] x)
    {
        if (_w.Length == 0) throw new InvalidOperationException("linearsvc: Fit before DecisionFunction");
        return x.Select(r => _w.Select((w, c) =>
        {
            double s = _b[c];
            for (int f = 0; f < w.Length; f++) s += w[f] * r[f];
            return s;
        }).ToArray()).ToArray();
    }

    /// <inheritdoc />
    public double[][] PredictProba(float[][] x) => DecisionFunction(x).Select(dec =>
    {
        var z = _nClasses == 2 ? new[] { -dec[0] / 2, dec[0] / 2 } : dec;
        double m = z.Max();
        var p = z.Select(v => Math.Exp(v - m)).ToArray();
        return ClassifierExtensions.Normalize(p);
    }).ToArray();

    private (double[] W, double B, int Iter) SolveDual(double[][] x, sbyte[] y, Random rng)
    {
        int l = x.Length, d = x[0].Length;
        double bias = _o.FitIntercept ? _o.InterceptScaling : 0;
        var w = new double[d];
        double wb = 0;
        var alpha = new double[l];
        var qd = new double[l];
        var index = new int[l];
        double diag = 0.5 / _o.C;
        for (int i = 0; i < l; i++)
        {
            double s = bias * bias;
            foreach (double v in x[i]) s += v * v;
            qd[i] = diag + s;
            index[i] = i;
        }
        int activeSize = l, iter = 0;
        double pgMaxOld = double.PositiveInfinity;
        while (iter < _o.MaxIter)
        {
            double pgMaxNew = double.NegativeInfinity, pgMinNew = double.PositiveInfinity;
            for (int i = 0; i < activeSize; i++) { int j = i + rng.Next(activeSize - i); (index[i], index[j]) = (index[j], index[i]); }
            for (int s = 0; s < activeSize; s++)
            {
                int i = index[s];
                var xi = x[i];
                double dot = wb * bias;
                for (int f = 0; f < d; f++) dot += w[f] * xi[f];
                double g = y[i] * dot - 1 + alpha[i] * diag;
                double pg = 0;
                if (alpha[i] == 0)
                {
                    if (g > pgMaxOld)
                    {
                        activeSize--;
                        (index[s], index[activeSize]) = (index[activeSize], index[s]);
                        s--;
                        continue;
                    }
                    if (g < 0) pg = g;
                }
                else pg = g; // upper bound is infinite for the squared hinge
                pgMaxNew = Math.Max(pgMaxNew, pg);
                pgMinNew = Math.Min(pgMinNew, pg);
                if (Math.Abs(pg) > 1.0e-12)
                {
                    double old = alpha[i];
                    alpha[i] = Math.Max(alpha[i] - g / qd[i], 0.0);
                    double delta = (alpha[i] - old) * y[i];
                    for (int f = 0; f < d; f++) w[f] += delta * xi[f];
                    wb += delta * bias;
                }
            }
            iter++;
            if (pgMaxNew - pgMinNew <= _o.Tol)
            {
                if (activeSize == l) break;
                activeSize = l;
                pgMaxOld = double.PositiveInfinity;
                continue;
            }
            pgMaxOld = pgMaxNew <= 0 ? double.PositiveInfinity : pgMaxNew;
        }
        return (w, wb * bias, iter);
    }
}
