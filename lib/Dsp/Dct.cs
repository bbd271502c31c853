namespace AudioAlchemy.Dsp;

/// <summary>
/// DCT type II along the rows of a matrix (scipy <c>dct(x, type=2, axis=-2, norm)</c>), truncated to the first
/// <see cref="OutputSize"/> coefficients; the cosine table is built once. With <c>ortho</c>: factor √(1/N) for k = 0 and
/// √(2/N) otherwise; without: 2·Σ x[n]·cos(πk(2n+1)/(2N)).
/// </summary>
public sealed class Dct
{
    private readonly double[] table; // (outputSize, n)

    /// <summary>Builds the table for inputs of <paramref name="n"/> rows and <paramref name="outputSize"/> kept coefficients.</summary>
    public Dct(int n, int outputSize, bool ortho = true)
    {
        if (n < 1) throw new ParameterException($"DCT length must be >= 1 (got {n})");
        if (outputSize < 1 || outputSize > n) throw new ParameterException($"number of coefficients must be in 1..{n} (got {outputSize})");
        N = n;
        OutputSize = outputSize;
        table = new double[outputSize * n];
        for (int k = 0; k < outputSize; k++)
        {
            double f = ortho ? (k == 0 ? Math.Sqrt(1.0 / n) : Math.Sqrt(2.0 / n)) : 2.0;
            for (int i = 0; i < n; i++) table[k * n + i] = f * Math.Cos(Math.PI * k * (2 * i + 1) / (2.0 * n));
        }
    }

    /// <summary>Input length (rows of the input).</summary>
    public int N { get; }

    /// <summary>Number of coefficients produced.</summary>
    public int OutputSize { get; }

    /// <summary>DCT of each column of <paramref name="x"/> (shape (N, frames)) → shape (OutputSize, frames).</summary>
    public Matrix Apply(Matrix x)
    {
        if (x.Rows != N) throw new ParameterException($"input has {x.Rows} rows, DCT expects {N}");
        int T = x.Cols;
        var o = new Matrix(OutputSize, T);
        var acc = new double[T];
        for (int k = 0; k < OutputSize; k++)
        {
            Array.Clear(acc);
            for (int i = 0; i < N; i++)
            {
                double c = table[k * N + i];
                var row = x.Row(i);
                for (int t = 0; t < T; t++) acc[t] += c * row[t];
            }
            var orow = o.Row(k);
            for (int t = 0; t < T; t++) orow[t] = (float)acc[t];
        }
        return o;
    }
}
