using AudioAlchemy.Dsp;

namespace AudioAlchemy.Features;

/// <summary>Parameters of the Table-1 summary (the keys of a fixture's <c>params.json</c>), validated once.</summary>
/// <param name="Sr">Sample rate of the signal in Hz.</param>
/// <param name="NFft">FFT size, also the frame length of ZCR, RMS and pyin.</param>
/// <param name="HopLength">Hop in samples for every frame-wise feature.</param>
/// <param name="NMels">Mel bands for MFCC and onset strength.</param>
/// <param name="Fmin">Lowest mel frequency in Hz.</param>
/// <param name="Fmax">Highest mel frequency in Hz (null = sr/2).</param>
/// <param name="NMfcc">Number of MFCC coefficients (13 in the study).</param>
/// <param name="PitchFmin">pyin's fmin (note C2).</param>
/// <param name="PitchFmax">pyin's fmax (note C7).</param>
public sealed record Table1Options(double Sr = Defaults.SampleRate, int NFft = Defaults.NFft, int HopLength = Defaults.HopLength,
    int NMels = Defaults.NMels, double Fmin = 0.0, double? Fmax = null, int NMfcc = Defaults.NMfcc,
    double PitchFmin = Defaults.PitchFmin, double PitchFmax = Defaults.PitchFmax)
{
    /// <summary>Throws <see cref="AlchemyException"/> for inconsistent parameters.</summary>
    public Table1Options Validate()
    {
        ParameterException.PositiveRate(Sr);
        if (NFft < 2) throw new AlchemyException($"n_fft must be >= 2 (got {NFft})");
        if (HopLength < 1) throw new AlchemyException($"hop_length must be >= 1 (got {HopLength})");
        if (NMels < 1) throw new AlchemyException($"n_mels must be >= 1 (got {NMels})");
        if (NMfcc < 1 || NMfcc > NMels) throw new AlchemyException($"n_mfcc must be in 1..n_mels (got {NMfcc}, n_mels {NMels})");
        if (Fmin < 0 || !((Fmax ?? Sr / 2) > Fmin)) throw new AlchemyException($"need 0 <= fmin < fmax (got fmin {Fmin}, fmax {Fmax ?? Sr / 2})");
        return this;
    }

    /// <summary>STFT options (Hann, centred, zero padding) of these parameters.</summary>
    public StftOptions Stft => new(NFft, HopLength);

    /// <summary>Mel options (Slaney, power 2) of these parameters.</summary>
    public MelOptions Mel => new(Sr, NMels, Fmin, Fmax);

    /// <summary>A short stable text of every parameter (for cache keys).</summary>
    public string CacheKey => FormattableString.Invariant($"sr={Sr};n_fft={NFft};hop={HopLength};n_mels={NMels};fmin={Fmin:R};fmax={Fmax?.ToString("R") ?? "none"};n_mfcc={NMfcc};pfmin={PitchFmin:R};pfmax={PitchFmax:R}");
}
