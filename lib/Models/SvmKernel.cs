namespace AudioAlchemy.Models;

/// <summary>Kernel of <see cref="SvcClassifier"/>, libsvm's kernel types.</summary>
/// <param name="Type"><c>rbf</c> exp(−γ‖x−x'‖²), <c>linear</c> ⟨x,x'⟩, <c>poly</c> (γ⟨x,x'⟩ + coef0)^degree, <c>sigmoid</c> tanh(γ⟨x,x'⟩ + coef0).</param>
/// <param name="Gamma">γ (already resolved from 'scale'/'auto').</param>
/// <param name="Degree">Polynomial degree.</param>
/// <param name="Coef0">Independent term of poly/sigmoid.</param>
public sealed record SvmKernel(string Type, double Gamma, int Degree = 3, double Coef0 = 0)
{
    /// <summary>K(a, b) in double precision, as libsvm's dense kernel.</summary>
    public double Eval(double[] a, double[] b, double sqA, double sqB) => Type switch
    {
        "rbf" => Math.Exp(-Gamma * (sqA + sqB - 2 * Dot(a, b))),
        "linear" => Dot(a, b),
        "poly" => Pow(Gamma * Dot(a, b) + Coef0, Degree),
        "sigmoid" => Math.Tanh(Gamma * Dot(a, b) + Coef0),
        _ => throw new AlchemyException($"svc: unknown kernel '{Type}'"),
    };

    /// <summary>Dot product in double.</summary>
    public static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
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
