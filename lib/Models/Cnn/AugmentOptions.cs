namespace AudioAlchemy.Models.Cnn;

/// <summary>Training augmentation: random crop offsets, SpecAugment masks and mixup. Evaluation never augments.</summary>
/// <param name="RandomCrops">Random crop offsets each epoch (false: the evaluation's sliding crops).</param>
/// <param name="FreqMasks">Number of frequency masks per crop.</param>
/// <param name="FreqMaskWidth">Maximum frequency-mask width in mel bands (width uniform in 0..max).</param>
/// <param name="TimeMasks">Number of time masks per crop.</param>
/// <param name="TimeMaskWidth">Maximum time-mask width in frames.</param>
/// <param name="MixupAlpha">Mixup Beta(α, α) parameter; 0 = no mixup.</param>
public sealed record AugmentOptions(
    bool RandomCrops = true,
    int FreqMasks = 2,
    int FreqMaskWidth = 12,
    int TimeMasks = 2,
    int TimeMaskWidth = 20,
    double MixupAlpha = 0)
{
    /// <summary>No augmentation at all (fixed sliding crops, no masks, no mixup).</summary>
    public static AugmentOptions None { get; } = new(RandomCrops: false, FreqMasks: 0, TimeMasks: 0);

    /// <summary>Throws <see cref="AlchemyException"/> on negative counts or widths.</summary>
    public AugmentOptions Validate()
    {
        if (FreqMasks < 0 || FreqMaskWidth < 0 || TimeMasks < 0 || TimeMaskWidth < 0 || MixupAlpha < 0)
            throw new AlchemyException($"augmentation: counts, widths and mixup alpha must be ≥ 0 (got {this})");
        return this;
    }
}
