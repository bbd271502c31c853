namespace AudioAlchemy.Models.Cnn;

/// <summary>Settings of a <see cref="CnnSweep"/>.</summary>
/// <param name="Grid">Values to cross.</param>
/// <param name="Budget">Subset and epoch cap.</param>
/// <param name="Training">Base training options; each config overrides epochs, patience and learning rate.</param>
/// <param name="BaseChannels">Channels of the first conv block.</param>
/// <param name="CropFrames">Crop length in frames (130 ≈ 3 s).</param>
/// <param name="Scaling">dB → 0..1 mapping.</param>
/// <param name="ValidationFraction">Fraction of tracks (groups) for validation.</param>
/// <param name="TestFraction">Fraction of tracks (groups) for test.</param>
/// <param name="SplitByGroup">Keep each group (artist) on one side of the split.</param>
/// <param name="SplitSeed">Seed of the split.</param>
/// <param name="Task">What the labels are ("genre", "language"), stored in the models.</param>
/// <param name="ActiveCropDb">Train and vote on active crops only (see <see cref="MelImageOptions.ActiveCropDb"/>); null = all crops.</param>
public sealed record CnnSweepOptions(
    CnnSweepGrid Grid,
    CnnSweepBudget Budget,
    CnnTrainOptions Training,
    int BaseChannels = 16,
    int CropFrames = CnnDefaults.CropFrames,
    MelScaling Scaling = MelScaling.FixedDb,
    double ValidationFraction = 0.15,
    double TestFraction = 0.15,
    bool SplitByGroup = false,
    int SplitSeed = 0,
    string Task = "genre",
    float? ActiveCropDb = null);

/// <summary>What a sweep produced.</summary>
/// <param name="Rows">Every config's row, in run order (resumed rows included).</param>
/// <param name="Best">Per image mode, the row with the best validation accuracy (ties: macro-F1, then fewer seconds).</param>
/// <param name="ResultsCsv">Path of the results table.</param>
/// <param name="InferenceSecondsPer30s">Seconds to predict one 30 s clip with the best model (mel → probabilities), measured on the test tracks.</param>
/// <param name="Split">Tracks per part: train, validation, test.</param>
/// <param name="Skipped">Input items skipped (file and reason).</param>
public sealed record CnnSweepResult(IReadOnlyList<CnnSweepRow> Rows, IReadOnlyDictionary<MelImageMode, CnnSweepRow> Best, string ResultsCsv,
    double InferenceSecondsPer30s, (int Train, int Validation, int Test) Split, IReadOnlyList<string> Skipped);
