namespace AudioAlchemy.Audio;

/// <summary>
/// An n-dimensional array read from or written to NumPy's <c>.npy</c> format (C order). Values are held as
/// double (exact for float32, float64, bool and integers up to 2^53); <see cref="DType"/> records the file's type.
/// </summary>
/// <param name="Shape">Dimensions, outermost first; empty for a scalar.</param>
/// <param name="Data">Values in C (row-major) order; length = product of <paramref name="Shape"/>.</param>
/// <param name="DType">NumPy dtype string, e.g. "&lt;f4", "&lt;f8", "&lt;i8", "|b1".</param>
public sealed record NpyArray(int[] Shape, double[] Data, string DType)
{
    /// <summary>Number of elements.</summary>
    public long Count => Data.LongLength;

    /// <summary>The values as float32.</summary>
    public float[] ToFloat() => Array.ConvertAll(Data, v => (float)v);

    /// <summary>Element (i, j) of a 2-D array.</summary>
    public double this[int i, int j] => Shape.Length == 2 ? Data[(long)i * Shape[1] + j] : throw new InvalidOperationException($"array has {Shape.Length} dimensions, not 2");

    /// <summary>Row <paramref name="i"/> of a 2-D array.</summary>
    public double[] Row(int i) => Data.AsSpan(i * Shape[1], Shape[1]).ToArray();
}
