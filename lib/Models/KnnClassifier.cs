namespace AudioAlchemy.Models;

/// <summary>Options of <see cref="KnnClassifier"/> (scikit-learn KNeighborsClassifier names).</summary>
/// <param name="NNeighbors">k, number of neighbours (≥ 1).</param>
/// <param name="P">Minkowski power: 1 Manhattan, 2 Euclidean (any p ≥ 1 accepted).</param>
/// <param name="Weights"><c>uniform</c> or <c>distance</c>.</param>
public sealed record KnnOptions(int NNeighbors = 5, double P = 2, string Weights = "uniform")
{
    /// <summary>Throws when an option is out of range.</summary>
    public KnnOptions Validate()
    {
        if (NNeighbors < 1) throw new AlchemyException($"knn: n_neighbors must be >= 1, got {NNeighbors}");
        if (P < 1) throw new AlchemyException($"knn: p must be >= 1, got {P}");
        if (Weights is not ("uniform" or "distance")) throw new AlchemyException($"knn: weights must be uniform or distance, got '{Weights}'");
        return this;
    }
}

/// <summary>
/// k-nearest-neighbours classifier with scikit-learn semantics: Minkowski distance, uniform or inverse-distance
/// weights; with distance weights, training points at distance 0 take all the weight. Neighbours at equal distance
/// are taken in training-row order (scikit-learn's brute-force order among exact ties is unspecified); class ties
/// go to the lowest code, as scikit-learn's argmax.
/// </summary>
public sealed class KnnClassifier : IClassifier
{
    private readonly KnnOptions _o;
    private float[][] _x = [];
    private int[] _y = [];
    private int _nClasses;

    /// <summary>Creates an unfitted classifier.</summary>
    public KnnClassifier(KnnOptions options) => _o = options.Validate();

    /// <inheritdoc />
    public string Name => "knn";

    /// <inheritdoc />
    public void Fit(float[][] x, int[] y, int nClasses)
    {
        ClassifierExtensions.Validate(Name, x, y, nClasses);
        if (_o.NNeighbors > x.Length) throw new AlchemyException($"knn: n_neighbors={_o.NNeighbors} exceeds the {x.Length} training rows");
        (_x, _y, _nClasses) = (x, y, nClasses);
    }

    /// <inheritdoc />
    public double[][] PredictProba(float[][] x)
    {
        if (_x.Length == 0) throw new InvalidOperationException("knn: Fit before PredictProba");
        var result = new double[x.Length][];
        var dist = new double[_x.Length];
        var idx = new int[_x.Length];
        int k = _o.NNeighbors;
        for (int q = 0; q < x.Length; q++)
        {
            for (int i = 0; i < _x.Length; i++) { dist[i] = Distance(x[q], _x[i]); idx[i] = i; }
            // Partial selection of the k smallest (distance, index) pairs.
            var nearest = SelectK(dist, idx, k);
            var proba = new double[_nClasses];
            if (_o.Weights == "uniform") foreach (int i in nearest) proba[_y[i]] += 1;
            else
            {
                bool anyZero = nearest.Any(i => dist[i] == 0);
                foreach (int i in nearest) proba[_y[i]] += anyZero ? (dist[i] == 0 ? 1 : 0) : 1 / dist[i];
            }
            result[q] = ClassifierExtensions.Normalize(proba);
        }
        return result;
    }

    private static int[] SelectK(double[] dist, int[] idx, int k)
    {
        // A bounded max-heap would be faster for huge n; sorting pairs keeps ties in index order and is simple.
        var best = new List<int>(k + 1);
        for (int i = 0; i < dist.Length; i++)
        {
            if (best.Count == k && dist[i] >= dist[best[^1]]) continue;
            int pos = best.Count;
            while (pos > 0 && dist[best[pos - 1]] > dist[i]) pos--;
            best.Insert(pos, i);
            if (best.Count > k) best.RemoveAt(k);
        }
        return best.ToArray();
    }

    private double Distance(float[] a, float[] b)
    {
        double s = 0;
        if (_o.P == 2) { for (int j = 0; j < a.Length; j++) { double d = a[j] - b[j]; s += d * d; } return Math.Sqrt(s); }
        if (_o.P == 1) { for (int j = 0; j < a.Length; j++) s += Math.Abs(a[j] - b[j]); return s; }
        for (int j = 0; j < a.Length; j++) s += Math.Pow(Math.Abs(a[j] - b[j]), _o.P);
        return Math.Pow(s, 1 / _o.P);
    }
}
