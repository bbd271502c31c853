using AudioAlchemy.Dsp;

namespace AudioAlchemy.Features;

public static partial class Feature
{
    /// <summary>
    /// <c>feature.tempo(y=y or onset_envelope=..., sr, hop_length, start_bpm=120, std_bpm=1, ac_size=8, max_tempo=320,
    /// aggregate=np.mean)</c>: BPM, one value (length-1 array) or one per frame when <paramref name="aggregate"/> is false.
    /// When <paramref name="onsetEnvelope"/> is null it is computed from <paramref name="y"/> with default onset parameters.
    /// </summary>
    public static double[] Tempo(float[]? y = null, double sr = Defaults.SampleRate, float[]? onsetEnvelope = null, int hopLength = Defaults.HopLength,
        double startBpm = 120, double stdBpm = 1.0, double acSize = 8.0, double? maxTempo = 320.0, bool aggregate = true)
    {
        if (onsetEnvelope is null)
        {
            if (y is null) throw new ParameterException("y or onset_envelope must be provided");
            onsetEnvelope = Onset.OnsetStrength(y, sr, hopLength: hopLength);
        }
        return new TempoEstimator(new TempoOptions(sr, hopLength, startBpm, stdBpm, acSize, maxTempo, aggregate)).Estimate(onsetEnvelope);
    }

    /// <summary><c>feature.tempogram(onset_envelope=..., win_length=384)</c> (autocorrelation, centred, Hann, max-normalised), shape (win_length, frames).</summary>
    public static Matrix TempogramOf(float[] onsetEnvelope, int winLength = 384) => new Tempogram(winLength).Compute(onsetEnvelope);
}
