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
public sealed record MelParams(
    int SampleRate = CnnDefaults.SampleRate,
    int NFft = CnnDefaults.NFft,
    int HopLength = CnnDefaults.HopLength,
    int NMels = CnnDefaults.NMels,
    float TopDb = CnnDefaults.TopDb)
{
    /// <summary>Seconds covered by <paramref name="frames"/> frames.</summary>
    public double Seconds(int frames) => (double)frames * HopLength / SampleRate;

    /// <summary>Throws <see cref="AlchemyException"/> when a parameter is out of range.</summary>
    public MelParams Validate()
    {
        if (SampleRate <= 0 || NFft <= 0 || HopLength <= 0 || NMels <= 0 || !(TopDb > 0))
            throw new AlchemyException($"mel parameters: all must be positive (sr {SampleRate}, n_fft {NFft}, hop {HopLength}, n_mels {NMels}, top_db {TopDb})");
        return this;
    }
}
