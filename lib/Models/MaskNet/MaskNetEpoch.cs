namespace AudioAlchemy.Models.MaskNet;

/// <summary>One epoch of mask-network training.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="TrainLoss">Mean training loss: spectral vocals error over vocals energy, dB (lower is better; −loss ≈ an SDR of the crop).</param>
/// <param name="ValVocalsSdr">Median museval-v4 vocals SDR over the validation songs (dB).</param>
/// <param name="ValAccompanimentSdr">Median accompaniment SDR over the validation songs (dB).</param>
/// <param name="LearningRate">Learning rate of the epoch.</param>
/// <param name="Seconds">Wall seconds (training + validation).</param>
/// <param name="CpuSeconds">CPU seconds of the process during the epoch.</param>
public sealed record MaskNetEpoch(int Epoch, double TrainLoss, double ValVocalsSdr, double ValAccompanimentSdr, double LearningRate, double Seconds, double CpuSeconds);
