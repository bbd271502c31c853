namespace AudioAlchemy.Audio;

/// <summary>A growable float array with amortised appends (no per-sample boxing, unlike List&lt;float&gt; + ToArray copies twice).</summary>
internal sealed class FloatBuffer
{
    private float[] data;

    public FloatBuffer(int capacity = 4096) => data = new float[Math.Max(16, capacity)];

    public int Count { get; private set; }

    public void Append(ReadOnlySpan<float> values)
    {
        if (Count + values.Length > data.Length)
        {
            long wanted = Math.Max((long)data.Length * 2, (long)Count + values.Length);
            Array.Resize(ref data, (int)Math.Min(wanted, Array.MaxLength));
        }
        values.CopyTo(data.AsSpan(Count));
        Count += values.Length;
    }

    /// <summary>Returns exactly <paramref name="length"/> values: truncated, or zero-padded (numpy <c>fix_length</c>).</summary>
    public float[] ToArray(int length)
    {
        var result = new float[length];
        data.AsSpan(0, Math.Min(length, Count)).CopyTo(result);
        return result;
    }
}
