namespace AudioAlchemy.Dsp;

/// <summary>
/// A dense row-major float32 matrix, the shape librosa returns for spectrogram-like features:
/// rows = bins/bands/coefficients, columns = frames, e.g. a mel spectrogram is (n_mels, frames).
/// </summary>
public sealed class Matrix
{
    /// <summary>Creates a zero matrix of shape (<paramref name="rows"/>, <paramref name="cols"/>).</summary>
    public Matrix(int rows, int cols) : this(rows, cols, new float[checked(rows * cols)]) { }

    /// <summary>Wraps row-major <paramref name="data"/> of shape (<paramref name="rows"/>, <paramref name="cols"/>) without copying.</summary>
    public Matrix(int rows, int cols, float[] data)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(cols);
        if (data.Length != rows * cols) throw new ParameterException($"data has {data.Length} values, shape ({rows}, {cols}) needs {rows * cols}");
        Rows = rows;
        Cols = cols;
        Data = data;
    }

    /// <summary>Number of rows (bins, bands, coefficients).</summary>
    public int Rows { get; }

    /// <summary>Number of columns (frames).</summary>
    public int Cols { get; }

    /// <summary>Row-major storage, length Rows × Cols.</summary>
    public float[] Data { get; }

    /// <summary>Element at row <paramref name="r"/>, column <paramref name="c"/>.</summary>
    public float this[int r, int c]
    {
        get => Data[r * Cols + c];
        set => Data[r * Cols + c] = value;
    }

    /// <summary>Row <paramref name="r"/> as a span over the storage.</summary>
    public Span<float> Row(int r) => Data.AsSpan(r * Cols, Cols);

    /// <summary>Column <paramref name="c"/> copied into a new array (length Rows).</summary>
    public float[] Column(int c)
    {
        var col = new float[Rows];
        for (int r = 0; r < Rows; r++) col[r] = Data[r * Cols + c];
        return col;
    }

    /// <summary>Largest element (NaN-free input assumed); −∞ for an empty matrix.</summary>
    public float Max()
    {
        float m = float.NegativeInfinity;
        foreach (var v in Data) if (v > m) m = v;
        return m;
    }

    /// <summary>A deep copy.</summary>
    public Matrix Clone() => new(Rows, Cols, (float[])Data.Clone());
}
