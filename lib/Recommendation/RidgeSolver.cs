namespace AudioAlchemy.Recommendation;

/// <summary>Small dense least squares: solves (XᵀX + λI) w = Xᵀy by Cholesky decomposition (the ALS and embedding-map step).</summary>
public static class RidgeSolver
{
    /// <summary>
    /// Solves the symmetric positive definite system <paramref name="a"/> w = <paramref name="b"/> in place of a copy
    /// (<paramref name="a"/> is d×d row-major). Throws when <paramref name="a"/> is not positive definite.
    /// </summary>
    public static double[] SolveSpd(double[] a, double[] b)
    {
        int d = b.Length;
        if (a.Length != d * d) throw new ArgumentException($"matrix has {a.Length} values, expected {d}×{d}");
        var l = new double[d * d];
        for (int i = 0; i < d; i++)
            for (int j = 0; j <= i; j++)
            {
                double s = a[i * d + j];
                for (int k = 0; k < j; k++) s -= l[i * d + k] * l[j * d + k];
                if (i == j)
                {
                    if (!(s > 0)) throw new AlchemyException($"ridge solve: matrix not positive definite (pivot {i} = {s}); increase the regularisation");
                    l[i * d + i] = Math.Sqrt(s);
                }
                else l[i * d + j] = s / l[j * d + j];
            }
        var y = new double[d];
        for (int i = 0; i < d; i++)
        {
            double s = b[i];
            for (int k = 0; k < i; k++) s -= l[i * d + k] * y[k];
            y[i] = s / l[i * d + i];
        }
        var x = new double[d];
        for (int i = d - 1; i >= 0; i--)
        {
            double s = y[i];
            for (int k = i + 1; k < d; k++) s -= l[k * d + i] * x[k];
            x[i] = s / l[i * d + i];
        }
        return x;
    }

    /// <summary>Ridge regression weights for rows <paramref name="x"/> (n×d) and targets <paramref name="y"/>: (XᵀX + λI)⁻¹ Xᵀy.</summary>
    public static double[] Fit(IReadOnlyList<double[]> x, IReadOnlyList<double> y, double lambda)
    {
        int d = x.Count == 0 ? 0 : x[0].Length;
        var a = new double[d * d];
        var b = new double[d];
        for (int n = 0; n < x.Count; n++)
        {
            var r = x[n];
            for (int i = 0; i < d; i++)
            {
                b[i] += r[i] * y[n];
                for (int j = 0; j <= i; j++) a[i * d + j] += r[i] * r[j];
            }
        }
        for (int i = 0; i < d; i++)
        {
            a[i * d + i] += lambda;
            for (int j = 0; j < i; j++) a[j * d + i] = a[i * d + j];
        }
        return SolveSpd(a, b);
    }
}
