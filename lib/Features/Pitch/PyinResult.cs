namespace AudioAlchemy.Features.Pitch;

/// <summary>Output of <see cref="Pyin"/>; every array has shape (frames,).</summary>
/// <param name="F0">Fundamental frequency in Hz; <c>fill_na</c> (NaN by default) in unvoiced frames.</param>
/// <param name="VoicedFlag">Whether the decoded state of the frame is voiced.</param>
/// <param name="VoicedProb">Probability that the frame is voiced, in [0, 1].</param>
public sealed record PyinResult(double[] F0, bool[] VoicedFlag, double[] VoicedProb)
{
    /// <summary>Number of voiced frames.</summary>
    public int VoicedFrames => VoicedFlag.Count(v => v);

    /// <summary>Mean f0 over voiced frames (Table 1's <c>fundamental_freq</c>), or null when no frame is voiced.</summary>
    public double? MeanVoicedF0()
    {
        double sum = 0;
        int n = 0;
        for (int t = 0; t < F0.Length; t++) if (VoicedFlag[t]) { sum += F0[t]; n++; }
        return n == 0 ? null : sum / n;
    }
}
