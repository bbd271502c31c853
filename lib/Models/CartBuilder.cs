namespace AudioAlchemy.Models;

/// <summary>
/// Grows one CART classification tree the way scikit-learn's <c>DepthFirstTreeBuilder</c> + <c>BestSplitter</c> do:
/// Gini impurity on (bootstrap-)weighted samples; at each node up to <c>max_features</c> non-constant features are
/// drawn without replacement (constant ones do not count); for each, the node's samples are sorted by the feature
/// and every boundary between distinct values (gap &gt; 1e-7) leaving ≥ min_samples_leaf samples per side is scored;
/// the best proxy improvement wins (first found on ties); the threshold is the midpoint of the two values. Nodes
/// stop at max_depth, below min_samples_split or 2·min_samples_leaf samples, or when pure. Column-major data and
/// reusable buffers: one builder per thread, reused across trees.
/// </summary>
internal sealed class CartBuilder
{
    private const double FeatureThreshold = 1e-7;
    private const double Epsilon = 2.220446049250313e-16;
    private readonly float[][] _cols;
    private readonly int[] _y;
    private readonly int _k;
    private readonly int _nFeatures;
    private readonly RandomForestOptions _o;
    private readonly int _maxFeatures;
    private readonly int[] _samples;
    private readonly float[] _xf;
    private readonly int[] _features;
    private readonly double[] _w;
    private readonly double[] _left;
    private readonly double[] _total;
    private readonly double[] _rightTmp;

    public CartBuilder(float[][] columns, int[] y, int nClasses, RandomForestOptions options)
    {
        _cols = columns;
        _y = y;
        _k = nClasses;
        _nFeatures = columns.Length;
        _o = options;
        _maxFeatures = options.FeaturesPerSplit(_nFeatures);
        int n = y.Length;
        _samples = new int[n];
        _xf = new float[n];
        _features = new int[_nFeatures];
        _w = new double[n];
        _left = new double[nClasses];
        _total = new double[nClasses];
        _rightTmp = new double[nClasses];
    }

    /// <summary>Grows a tree on rows with positive <paramref name="weights"/> (length n; bootstrap count × class weight).</summary>
    public CartTree Build(double[] weights, Random rng)
    {
        int n = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            _w[i] = weights[i];
            if (weights[i] > 0) _samples[n++] = i;
        }
        var nodes = new NodeList(_k);
        var importances = new double[_nFeatures];
        var stack = new Stack<(int Start, int End, int Depth, int Parent, bool IsLeft)>();
        stack.Push((0, n, 0, -1, false));
        double rootWeight = 0;
        var counts = new double[_k];
        while (stack.Count > 0)
        {
            var (start, end, depth, parent, isLeft) = stack.Pop();
            Array.Clear(counts);
            double wn = 0;
            for (int p = start; p < end; p++) { int s = _samples[p]; counts[_y[s]] += _w[s]; wn += _w[s]; }
            double impurity = Gini(counts, wn);
            int node = nodes.Add(counts, wn, parent, isLeft);
            if (parent < 0) rootWeight = wn;
            int size = end - start;
            bool leaf = (_o.MaxDepth is { } md && depth >= md) || size < _o.MinSamplesSplit || size < 2 * _o.MinSamplesLeaf
                || impurity <= Epsilon;
            if (!leaf && FindSplit(start, end, counts, wn, rng, out int feature, out double threshold, out int pos,
                    out double impL, out double impR, out double wl))
            {
                nodes.SetSplit(node, feature, threshold);
                importances[feature] += wn * impurity - wl * impL - (wn - wl) * impR;
                stack.Push((pos, end, depth + 1, node, false));
                stack.Push((start, pos, depth + 1, node, true));
            }
        }
        double sum = 0;
        for (int f = 0; f < importances.Length; f++) { importances[f] /= rootWeight; sum += importances[f]; }
        if (sum > 0) for (int f = 0; f < importances.Length; f++) importances[f] /= sum;
        return nodes.ToTree(importances);
    }

    private static double Gini(double[] counts, double w)
    {
        if (w <= 0) return 0;
        double sq = 0;
        foreach (double c in counts) sq += c * c;
        return 1.0 - sq / (w * w);
    }

    private bool FindSplit(int start, int end, double[] total, double wTotal, Random rng, out int bestFeature, out double bestThreshold,
        out int bestPos, out double bestImpL, out double bestImpR, out double bestWl)
    {
        bestFeature = -1; bestThreshold = 0; bestPos = end; bestImpL = bestImpR = 0; bestWl = 0;
        double bestProxy = double.NegativeInfinity;
        for (int f = 0; f < _nFeatures; f++) _features[f] = f;
        int visited = 0, remaining = _nFeatures;
        int minLeaf = _o.MinSamplesLeaf;
        var samples = _samples;
        var xf = _xf;
        var w = _w;
        var y = _y;
        var left = _left;
        while (remaining > 0 && visited < _maxFeatures)
        {
            int j = rng.Next(remaining);
            int feature = _features[j];
            _features[j] = _features[--remaining];
            _features[remaining] = feature;
            var col = _cols[feature];
            for (int p = start; p < end; p++) xf[p] = col[samples[p]];
            Array.Sort(xf, samples, start, end - start);
            if (xf[end - 1] <= xf[start] + FeatureThreshold) continue; // constant here: does not count
            visited++;
            Array.Clear(left);
            double wl = 0, sqL = 0, sqR = 0;
            for (int c = 0; c < _k; c++) sqR += total[c] * total[c];
            int p0 = start;
            while (p0 < end)
            {
                // Move samples of one run of (nearly) equal values to the left side.
                int p = p0;
                while (p + 1 < end && xf[p + 1] <= xf[p] + FeatureThreshold) p++;
                p++;
                for (int q = p0; q < p; q++)
                {
                    int s = samples[q];
                    double ws = w[s];
                    int c = y[s];
                    double l = left[c], r = total[c] - l;
                    sqL += ws * (2 * l + ws);
                    sqR += ws * (ws - 2 * r);
                    left[c] = l + ws;
                    wl += ws;
                }
                p0 = p;
                if (p >= end) break;
                if (p - start < minLeaf || end - p < minLeaf) continue;
                double wr = wTotal - wl;
                if (wl <= 0 || wr <= 0) continue;
                double proxy = sqL / wl + sqR / wr;
                if (proxy > bestProxy)
                {
                    bestProxy = proxy;
                    bestFeature = feature;
                    bestPos = p;
                    double thr = xf[p - 1] / 2.0 + xf[p] / 2.0;
                    if (thr == xf[p] || double.IsInfinity(thr)) thr = xf[p - 1];
                    bestThreshold = thr;
                    bestWl = wl;
                    bestImpL = 1.0 - sqL / (wl * wl);
                    bestImpR = 1.0 - sqR / (wr * wr);
                }
            }
        }
        if (bestFeature < 0) return false;
        // Partition the node's samples by the chosen split (the last sort may have been another feature).
        var bc = _cols[bestFeature];
        int lo = start, hi = end;
        while (lo < hi)
        {
            if (bc[samples[lo]] <= bestThreshold) lo++;
            else { hi--; (samples[lo], samples[hi]) = (samples[hi], samples[lo]); }
        }
        bestPos = lo;
        // Recompute the children's impurities exactly from the partition (tiny float drift otherwise).
        Array.Clear(left);
        double wLeft = 0;
        for (int p = start; p < lo; p++) { int s = samples[p]; left[y[s]] += w[s]; wLeft += w[s]; }
        for (int c = 0; c < _k; c++) _rightTmp[c] = total[c] - left[c];
        bestWl = wLeft;
        bestImpL = Gini(left, wLeft);
        bestImpR = Gini(_rightTmp, wTotal - wLeft);
        return lo > start && lo < end;
    }

    /// <summary>Growable node arrays.</summary>
    private sealed class NodeList(int k)
    {
        private readonly List<int> _feature = [];
        private readonly List<double> _threshold = [];
        private readonly List<int> _left = [];
        private readonly List<int> _right = [];
        private readonly List<double> _value = [];

        public int Add(double[] counts, double w, int parent, bool isLeft)
        {
            int id = _feature.Count;
            _feature.Add(-1);
            _threshold.Add(-2);
            _left.Add(-1);
            _right.Add(-1);
            for (int c = 0; c < k; c++) _value.Add(w > 0 ? counts[c] / w : 0);
            if (parent >= 0)
            {
                if (isLeft) _left[parent] = id;
                else _right[parent] = id;
            }
            return id;
        }

        public void SetSplit(int node, int feature, double threshold)
        {
            _feature[node] = feature;
            _threshold[node] = threshold;
        }

        public CartTree ToTree(double[] importances) =>
            new([.. _feature], [.. _threshold], [.. _left], [.. _right], [.. _value], k, importances);
    }
}
