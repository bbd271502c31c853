using AudioAlchemy.Features;

namespace AudioAlchemy.Models.Cnn;

/// <summary>
/// The feature parameters a mel matrix was computed with; stored in a model's metadata so prediction computes the
/// same mel (librosa: <c>melspectrogram(y, sr, n_fft, hop_length, n_mels)</c> then <c>power_to_db(ref=np.max, top_db)</c>).
/// </summary>
/// <param name="SampleRate">Sample rate, Hz.</param>
/// <param name="NFft">FFT size.</param>
/// <param name="HopLength">Hop length in samples.</param>
/// <param name="NMels">Number of mel bands.</param>
/// <param name="TopDb">Dynamic range below the clip's maximum, dB.</param>
/// <param name="FMin">Lowest mel frequency, Hz (librosa's <c>fmin</c>, default 0).</param>
/// <param name="FMax">Highest mel frequency, Hz (librosa's <c>fmax</c>; null = sr/2), e.g. 8000 to spend every band on the
/// voice's range (measured within noise for the language CNN: docs/language-id.md).</param>
public sealed record MelParams(
    int SampleRate = CnnDefaults.SampleRate,
    int NFft = CnnDefaults.NFft,
    int HopLength = CnnDefaults.HopLength,
    int NMels = CnnDefaults.NMels,
    float TopDb = CnnDefaults.TopDb,
    double FMin = 0,
    double? FMax = null)
{
    /// <summary>librosa's mel options for these parameters.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public MelOptions MelOptions => new(SampleRate, NMels, FMin, FMax);

    /// <summary>
    /// The canonical parameter text of a cached mel of these parameters (<see cref="ContentCache.Canonical"/>): every field,
    /// band edges included, and <paramref name="seconds"/> (the analysed prefix; null = the whole file).
    /// </summary>
    public string CacheParameters(double? seconds) => ContentCache.Canonical(("sr", SampleRate), ("n_fft", NFft), ("hop", HopLength),
        ("n_mels", NMels), ("top_db", TopDb), ("fmin", FMin), ("fmax", FMax), ("duration", seconds));

    /// <summary>Seconds covered by <paramref name="frames"/> frames.</summary>
    public double Seconds(int frames) => (double)frames * HopLength / SampleRate;

    /// <summary>Throws <see cref="AlchemyException"/> when a parameter is out of range.</summary>
    public MelParams Validate()
    {
        if (SampleRate <= 0 || NFft <= 0 || HopLength <= 0 || NMels <= 0 || !(TopDb > 0))
            throw new AlchemyException($"mel parameters: all must be positive (sr {SampleRate}, n_fft {NFft}, hop {HopLength}, n_mels {NMels}, top_db {TopDb})");
        if (FMax is { } hi && hi > SampleRate / 2.0) throw new AlchemyException($"mel parameters: fmax {hi} Hz is above the Nyquist frequency {SampleRate / 2.0} Hz");
        try { MelOptions.Validate(); }
        catch (ParameterException e) { throw new AlchemyException($"mel parameters: {e.Message}"); }
        return this;
    }
}
