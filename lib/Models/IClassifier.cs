namespace AudioAlchemy.Models;

/// <summary>
/// A multiclass classifier on dense float features. Class codes are 0..nClasses-1 (a training fold may lack some);
/// probabilities always have nClasses columns.
/// </summary>
public interface IClassifier
{
    /// <summary>Short model name, e.g. <c>knn</c>.</summary>
    string Name { get; }

    /// <summary>Trains on <paramref name="x"/>, shape (n_samples, n_features), with codes <paramref name="y"/>.</summary>
    void Fit(float[][] x, int[] y, int nClasses);

    /// <summary>Class probabilities, shape (n_samples, nClasses), each row summing to 1.</summary>
    double[][] PredictProba(float[][] x);
}

/// <summary>Helpers shared by classifiers.</summary>
public static class ClassifierExtensions
{
    /// <summary>Predicted codes: the argmax of each probability row (lowest code on ties, like numpy).</summary>
    public static int[] Predict(this IClassifier model, float[][] x) => ArgMax(model.PredictProba(x));

    /// <summary>Row-wise argmax of <paramref name="p"/>, lowest index on ties.</summary>
    public static int[] ArgMax(double[][] p) => p.Select(r =>
    {
        int best = 0;
        for (int j = 1; j < r.Length; j++) if (r[j] > r[best]) best = j;
        return best;
    }).ToArray();

    /// <summary>Scales <paramref name="r"/> to sum 1 in place (uniform when the sum is not positive); returns it.</summary>
    public static double[] Normalize(double[] r)
    {
        double s = 0;
        foreach (double v in r) s += double.IsFinite(v) && v > 0 ? v : 0;
        for (int j = 0; j < r.Length; j++) r[j] = s > 0 ? (double.IsFinite(r[j]) && r[j] > 0 ? r[j] / s : 0) : 1.0 / r.Length;
        return r;
    }

    /// <summary>Checks that x and y agree and codes are in range; throws an <see cref="AlchemyException"/> otherwise.</summary>
    public static void Validate(string model, float[][] x, int[] y, int nClasses)
    {
        if (x.Length == 0) throw new AlchemyException($"{model}: no training rows");
        if (x.Length != y.Length) throw new AlchemyException($"{model}: {x.Length} rows but {y.Length} labels");
        if (nClasses < 2) throw new AlchemyException($"{model}: need at least 2 classes, got {nClasses}");
        foreach (int c in y) if (c < 0 || c >= nClasses) throw new AlchemyException($"{model}: label code {c} outside 0..{nClasses - 1}");
    }
}
