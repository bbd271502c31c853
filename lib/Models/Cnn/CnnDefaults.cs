namespace AudioAlchemy.Models.Cnn;

/// <summary>
/// Defaults of the CNN area in one place: librosa's mel defaults (taken from <see cref="AudioAlchemy.Dsp.Defaults"/>)
/// and the crop length used for segment-level training.
/// </summary>
public static class CnnDefaults
{
    /// <summary>Sample rate, Hz (librosa default).</summary>
    public const int SampleRate = Dsp.Defaults.SampleRate;

    /// <summary>FFT size (librosa default).</summary>
    public const int NFft = Dsp.Defaults.NFft;

    /// <summary>Hop length in samples (librosa default).</summary>
    public const int HopLength = Dsp.Defaults.HopLength;

    /// <summary>Number of mel bands (librosa default).</summary>
    public const int NMels = Dsp.Defaults.NMels;

    /// <summary>Dynamic range of <c>power_to_db(ref=np.max, top_db=80)</c>, dB.</summary>
    public const float TopDb = (float)Dsp.Defaults.TopDb;

    /// <summary>Crop length in frames: 130 frames · 512 / 22050 ≈ 3.0 s.</summary>
    public const int CropFrames = 130;

    /// <summary>Frames of a 30 s clip at the defaults: 1 + floor(30 · 22050 / 512) = 1292.</summary>
    public const int FramesPer30Seconds = 1 + 30 * SampleRate / HopLength;
}
