namespace AudioAlchemy.Models;

/// <summary>Kernel of <see cref="SvcClassifier"/>, libsvm's kernel types.</summary>
/// <param name="Type"><c>rbf</c> exp(−γ‖x−x'‖²), <c>linear</c> ⟨x,x'⟩, <c>poly</c> (γ⟨x,x'⟩ + coef0)^degree, <c>sigmoid</c> tanh(γ⟨x,x'⟩ + coef0).</param>
/// <param name="Gamma">γ (already resolved from 'scale'/'auto').</param>
/// <param name="Degree">Polynomial degree.</param>
/// <param name="Coef0">Independent term of poly/sigmoid.</param>
public sealed record SvmKernel(string Type, double Gamma, int Degree = 3, double Coef0 = 0)
{
    private enum Kind { Rbf, Linear, Poly, Sigmoid }

    // Type parsed once: Eval runs millions of times per fit.
    private readonly Kind _kind = Type switch
    {
        "rbf" => Kind.Rbf,
        "linear" => Kind.Linear,
        "poly" => Kind.Poly,
        "sigmoid" => Kind.Sigmoid,
        _ => throw new AlchemyException($"svc: unknown kernel '{Type}'"),
    };

    /// <summary>K(a, b) in double precision, as libsvm's dense kernel (sklearn's takes the dot product from BLAS).</summary>
    public double Eval(double[] a, double[] b, double sqA, double sqB) => _kind switch
    {
        Kind.Rbf => Math.Exp(-Gamma * (sqA + sqB - 2 * Dot(a, b))),
        Kind.Linear => Dot(a, b),
        Kind.Poly => Pow(Gamma * Dot(a, b) + Coef0, Degree),
        _ => Math.Tanh(Gamma * Dot(a, b) + Coef0),
    };

    /// <summary>Dot product in double: four SIMD accumulators, as a BLAS ddot (the order of additions differs
    /// from a sequential loop only in rounding).</summary>
    public static double Dot(double[] a, double[] b)
    {
        int n = Math.Min(a.Length, b.Length), i = 0;
        double s = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated && n >= 4 * System.Numerics.Vector<double>.Count)
        {
            int w = System.Numerics.Vector<double>.Count;
            var sa = System.Runtime.InteropServices.MemoryMarshal.Cast<double, System.Numerics.Vector<double>>(a.AsSpan(0, n));
            var sb = System.Runtime.InteropServices.MemoryMarshal.Cast<double, System.Numerics.Vector<double>>(b.AsSpan(0, n));
            System.Numerics.Vector<double> v0 = default, v1 = default, v2 = default, v3 = default;
            int k = 0;
            for (; k + 4 <= sa.Length; k += 4)
            {
                v0 += sa[k] * sb[k];
                v1 += sa[k + 1] * sb[k + 1];
                v2 += sa[k + 2] * sb[k + 2];
                v3 += sa[k + 3] * sb[k + 3];
            }
            for (; k < sa.Length; k++) v0 += sa[k] * sb[k];
            s = System.Numerics.Vector.Sum((v0 + v1) + (v2 + v3));
            i = sa.Length * w;
        }
        for (; i < n; i++) s += a[i] * b[i];
        return s;
    }

    /// <summary>libsvm's powi: repeated squaring.</summary>
    private static double Pow(double b, int times)
    {
        double tmp = b, ret = 1.0;
        for (int t = times; t > 0; t /= 2)
        {
            if (t % 2 == 1) ret *= tmp;
            tmp *= tmp;
        }
        return ret;
    }
}
