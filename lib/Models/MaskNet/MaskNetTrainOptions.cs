namespace AudioAlchemy.Models.MaskNet;

/// <summary>Training settings of <see cref="MaskNetTrainer"/>.</summary>
/// <param name="Epochs">Maximum epochs.</param>
/// <param name="CropsPerEpoch">Random training crops per epoch.</param>
/// <param name="BatchSize">Crops per batch.</param>
/// <param name="CropSeconds">Length of a training crop.</param>
/// <param name="LearningRate">Adam learning rate at epoch 1 (cosine-annealed to 10 % of it at the last planned epoch).</param>
/// <param name="Patience">Epochs without a better validation vocals SDR before stopping (best weights kept).</param>
/// <param name="ValidationSeconds">Seconds from the start of each validation song that are separated and scored.</param>
/// <param name="Augment">Mixture augmentation.</param>
/// <param name="Seed">Seed of torch (weights, dropout) and of the crop / augmentation generator; epoch e uses seed + e, so a resumed run equals an uninterrupted one.</param>
/// <param name="Threads">Torch intra-op threads (0 = all processors).</param>
/// <param name="MaxGradNorm">Gradient-norm clipping.</param>
public sealed record MaskNetTrainOptions(
    int Epochs = 20,
    int CropsPerEpoch = 1024,
    int BatchSize = 16,
    double CropSeconds = 3,
    double LearningRate = 1e-3,
    int Patience = 4,
    double ValidationSeconds = 15,
    MixAugmentOptions? Augment = null,
    int Seed = 0,
    int Threads = 0,
    double MaxGradNorm = 5)
{
    /// <summary>The augmentation in effect.</summary>
    public MixAugmentOptions Augmentation => Augment ?? new MixAugmentOptions();

    /// <summary>Learning rate of 1-based <paramref name="epoch"/>: cosine from the initial rate to 10 % of it.</summary>
    public double RateAt(int epoch) => LearningRate * (0.1 + 0.9 * 0.5 * (1 + Math.Cos(Math.PI * (epoch - 1) / Math.Max(1, Epochs - 1))));

    /// <summary>Throws <see cref="AlchemyException"/> on out-of-range values.</summary>
    public MaskNetTrainOptions Validate()
    {
        if (Epochs < 1 || Patience < 1) throw new AlchemyException($"separator training: epochs and patience must be >= 1 (got {Epochs}, {Patience})");
        if (CropsPerEpoch < 1 || BatchSize < 1) throw new AlchemyException($"separator training: crops per epoch and batch size must be >= 1 (got {CropsPerEpoch}, {BatchSize})");
        if (!(CropSeconds >= 0.5) || CropSeconds > 60) throw new AlchemyException($"separator training: crop must be 0.5..60 s (got {CropSeconds})");
        if (!(LearningRate > 0) || !(MaxGradNorm > 0)) throw new AlchemyException($"separator training: learning rate and gradient clip must be > 0 (got {LearningRate}, {MaxGradNorm})");
        if (!(ValidationSeconds >= 1)) throw new AlchemyException($"separator training: validation seconds must be >= 1 (got {ValidationSeconds})");
        Augmentation.Validate();
        return this;
    }
}
