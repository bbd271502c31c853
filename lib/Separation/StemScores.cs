namespace AudioAlchemy.Separation;

/// <summary>Scores of one estimate pair against the true stems of one track (dB; NaN when undefined, −∞ for SI-SDR of silence).</summary>
/// <param name="VocalsSdr">Vocals SDR, museval v4 (median over 1-s windows).</param>
/// <param name="AccompanimentSdr">Accompaniment SDR, museval v4.</param>
/// <param name="VocalsSiSdr">Vocals SI-SDR over the whole track.</param>
/// <param name="AccompanimentSiSdr">Accompaniment SI-SDR over the whole track.</param>
public sealed record StemScores(double VocalsSdr, double AccompanimentSdr, double VocalsSiSdr, double AccompanimentSiSdr)
{
    /// <summary>Scores estimates (vocals, accompaniment) against the true stems, all (n,) at <paramref name="sampleRate"/>.
    /// <paramref name="skipSilentEstimates"/> follows museval (all-zero estimate windows are NaN); false scores them by the formula.</summary>
    public static StemScores Of(float[] trueVocals, float[] trueAccompaniment, float[] vocals, float[] accompaniment, int sampleRate,
        bool skipSilentEstimates = true)
    {
        var sdr = BssEvalV4.Track([trueVocals, trueAccompaniment], [vocals, accompaniment], sampleRate, skipSilentEstimates);
        return new StemScores(sdr[0], sdr[1], SiSdr.Compute(trueVocals, vocals), SiSdr.Compute(trueAccompaniment, accompaniment));
    }
}
