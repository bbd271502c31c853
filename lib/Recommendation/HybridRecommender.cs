namespace AudioAlchemy.Recommendation;

/// <summary>
/// Hybrid of matrix factorisation and content: ALS factors for songs with training ratings; for cold-start songs (no
/// training ratings) the item factors and bias are predicted from the song's embedding by a ridge regression fitted on
/// the warm songs (embedding → [q_i, b_i]). The score is z(MF prediction) + <see cref="ContentWeight"/> × z(content
/// score), each z-scored over the user's items, so both parts count on the same scale.
/// </summary>
/// <param name="als">ALS options.</param>
/// <param name="contentWeight">Weight of the content part (2: chosen on the seed-2 robustness corpus, never on the evaluation corpus).</param>
/// <param name="ridge">Regularisation of the embedding → factor map.</param>
/// <param name="languageAware">Content part language-aware (<see cref="ContentRecommender"/>).</param>
/// <param name="languageWeight">Language-preference weight of the content part.</param>
public sealed class HybridRecommender(AlsOptions? als = null, double contentWeight = 2.0, double ridge = 1.0, bool languageAware = true, double languageWeight = 0.5) : IRecommender
{
    private readonly AlsRecommender _mf = new(als);
    private readonly ContentRecommender _content = new(languageAware, languageWeight);
    private double[][] _q = [];
    private double[] _b = [];

    /// <inheritdoc/>
    public string Name => "hybrid";

    /// <summary>Weight of the content part.</summary>
    public double ContentWeight => contentWeight;

    /// <summary>Item factors used (ALS for warm songs, mapped from embeddings for cold ones).</summary>
    public IReadOnlyList<double[]> ItemFactors => _q;

    /// <inheritdoc/>
    public void Fit(RatingMatrix train, SongLibrary library)
    {
        _mf.Fit(train);
        _content.Fit(train, library);
        int n = train.Items, k = _mf.Q.Length == 0 ? 0 : _mf.Q[0].Length;
        var warm = Enumerable.Range(0, n).Where(i => train.ByItem[i].Count > 0).ToList();
        var x = warm.Select(i => _content.Vectors.Rows[i].Select(v => (double)v).Append(1.0).ToArray()).ToList();
        var maps = Enumerable.Range(0, k + 1).Select(f => warm.Count == 0 ? new double[_content.Vectors.Dimension + 1]
            : RidgeSolver.Fit(x, warm.Select(i => f < k ? _mf.Q[i][f] : _mf.ItemBias[i]).ToList(), ridge)).ToArray();
        _q = new double[n][];
        _b = new double[n];
        for (int i = 0; i < n; i++)
        {
            if (train.ByItem[i].Count > 0) { _q[i] = _mf.Q[i]; _b[i] = _mf.ItemBias[i]; continue; }
            var v = _content.Vectors.Rows[i].Select(t => (double)t).Append(1.0).ToArray();
            _q[i] = maps.Take(k).Select(w => Dot(w, v)).ToArray();
            _b[i] = Dot(maps[k], v);
        }
    }

    /// <inheritdoc/>
    public double[] Score(int user)
    {
        var mf = Z(Enumerable.Range(0, _q.Length).Select(i => _mf.Predict(user, _q[i], _b[i])).ToArray());
        var content = Z(_content.Score(user));
        return mf.Select((m, i) => m + contentWeight * content[i]).ToArray();
    }

    private static double Dot(double[] a, double[] b) { double s = 0; for (int i = 0; i < a.Length; i++) s += a[i] * b[i]; return s; }

    private static double[] Z(double[] x)
    {
        double m = x.Average(), sd = Math.Sqrt(x.Sum(v => (v - m) * (v - m)) / Math.Max(1, x.Length));
        return x.Select(v => sd > 0 ? (v - m) / sd : 0).ToArray();
    }
}
