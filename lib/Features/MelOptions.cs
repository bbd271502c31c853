using AudioAlchemy.Dsp;

namespace AudioAlchemy.Features;

/// <summary>Parameters of <c>feature.melspectrogram</c> beyond the STFT ones, librosa's defaults, validated once.</summary>
/// <param name="Sr">Sample rate in Hz (<c>sr</c>).</param>
/// <param name="NMels">Number of mel bands (<c>n_mels</c>).</param>
/// <param name="Fmin">Lowest band edge in Hz (<c>fmin</c>).</param>
/// <param name="Fmax">Highest band edge in Hz (<c>fmax</c>); null = sr/2.</param>
/// <param name="Htk">HTK mel formula instead of Slaney's.</param>
/// <param name="Norm">Filter normalisation (<c>norm</c>).</param>
/// <param name="Power">Exponent of the magnitude spectrogram (<c>power</c>, 2 = power).</param>
public sealed record MelOptions(double Sr = Defaults.SampleRate, int NMels = Defaults.NMels, double Fmin = 0.0, double? Fmax = null,
    bool Htk = false, MelNorm Norm = MelNorm.Slaney, double Power = 2.0)
{
    /// <summary>The effective upper edge (sr/2 when <see cref="Fmax"/> is null).</summary>
    public double FmaxEffective => Fmax ?? Sr / 2;

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad parameter.</summary>
    public MelOptions Validate()
    {
        ParameterException.PositiveRate(Sr);
        if (NMels < 1) throw new ParameterException($"n_mels must be >= 1 (got {NMels})");
        if (Fmin < 0 || !(FmaxEffective > Fmin)) throw new ParameterException($"need 0 <= fmin < fmax (got fmin {Fmin}, fmax {FmaxEffective})");
        if (!(Power > 0)) throw new ParameterException($"power must be positive (got {Power})");
        return this;
    }
}
