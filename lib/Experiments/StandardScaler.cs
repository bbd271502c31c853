namespace AudioAlchemy.Experiments;

/// <summary>
/// scikit-learn's StandardScaler: per-column mean and population standard deviation (ddof 0); a column with zero
/// variance keeps scale 1. Fit on training rows only, then transform any rows.
/// </summary>
public sealed class StandardScaler
{
    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>Column means, length n_features.</summary>
    public double[] Mean { get; private set; } = [];

    /// <summary>Column scales (std, or 1 where std is 0), length n_features.</summary>
    public double[] Scale { get; private set; } = [];

    /// <summary>Learns mean and scale from <paramref name="x"/>, shape (n_samples, n_features).</summary>
    public StandardScaler Fit(IReadOnlyList<float[]> x)
    {
        if (x.Count == 0) throw new AlchemyException("cannot fit a scaler on zero rows");
        int d = x[0].Length;
        var mean = new double[d];
        foreach (var r in x) for (int j = 0; j < d; j++) mean[j] += r[j];
        for (int j = 0; j < d; j++) mean[j] /= x.Count;
        var var = new double[d];
        foreach (var r in x) for (int j = 0; j < d; j++) { double t = r[j] - mean[j]; var[j] += t * t; }
        var scale = new double[d];
        for (int j = 0; j < d; j++)
        {
            double v = var[j] / x.Count;
            // sklearn's _is_constant_feature bound: var <= n*eps*var + (n*mean*eps)^2 counts as constant.
            double bound = x.Count * MachineEpsilon * v + Math.Pow(x.Count * mean[j] * MachineEpsilon, 2);
            scale[j] = v <= bound ? 1 : Math.Sqrt(v);
        }
        Mean = mean;
        Scale = scale;
        return this;
    }

    /// <summary>Returns standardised copies of the rows of <paramref name="x"/>, shape (n_samples, n_features).</summary>
    public float[][] Transform(IReadOnlyList<float[]> x)
    {
        var result = new float[x.Count][];
        for (int i = 0; i < x.Count; i++)
        {
            var r = x[i];
            if (r.Length != Mean.Length) throw new AlchemyException($"row {i} has {r.Length} features, the scaler was fitted on {Mean.Length}");
            var o = new float[r.Length];
            for (int j = 0; j < r.Length; j++) o[j] = (float)((r[j] - Mean[j]) / Scale[j]);
            result[i] = o;
        }
        return result;
    }
}
