namespace AudioAlchemy.Separation;

/// <summary><c>librosa.util.softmask</c> for float32 arrays.</summary>
public static class SoftMask
{
    private const float Tiny = 1.17549435e-38f; // np.finfo(float32).tiny

    /// <summary>
    /// mask = (X/Z)^p / ((X/Z)^p + (Xref/Z)^p) with Z = max(X, Xref); where Z &lt; float32 tiny the mask is 0 (or 0.5 with
    /// <paramref name="splitZeros"/>). <paramref name="x"/> and <paramref name="reference"/> are non-negative, same length;
    /// the result (same length) is written into <paramref name="mask"/>, which may alias <paramref name="x"/>.
    /// </summary>
    public static void Compute(ReadOnlySpan<float> x, ReadOnlySpan<float> reference, Span<float> mask, double power, bool splitZeros = false)
    {
        if (x.Length != reference.Length || mask.Length != x.Length)
            throw new ParameterException($"shape mismatch: {x.Length} != {reference.Length} (mask {mask.Length})");
        if (!(power > 0)) throw new ParameterException($"power must be strictly positive (got {power})");
        bool square = power == 2.0;
        for (int i = 0; i < x.Length; i++)
        {
            float a = x[i], b = reference[i];
            if (a < 0 || b < 0) throw new ParameterException("X and X_ref must be non-negative");
            float z = Math.Max(a, b);
            if (z < Tiny) { mask[i] = splitZeros ? 0.5f : 0f; continue; }
            float ma = a / z, mb = b / z;
            if (square) { ma *= ma; mb *= mb; }
            else { ma = (float)Math.Pow(ma, power); mb = (float)Math.Pow(mb, power); }
            mask[i] = ma / (ma + mb);
        }
    }
}
