namespace AudioAlchemy.Models.Cnn;

/// <summary>Learning-rate schedule, stepped once per epoch.</summary>
public enum LrSchedule
{
    /// <summary>Constant learning rate.</summary>
    None,

    /// <summary>Cosine annealing from the initial rate to 0 over the planned epochs.</summary>
    Cosine,

    /// <summary>Multiply by <see cref="CnnTrainOptions.StepGamma"/> every <see cref="CnnTrainOptions.StepSize"/> epochs.</summary>
    Step,
}

/// <summary>What early stopping watches on the validation tracks.</summary>
public enum EarlyStopMetric
{
    /// <summary>Mean crop-level cross-entropy (lower is better).</summary>
    ValLoss,

    /// <summary>Track-level accuracy after probability voting (higher is better; ties broken by lower loss).</summary>
    ValAccuracy,
}

/// <summary>Training settings of <see cref="CnnTrainer"/>.</summary>
/// <param name="Epochs">Maximum epochs.</param>
/// <param name="Patience">Epochs without improvement of <paramref name="Monitor"/> before stopping; the best epoch's weights are restored.</param>
/// <param name="LearningRate">AdamW initial learning rate.</param>
/// <param name="WeightDecay">AdamW decoupled weight decay.</param>
/// <param name="BatchSize">Crops per batch.</param>
/// <param name="CropsPerTrack">Training crops drawn per track per epoch.</param>
/// <param name="EvalHop">Hop between evaluation crops in frames; 0 = one crop (non-overlapping crops, the last one ending at the track's end).</param>
/// <param name="Schedule">Learning-rate schedule.</param>
/// <param name="StepSize">Epochs per step of <see cref="LrSchedule.Step"/>.</param>
/// <param name="StepGamma">Factor per step of <see cref="LrSchedule.Step"/>.</param>
/// <param name="Monitor">Early-stopping metric.</param>
/// <param name="Augment">Augmentation; null = <see cref="AugmentOptions"/> defaults (random crops + SpecAugment, no mixup).</param>
/// <param name="Seed">Seed of torch (weights, dropout) and of our crop/shuffle/mask/mixup generator.</param>
/// <param name="Threads">Torch intra-op threads; 0 = all processors.</param>
public sealed record CnnTrainOptions(
    int Epochs = 30,
    int Patience = 5,
    double LearningRate = 1e-3,
    double WeightDecay = 1e-2,
    int BatchSize = 32,
    int CropsPerTrack = 8,
    int EvalHop = 0,
    LrSchedule Schedule = LrSchedule.Cosine,
    int StepSize = 10,
    double StepGamma = 0.1,
    EarlyStopMetric Monitor = EarlyStopMetric.ValLoss,
    AugmentOptions? Augment = null,
    int Seed = 0,
    int Threads = 0)
{
    /// <summary>The augmentation in effect.</summary>
    public AugmentOptions Augmentation => Augment ?? new AugmentOptions();

    /// <summary>Evaluation hop for a crop length: <see cref="EvalHop"/> or the crop length.</summary>
    public int HopFor(int cropFrames) => EvalHop > 0 ? EvalHop : Math.Max(1, cropFrames);

    /// <summary>Throws <see cref="AlchemyException"/> on out-of-range values.</summary>
    public CnnTrainOptions Validate()
    {
        if (Epochs < 1) throw new AlchemyException($"CNN training: epochs must be ≥ 1 (got {Epochs})");
        if (Patience < 1) throw new AlchemyException($"CNN training: patience must be ≥ 1 (got {Patience})");
        if (!(LearningRate > 0) || WeightDecay < 0) throw new AlchemyException($"CNN training: learning rate must be > 0 and weight decay ≥ 0 (got {LearningRate}, {WeightDecay})");
        if (BatchSize < 1 || CropsPerTrack < 1 || EvalHop < 0) throw new AlchemyException($"CNN training: batch size and crops per track must be ≥ 1, eval hop ≥ 0 (got {BatchSize}, {CropsPerTrack}, {EvalHop})");
        if (StepSize < 1 || !(StepGamma > 0)) throw new AlchemyException($"CNN training: step size must be ≥ 1 and gamma > 0 (got {StepSize}, {StepGamma})");
        Augmentation.Validate();
        return this;
    }
}

/// <summary>One epoch of training.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="TrainLoss">Mean training cross-entropy over the epoch's crops (with augmentation).</param>
/// <param name="TrainAccuracy">Crop-level training accuracy (against the primary label under mixup).</param>
/// <param name="ValLoss">Mean crop-level validation cross-entropy (NaN without validation data).</param>
/// <param name="ValAccuracy">Track-level validation accuracy after voting (NaN without validation data).</param>
/// <param name="LearningRate">Learning rate used in the epoch.</param>
/// <param name="Seconds">Wall-clock seconds of the epoch (training + validation).</param>
/// <param name="CpuSeconds">Process CPU seconds (all threads) spent in the epoch: on a shared machine, CPU seconds / cores
/// estimates the wall time the epoch would take alone.</param>
public sealed record EpochStats(int Epoch, double TrainLoss, double TrainAccuracy, double ValLoss, double ValAccuracy, double LearningRate, double Seconds, double CpuSeconds);

/// <summary>A trained network and its learning curve.</summary>
/// <param name="Model">The network, holding the best epoch's weights (the last epoch's without validation data).</param>
/// <param name="History">Per-epoch statistics, in order.</param>
/// <param name="BestEpoch">1-based epoch whose weights <paramref name="Model"/> holds.</param>
/// <param name="StoppedEarly">True when patience ran out before the maximum epochs.</param>
/// <param name="Seconds">Total training seconds.</param>
public sealed record CnnTrainResult(MelCnn Model, IReadOnlyList<EpochStats> History, int BestEpoch, bool StoppedEarly, double Seconds);
