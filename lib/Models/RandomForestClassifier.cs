namespace AudioAlchemy.Models;

/// <summary>
/// Random forest with scikit-learn's <c>RandomForestClassifier</c> semantics (model kind <c>rf</c>): each tree is a
/// CART tree (<see cref="CartBuilder"/>: Gini, best split over <c>max_features</c> random features per node, fully
/// grown by default) on a bootstrap sample (n draws with replacement, duplicates as sample weights);
/// <see cref="PredictProba"/> is the mean over trees of each leaf's class fractions (sklearn's predict_proba),
/// the prediction its argmax. Trees are built in parallel, each from its own seed derived from the forest seed,
/// so results do not depend on the thread count. Not bit-identical to scikit-learn (numpy's RNG streams differ),
/// the same algorithm: accuracies agree within the sampling noise (docs/experiments.md).
/// </summary>
public sealed class RandomForestClassifier : IClassifier
{
    private readonly RandomForestOptions _o;
    private readonly int _seed;
    private CartTree[] _trees = [];
    private int _nClasses;
    private int _nFeatures;

    /// <summary>Creates an unfitted forest.</summary>
    public RandomForestClassifier(RandomForestOptions options, int seed = 0)
    {
        _o = options.Validate();
        _seed = seed;
    }

    /// <inheritdoc />
    public string Name => "rf";

    /// <summary>The fitted trees.</summary>
    public IReadOnlyList<CartTree> Trees => _trees;

    /// <summary>
    /// Mean-decrease-in-impurity importances (sklearn's <c>feature_importances_</c>): the mean over trees with a split
    /// of each tree's normalised importances, renormalised to sum 1.
    /// </summary>
    public double[] FeatureImportances
    {
        get
        {
            var sum = new double[_nFeatures];
            int used = 0;
            foreach (var t in _trees)
            {
                if (t.NodeCount <= 1) continue;
                used++;
                for (int f = 0; f < _nFeatures; f++) sum[f] += t.Importances[f];
            }
            double total = 0;
            for (int f = 0; f < _nFeatures; f++) total += sum[f] /= Math.Max(1, used);
            if (total > 0) for (int f = 0; f < _nFeatures; f++) sum[f] /= total;
            return sum;
        }
    }

    /// <inheritdoc />
    public void Fit(float[][] x, int[] y, int nClasses)
    {
        ClassifierExtensions.Validate(Name, x, y, nClasses);
        int n = x.Length, d = x[0].Length;
        var cols = new float[d][];
        for (int f = 0; f < d; f++) cols[f] = new float[n];
        for (int i = 0; i < n; i++)
        {
            var row = x[i];
            if (row.Length != d) throw new AlchemyException($"rf: row {i} has {row.Length} features, expected {d}");
            for (int f = 0; f < d; f++)
            {
                float v = row[f];
                if (!float.IsFinite(v)) throw new AlchemyException($"rf: row {i}, feature {f} is {v} (impute or drop it first)");
                cols[f][i] = v;
            }
        }
        var classWeight = _o.ClassWeight == "balanced" ? Balanced(y, Enumerable.Repeat(1.0, n).ToArray(), nClasses) : null;
        var trees = new CartTree[_o.NEstimators];
        var seeds = TreeSeeds(_seed, _o.NEstimators);
        var po = new ParallelOptions { MaxDegreeOfParallelism = _o.Threads };
        Parallel.For(0, trees.Length, po, () => (builder: new CartBuilder(cols, y, nClasses, _o), weights: new double[n]), (t, _, state) =>
        {
            var rng = new Random(seeds[t]);
            var w = state.weights;
            if (_o.Bootstrap)
            {
                Array.Clear(w);
                for (int i = 0; i < n; i++) w[rng.Next(n)] += 1;
            }
            else Array.Fill(w, 1.0);
            var cw = _o.ClassWeight == "balanced_subsample" ? Balanced(y, w, nClasses) : classWeight;
            if (cw is not null) for (int i = 0; i < n; i++) w[i] *= cw[y[i]];
            trees[t] = state.builder.Build(w, rng);
            return state;
        }, _ => { });
        (_trees, _nClasses, _nFeatures) = (trees, nClasses, d);
    }

    /// <inheritdoc />
    public double[][] PredictProba(float[][] x)
    {
        if (_trees.Length == 0) throw new InvalidOperationException("rf: Fit before PredictProba");
        var result = new double[x.Length][];
        Parallel.For(0, x.Length, new ParallelOptions { MaxDegreeOfParallelism = _o.Threads }, i =>
        {
            var row = x[i];
            if (row.Length != _nFeatures) throw new AlchemyException($"rf: row {i} has {row.Length} features, expected {_nFeatures}");
            var p = new double[_nClasses];
            foreach (var t in _trees)
            {
                int leaf = t.Apply(row) * _nClasses;
                for (int c = 0; c < _nClasses; c++) p[c] += t.Value[leaf + c];
            }
            for (int c = 0; c < _nClasses; c++) p[c] /= _trees.Length;
            result[i] = p;
        });
        return result;
    }

    /// <summary>sklearn's compute_class_weight('balanced') on weighted counts: W / (k · W_c), 0 for absent classes.</summary>
    private static double[] Balanced(int[] y, double[] w, int k)
    {
        var count = new double[k];
        double total = 0;
        for (int i = 0; i < y.Length; i++) { count[y[i]] += w[i]; total += w[i]; }
        int present = count.Count(c => c > 0);
        return count.Select(c => c > 0 ? total / (present * c) : 0).ToArray();
    }

    /// <summary>Per-tree seeds from the forest seed (SplitMix64), independent of the thread schedule.</summary>
    private static int[] TreeSeeds(int seed, int n)
    {
        var s = new int[n];
        ulong z = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL;
        for (int i = 0; i < n; i++)
        {
            z += 0x9E3779B97F4A7C15UL;
            ulong r = z;
            r = (r ^ (r >> 30)) * 0xBF58476D1CE4E5B9UL;
            r = (r ^ (r >> 27)) * 0x94D049BB133111EBUL;
            s[i] = (int)((r ^ (r >> 31)) & 0x7FFFFFFF);
        }
        return s;
    }
}
