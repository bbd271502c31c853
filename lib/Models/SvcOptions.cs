using System.Globalization;

namespace AudioAlchemy.Models;

/// <summary>Options of <see cref="SvcClassifier"/>: scikit-learn's <c>SVC</c> names and defaults.</summary>
/// <param name="C">Regularisation (box constraint), &gt; 0.</param>
/// <param name="Kernel"><c>rbf</c>, <c>linear</c>, <c>poly</c> or <c>sigmoid</c>.</param>
/// <param name="Gamma"><c>scale</c> = 1 / (n_features · X.var()), <c>auto</c> = 1 / n_features, or a positive number.</param>
/// <param name="Degree">Polynomial degree.</param>
/// <param name="Coef0">Independent term of poly/sigmoid.</param>
/// <param name="Tol">Stopping tolerance on the maximal violating pair (libsvm eps, 1e-3).</param>
/// <param name="Shrinking">libsvm's shrinking heuristic.</param>
/// <param name="CacheSize">Kernel cache in MB (200).</param>
/// <param name="ClassWeight"><c>none</c> or <c>balanced</c> (C_k = C · n / (k · n_k)).</param>
/// <param name="Probability">Fit libsvm's Platt sigmoids (5-fold internal CV, seeded) and pairwise coupling.</param>
/// <param name="MaxIter">Iteration cap per binary problem, -1 = libsvm's own (max(10^7, 100·l)).</param>
/// <param name="NJobs">Threads for the kernel matrix and the one-vs-one pairs (-1 = all cores; used when the whole
/// kernel matrix fits in <paramref name="CacheSize"/>, else one). Results do not depend on it. sklearn's SVC has no
/// such option (libsvm is single-threaded); <c>svc(n_jobs=1)</c> is the like-for-like comparison.</param>
public sealed record SvcOptions(double C = 1.0, string Kernel = "rbf", string Gamma = "scale", int Degree = 3, double Coef0 = 0.0,
    double Tol = 1e-3, bool Shrinking = true, double CacheSize = 200, string ClassWeight = "none", bool Probability = false, int MaxIter = -1,
    int NJobs = -1)
{
    /// <summary>Throws when an option is out of range.</summary>
    public SvcOptions Validate()
    {
        if (!(C > 0) || !double.IsFinite(C)) throw new AlchemyException($"svc: C must be > 0, got {C}");
        if (Kernel is not ("rbf" or "linear" or "poly" or "sigmoid")) throw new AlchemyException($"svc: kernel must be rbf, linear, poly or sigmoid, got '{Kernel}'");
        if (Gamma is not ("scale" or "auto") && !(double.TryParse(Gamma, NumberStyles.Float, CultureInfo.InvariantCulture, out double g) && g > 0))
            throw new AlchemyException($"svc: gamma must be scale, auto or a positive number, got '{Gamma}'");
        if (Degree < 0) throw new AlchemyException($"svc: degree must be >= 0, got {Degree}");
        if (!(Tol > 0)) throw new AlchemyException($"svc: tol must be > 0, got {Tol}");
        if (!(CacheSize > 0)) throw new AlchemyException($"svc: cache_size must be > 0, got {CacheSize}");
        if (ClassWeight is not ("none" or "balanced")) throw new AlchemyException($"svc: class_weight must be none or balanced, got '{ClassWeight}'");
        if (MaxIter == 0 || MaxIter < -1) throw new AlchemyException($"svc: max_iter must be -1 or >= 1, got {MaxIter}");
        if (NJobs == 0 || NJobs < -1) throw new AlchemyException($"svc: n_jobs must be -1 or >= 1, got {NJobs}");
        return this;
    }

    /// <summary><see cref="NJobs"/> as a thread count (-1 = all cores).</summary>
    public int Threads => NJobs == -1 ? Environment.ProcessorCount : NJobs;

    /// <summary>γ for data <paramref name="x"/>: sklearn's 'scale' (1 / (n_features · var of all entries), 1 when the variance is 0) or 'auto'.</summary>
    public double ResolveGamma(double[][] x)
    {
        int d = x[0].Length;
        if (Gamma == "auto") return 1.0 / d;
        if (Gamma != "scale") return double.Parse(Gamma, CultureInfo.InvariantCulture);
        double sum = 0, n = (double)x.Length * d;
        foreach (var r in x) foreach (double v in r) sum += v;
        double mean = sum / n, ss = 0;
        foreach (var r in x) foreach (double v in r) ss += (v - mean) * (v - mean);
        double var = ss / n;
        return var != 0 ? 1.0 / (d * var) : 1.0;
    }
}
