namespace AudioAlchemy.Models.Cnn;

/// <summary>
/// Settings of <see cref="CnnTrackClassifier"/>: the mel CNN as a track classifier inside cross-validation. The defaults
/// are the configuration the issue measured (grey image, 3 conv blocks, dropout 0.3, AdamW lr 0.01 with cosine decay,
/// 15 epochs, early stopping on validation loss with patience 5, 3 s crops, track-level voting).
/// </summary>
/// <param name="Training">Optimiser, epochs, crops, augmentation, seed and threads.</param>
/// <param name="ConvBlocks">Conv blocks (2 or 3 in the seed grid).</param>
/// <param name="BaseChannels">Channels of the first conv block.</param>
/// <param name="Dropout">Dropout before the head.</param>
/// <param name="CropFrames">Crop length in frames (130 ≈ 3 s at hop 512 and 22050 Hz).</param>
/// <param name="ValidationFraction">Share of each training fold (per class) held out for early stopping; 0 = no early stopping.</param>
/// <param name="Image">dB → image mapping and active-crop choice (null = grey, fixed dB range, every crop).</param>
public sealed record CnnTrackOptions(
    CnnTrainOptions? Training = null,
    int ConvBlocks = 3,
    int BaseChannels = 16,
    double Dropout = 0.3,
    int CropFrames = CnnDefaults.CropFrames,
    double ValidationFraction = 0.15,
    MelImageOptions? Image = null)
{
    /// <summary>The training options in effect (the measured configuration when none are given).</summary>
    public CnnTrainOptions EffectiveTraining => Training ?? new CnnTrainOptions(Epochs: 15, Patience: 5, LearningRate: 0.01);

    /// <summary>The image options in effect.</summary>
    public MelImageOptions EffectiveImage => Image ?? new MelImageOptions();

    /// <summary>Throws <see cref="AlchemyException"/> naming the first bad setting.</summary>
    public CnnTrackOptions Validate()
    {
        if (ConvBlocks < 1 || BaseChannels < 1) throw new AlchemyException($"CNN: conv blocks and base channels must be ≥ 1 (got {ConvBlocks}, {BaseChannels})");
        if (!(Dropout >= 0 && Dropout < 1)) throw new AlchemyException($"CNN: dropout must be in [0, 1) (got {Dropout})");
        if (CropFrames < 1) throw new AlchemyException($"CNN: crop length must be ≥ 1 frame (got {CropFrames})");
        if (!(ValidationFraction >= 0 && ValidationFraction < 0.5)) throw new AlchemyException($"CNN: validation fraction must be in [0, 0.5) (got {ValidationFraction})");
        EffectiveImage.Validate();
        var t = EffectiveTraining;
        if (t.Epochs < 1 || t.BatchSize < 1 || t.CropsPerTrack < 1 || !(t.LearningRate > 0))
            throw new AlchemyException($"CNN: epochs, batch size and crops per track must be ≥ 1 and the learning rate > 0 (got {t.Epochs}, {t.BatchSize}, {t.CropsPerTrack}, {t.LearningRate})");
        return this;
    }
}
