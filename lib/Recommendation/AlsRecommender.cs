namespace AudioAlchemy.Recommendation;

/// <summary>
/// Matrix factorisation by alternating least squares on explicit ratings: r̂(u,i) = μ + b_u + b_i + p_u·q_i. Each sweep
/// solves, per user, the ridge problem min Σ_i (r_ui − μ − b_i − q_i·p_u − b_u)² + λ(|p_u|² + b_u²) with the items fixed,
/// then the same per item with the users fixed (<see cref="SolveUser"/>). Items without training ratings keep q_i = 0
/// and b_i = 0 (a pure MF model cannot tell cold-start songs apart).
/// </summary>
public sealed class AlsRecommender(AlsOptions? options = null) : IRecommender
{
    private readonly AlsOptions _o = (options ?? new AlsOptions()).Validate();

    /// <inheritdoc/>
    public string Name => "als";

    /// <summary>Mean subtracted before fitting (0 without <see cref="AlsOptions.CenterOnMean"/>).</summary>
    public double Mu { get; private set; }

    /// <summary>User factors (users × factors).</summary>
    public double[][] P { get; private set; } = [];

    /// <summary>Item factors (items × factors).</summary>
    public double[][] Q { get; private set; } = [];

    /// <summary>User biases.</summary>
    public double[] UserBias { get; private set; } = [];

    /// <summary>Item biases.</summary>
    public double[] ItemBias { get; private set; } = [];

    /// <summary>Root-mean-square error on the training ratings after each sweep.</summary>
    public IReadOnlyList<double> TrainRmse { get; private set; } = [];

    /// <inheritdoc/>
    public void Fit(RatingMatrix train, SongLibrary library) => Fit(train);

    /// <summary>Fits on <paramref name="train"/>.</summary>
    public void Fit(RatingMatrix train)
    {
        int k = _o.Factors, nu = train.Users.Count, ni = train.Items;
        var rng = new Random(_o.Seed);
        Mu = _o.CenterOnMean ? train.GlobalMean : 0;
        P = Enumerable.Range(0, nu).Select(_ => new double[k]).ToArray();
        Q = Enumerable.Range(0, ni).Select(i => train.ByItem[i].Count == 0 ? new double[k] : Enumerable.Range(0, k).Select(_ => 0.1 * Normal.Next(rng)).ToArray()).ToArray();
        UserBias = new double[nu];
        ItemBias = new double[ni];
        var rmse = new List<double>();
        for (int it = 0; it < _o.Iterations; it++)
        {
            for (int u = 0; u < nu; u++)
            {
                if (train.ByUser[u].Count == 0) continue;
                var (p, b) = SolveUser(train.ByUser[u].Select(r => (Q[r.Item], r.Value - Mu - ItemBias[r.Item])).ToList(), _o.Lambda, _o.Biases);
                P[u] = p; UserBias[u] = b;
            }
            for (int i = 0; i < ni; i++)
            {
                if (train.ByItem[i].Count == 0) continue;
                var (q, b) = SolveUser(train.ByItem[i].Select(r => (P[r.User], r.Value - Mu - UserBias[r.User])).ToList(), _o.Lambda, _o.Biases);
                Q[i] = q; ItemBias[i] = b;
            }
            double se = 0;
            for (int u = 0; u < nu; u++) foreach (var (i, v) in train.ByUser[u]) { double e = v - Predict(u, i); se += e * e; }
            rmse.Add(Math.Sqrt(se / Math.Max(1, train.Count)));
        }
        TrainRmse = rmse;
    }

    /// <summary>Predicted rating of user <paramref name="u"/> for item <paramref name="i"/>.</summary>
    public double Predict(int u, int i) => Predict(u, Q[i], ItemBias[i]);

    /// <summary>Predicted rating of user <paramref name="u"/> for an item with factors <paramref name="q"/> and bias <paramref name="itemBias"/>.</summary>
    public double Predict(int u, IReadOnlyList<double> q, double itemBias)
    {
        double s = Mu + UserBias[u] + itemBias;
        for (int f = 0; f < q.Count; f++) s += P[u][f] * q[f];
        return s;
    }

    /// <inheritdoc/>
    public double[] Score(int user) => Enumerable.Range(0, Q.Length).Select(i => Predict(user, i)).ToArray();

    /// <summary>
    /// One ridge solve of ALS: given the other side's fixed vectors x_j and targets y_j, the factors p (and bias b when
    /// <paramref name="bias"/>) minimising Σ_j (y_j − x_j·p − b)² + λ(|p|² + b²). With no observations, p = 0 and b = 0.
    /// </summary>
    public static (double[] Factors, double Bias) SolveUser(IReadOnlyList<(double[] X, double Y)> observations, double lambda, bool bias)
    {
        int k = observations.Count == 0 ? 0 : observations[0].X.Length;
        if (observations.Count == 0) return (Array.Empty<double>(), 0);
        var rows = observations.Select(o => bias ? [.. o.X, 1.0] : o.X).ToList();
        var w = RidgeSolver.Fit(rows, observations.Select(o => o.Y).ToList(), lambda);
        return bias ? (w[..k], w[k]) : (w, 0);
    }
}
