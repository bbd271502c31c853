namespace AudioAlchemy.Dsp;

/// <summary>The <c>ref</c> argument of <c>power_to_db</c>/<c>amplitude_to_db</c>: a fixed value or the array's maximum (<c>ref=np.max</c>).</summary>
public readonly record struct DbReference
{
    private DbReference(double value, bool useMax) { Value = value; UseMax = useMax; }

    /// <summary>The fixed reference (ignored when <see cref="UseMax"/>).</summary>
    public double Value { get; }

    /// <summary>True for <c>ref=np.max</c>.</summary>
    public bool UseMax { get; }

    /// <summary><c>ref=np.max</c>: 0 dB = the largest value of the array.</summary>
    public static DbReference Max { get; } = new(0, true);

    /// <summary>A fixed reference value (librosa uses |value|).</summary>
    public static DbReference Of(double value) => new(value, false);

    /// <summary>Implicit conversion from a fixed reference value.</summary>
    public static implicit operator DbReference(double value) => Of(value);
}
