namespace AudioAlchemy.Dsp;

/// <summary>A complex64 matrix (float32 real and imaginary parts), shape (bins, frames), as <c>librosa.stft</c> returns.</summary>
public sealed class ComplexMatrix
{
    /// <summary>Creates a zero matrix of shape (<paramref name="rows"/>, <paramref name="cols"/>).</summary>
    public ComplexMatrix(int rows, int cols)
    {
        Rows = rows;
        Cols = cols;
        Real = new float[rows * cols];
        Imag = new float[rows * cols];
    }

    /// <summary>Frequency bins, 1 + n_fft/2.</summary>
    public int Rows { get; }

    /// <summary>Frames.</summary>
    public int Cols { get; }

    /// <summary>Real parts, row-major.</summary>
    public float[] Real { get; }

    /// <summary>Imaginary parts, row-major.</summary>
    public float[] Imag { get; }

    /// <summary><c>np.abs(S) ** power</c> in float32, shape (bins, frames). power 1 = magnitude, 2 = power.</summary>
    public Matrix Magnitude(double power = 1.0)
    {
        var m = new Matrix(Rows, Cols);
        var d = m.Data;
        for (int i = 0; i < d.Length; i++)
        {
            float a = (float)Math.Sqrt((double)Real[i] * Real[i] + (double)Imag[i] * Imag[i]);
            d[i] = power == 1.0 ? a : power == 2.0 ? a * a : (float)Math.Pow(a, power);
        }
        return m;
    }
}
