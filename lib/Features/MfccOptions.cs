using AudioAlchemy.Dsp;

namespace AudioAlchemy.Features;

/// <summary>Parameters of <c>feature.mfcc</c> (librosa defaults), validated once.</summary>
/// <param name="NMfcc">Coefficients kept (<c>n_mfcc</c>, librosa default 20; the study uses 13).</param>
/// <param name="DctType">DCT type (<c>dct_type</c>); only 2 (librosa's default) is implemented.</param>
/// <param name="Ortho"><c>norm='ortho'</c> (true, default) or <c>norm=None</c>.</param>
/// <param name="Lifter">Cepstral liftering coefficient (<c>lifter</c>, 0 = none).</param>
/// <param name="TopDb"><c>top_db</c> of the inner <c>power_to_db</c> (80).</param>
public sealed record MfccOptions(int NMfcc = Defaults.NMfccLibrosa, int DctType = 2, bool Ortho = true, double Lifter = 0, double? TopDb = Defaults.TopDb)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the bad parameter.</summary>
    public MfccOptions Validate()
    {
        if (NMfcc < 1) throw new ParameterException($"n_mfcc must be >= 1 (got {NMfcc})");
        if (DctType != 2) throw new ParameterException($"dct_type={DctType} is not supported (only 2, librosa's default)");
        if (Lifter < 0) throw new ParameterException($"MFCC lifter={Lifter} must be a non-negative number");
        return this;
    }
}
