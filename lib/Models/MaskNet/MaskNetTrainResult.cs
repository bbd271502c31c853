namespace AudioAlchemy.Models.MaskNet;

/// <summary>A trained mask network and its learning curve.</summary>
/// <param name="Model">The model holding the best epoch's weights, with its metadata.</param>
/// <param name="History">Per-epoch statistics, in order (including epochs of an earlier, resumed run).</param>
/// <param name="BestEpoch">1-based epoch whose weights <paramref name="Model"/> holds.</param>
/// <param name="StoppedEarly">True when patience ran out before the maximum epochs.</param>
/// <param name="Seconds">Wall seconds of this invocation.</param>
public sealed record MaskNetTrainResult(MaskNetModel Model, IReadOnlyList<MaskNetEpoch> History, int BestEpoch, bool StoppedEarly, double Seconds);
