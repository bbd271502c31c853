using AudioAlchemy.Dsp;

namespace AudioAlchemy.Features;

/// <summary>Parameters of <c>feature.chroma_stft</c> and its <c>filters.chroma</c> (librosa defaults), validated once.</summary>
/// <param name="Sr">Sample rate in Hz.</param>
/// <param name="Tuning">Tuning deviation in fractions of a chroma bin; null = estimated per signal (<c>estimate_tuning</c>).</param>
/// <param name="NChroma">Chroma bins per octave (<c>n_chroma</c>).</param>
/// <param name="Norm">Per-frame normalisation of the output (<c>norm</c>, ∞ = divide by the max; null = none).</param>
/// <param name="Ctroct">Centre octave of the octave weighting (<c>ctroct</c>).</param>
/// <param name="Octwidth">Gaussian octave-weighting width (<c>octwidth</c>, null = flat).</param>
/// <param name="FilterNorm">Column norm of the filterbank (<c>filters.chroma(norm=2)</c>).</param>
/// <param name="BaseC">Row 0 = C (true) or A.</param>
public sealed record ChromaOptions(double Sr = Defaults.SampleRate, double? Tuning = null, int NChroma = 12, double? Norm = double.PositiveInfinity,
    double Ctroct = 5.0, double? Octwidth = 2, double? FilterNorm = 2, bool BaseC = true)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the bad parameter.</summary>
    public ChromaOptions Validate()
    {
        ParameterException.PositiveRate(Sr);
        if (NChroma < 1) throw new ParameterException($"n_chroma must be >= 1 (got {NChroma})");
        if (Norm is double n && !(n > 0)) throw new ParameterException($"norm must be positive or null (got {n})");
        if (Tuning is double tu && !double.IsFinite(tu)) throw new ParameterException($"tuning must be finite (got {tu})");
        return this;
    }
}
