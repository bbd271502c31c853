namespace AudioAlchemy.Audio;

/// <summary>libsoxr quality recipes, named like librosa's <c>res_type</c> values (soxr_qq … soxr_vhq).</summary>
public enum ResampleQuality
{
    /// <summary><c>soxr_qq</c>: quick cubic interpolation (SOXR_QQ = 0).</summary>
    Quick = 0,
    /// <summary><c>soxr_lq</c>: low, 16-bit with larger roll-off (SOXR_LQ = 1).</summary>
    Low = 1,
    /// <summary><c>soxr_mq</c>: medium, 16-bit with medium roll-off (SOXR_MQ = 2).</summary>
    Medium = 2,
    /// <summary><c>soxr_hq</c>: librosa's default, 20-bit (SOXR_HQ = SOXR_20_BITQ = 4).</summary>
    High = 4,
    /// <summary><c>soxr_vhq</c>: 28-bit (SOXR_VHQ = SOXR_28_BITQ = 6).</summary>
    VeryHigh = 6,
}
