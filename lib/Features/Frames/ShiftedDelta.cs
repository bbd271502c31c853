using AudioAlchemy.Dsp;

namespace AudioAlchemy.Features.Frames;

/// <summary>Shifted-delta cepstra (SDC) of a cepstrogram.</summary>
public static class ShiftedDelta
{
    /// <summary>
    /// SDC of <paramref name="cepstra"/> (n_coefficients, frames) → (N·K, frames): block i (0 ≤ i &lt; K) of frame t is
    /// c(t + iP + d) − c(t + iP − d) over the first N coefficients, frame indices clamped to [0, frames − 1]
    /// (the edge frame repeats, as numpy's <c>mode='edge'</c> padding would). Row <c>i·N + j</c> is coefficient j of block i.
    /// </summary>
    public static Matrix Compute(Matrix cepstra, ShiftedDeltaOptions? options = null)
    {
        var o = (options ?? new ShiftedDeltaOptions()).Validate();
        if (o.N > cepstra.Rows) throw new AlchemyException($"sdc: N = {o.N} exceeds the {cepstra.Rows} cepstral coefficients");
        int T = cepstra.Cols;
        var result = new Matrix(o.Dimension, T);
        if (T == 0) return result;
        for (int i = 0; i < o.K; i++)
            for (int j = 0; j < o.N; j++)
            {
                var c = cepstra.Row(j);
                var dst = result.Row(i * o.N + j);
                for (int t = 0; t < T; t++)
                {
                    int centre = t + i * o.P;
                    dst[t] = c[Math.Clamp(centre + o.D, 0, T - 1)] - c[Math.Clamp(centre - o.D, 0, T - 1)];
                }
            }
        return result;
    }
}
