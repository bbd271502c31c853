using System.Numerics;
using System.Runtime.InteropServices;

namespace AudioAlchemy.Dsp;

/// <summary>SIMD inner loops shared by the feature transforms (no allocation).</summary>
internal static class VectorOps
{
    /// <summary>y += a·x elementwise (float32), x and y of equal length.</summary>
    public static void Axpy(float a, ReadOnlySpan<float> x, Span<float> y)
    {
        int n = y.Length, i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<float>.Count)
        {
            var va = new Vector<float>(a);
            var xv = MemoryMarshal.Cast<float, Vector<float>>(x[..n]);
            var yv = MemoryMarshal.Cast<float, Vector<float>>(y);
            for (int j = 0; j < yv.Length; j++) yv[j] += va * xv[j];
            i = yv.Length * Vector<float>.Count;
        }
        for (; i < n; i++) y[i] += a * x[i];
    }

    /// <summary>Σ x[i]·y[i] accumulated in float32 lanes, then summed in double.</summary>
    public static double Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        int n = x.Length, i = 0;
        double s = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<float>.Count)
        {
            var acc = Vector<float>.Zero;
            var xv = MemoryMarshal.Cast<float, Vector<float>>(x);
            var yv = MemoryMarshal.Cast<float, Vector<float>>(y[..n]);
            for (int j = 0; j < xv.Length; j++) acc += xv[j] * yv[j];
            for (int l = 0; l < Vector<float>.Count; l++) s += acc[l];
            i = xv.Length * Vector<float>.Count;
        }
        for (; i < n; i++) s += (double)x[i] * y[i];
        return s;
    }
}
