namespace AudioAlchemy.Models.Cnn;

/// <summary>
/// Defaults of the CNN area in one place: librosa's mel defaults (until <c>AudioAlchemy.Dsp.Defaults</c> lands and
/// replaces the first four) and the crop length used for segment-level training.
/// </summary>
public static class CnnDefaults
{
    /// <summary>Sample rate, Hz (librosa default).</summary>
    public const int SampleRate = 22050;

    /// <summary>FFT size (librosa default).</summary>
    public const int NFft = 2048;

    /// <summary>Hop length in samples (librosa default).</summary>
    public const int HopLength = 512;

    /// <summary>Number of mel bands (librosa default).</summary>
    public const int NMels = 128;

    /// <summary>Dynamic range of <c>power_to_db(ref=np.max, top_db=80)</c>, dB.</summary>
    public const float TopDb = 80f;

    /// <summary>Crop length in frames: 130 frames · 512 / 22050 ≈ 3.0 s.</summary>
    public const int CropFrames = 130;

    /// <summary>Frames of a 30 s clip at the defaults: 1 + floor(30 · 22050 / 512) = 1292.</summary>
    public const int FramesPer30Seconds = 1292;
}
