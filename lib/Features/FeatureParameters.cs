using AudioAlchemy.Dsp;

namespace AudioAlchemy.Features;

/// <summary>
/// The parameter set shared by the study's features (Table 1): sample rate, STFT size/hop, mel bands and range,
/// number of MFCCs. Defaults = librosa's defaults with the study's n_mfcc 13. Validated once.
/// </summary>
/// <param name="Sr">Sample rate in Hz.</param>
/// <param name="NFft">FFT size (also frame_length of ZCR/RMS).</param>
/// <param name="HopLength">Hop in samples.</param>
/// <param name="NMels">Mel bands.</param>
/// <param name="Fmin">Lowest mel edge, Hz.</param>
/// <param name="Fmax">Highest mel edge, Hz (null = sr/2).</param>
/// <param name="NMfcc">MFCCs kept.</param>
public sealed record FeatureParameters(double Sr = Defaults.SampleRate, int NFft = Defaults.NFft, int HopLength = Defaults.HopLength,
    int NMels = Defaults.NMels, double Fmin = 0.0, double? Fmax = null, int NMfcc = Defaults.NMfcc)
{
    /// <summary>STFT options (Hann, centred, zero padding).</summary>
    public StftOptions Stft => new(NFft, HopLength);

    /// <summary>Mel options (Slaney, power 2).</summary>
    public MelOptions Mel => new(Sr, NMels, Fmin, Fmax);

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad parameter.</summary>
    public FeatureParameters Validate()
    {
        Stft.Validate();
        Mel.Validate();
        new MfccOptions(NMfcc).Validate();
        if (NMfcc > NMels) throw new ParameterException($"n_mfcc ({NMfcc}) cannot exceed n_mels ({NMels})");
        return this;
    }
}
