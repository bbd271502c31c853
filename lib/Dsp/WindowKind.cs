namespace AudioAlchemy.Dsp;

/// <summary>The analysis window of an STFT (librosa's <c>window</c>).</summary>
public enum WindowKind
{
    /// <summary>Periodic Hann (<c>'hann'</c>, scipy's <c>get_window('hann', n, fftbins=True)</c>).</summary>
    Hann,

    /// <summary>Rectangular (<c>'ones'</c> / <c>'boxcar'</c>).</summary>
    Ones,
}
