namespace AudioAlchemy.Features;

/// <summary>
/// The Table-1 scalars of one signal (the keys of <c>summary.json</c>, defined in tests/data/reference/TABLE1.md).
/// A value is null where librosa's is undefined (no voiced frame, constant chroma or signal, non-finite result).
/// </summary>
/// <param name="DurationS">N / sr in seconds.</param>
/// <param name="FundamentalFreq">Mean pyin f0 over voiced frames in Hz; null when no frame is voiced.</param>
/// <param name="FreqE1">Frequency in Hz of the bin with the largest mean power.</param>
/// <param name="FreqE2">Second largest.</param>
/// <param name="FreqE3">Third largest.</param>
/// <param name="Key">Krumhansl-Schmuckler key of the mean chroma; null when the chroma is constant.</param>
/// <param name="ZeroCrossingRate">Mean zero-crossing rate over frames.</param>
/// <param name="MfccMean">Per-coefficient mean over frames, length n_mfcc.</param>
/// <param name="MfccStd">Per-coefficient population standard deviation over frames, length n_mfcc.</param>
/// <param name="Tempo">Global tempo in BPM (null if non-finite).</param>
/// <param name="RmsEnergy">Mean RMS over frames.</param>
/// <param name="YMean">Mean of the samples.</param>
/// <param name="YVariance">Population variance of the samples.</param>
/// <param name="YSkewness">Biased skewness; null for a constant signal.</param>
/// <param name="YKurtosis">Biased excess kurtosis; null for a constant signal.</param>
/// <param name="VoicedFrames">Number of voiced pyin frames.</param>
/// <param name="Frames">Number of frames T.</param>
/// <param name="FreqEBins">The three bins behind freq_e_1..3.</param>
/// <param name="FreqEMeanPower">Their mean power.</param>
public sealed record Table1Summary(double DurationS, double? FundamentalFreq, double FreqE1, double FreqE2, double FreqE3, KeyEstimate? Key,
    double? ZeroCrossingRate, double?[] MfccMean, double?[] MfccStd, double? Tempo, double? RmsEnergy, double? YMean, double? YVariance,
    double? YSkewness, double? YKurtosis, int VoicedFrames, int Frames, int[] FreqEBins, double[] FreqEMeanPower);
