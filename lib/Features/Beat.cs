using AudioAlchemy.Dsp;

namespace AudioAlchemy.Features;

/// <summary>librosa.beat.</summary>
public static class Beat
{
    /// <summary>
    /// <c>beat.beat_track(y=y or onset_envelope=..., sr, hop_length, start_bpm=120, tightness=100, trim=True, bpm=None,
    /// units='frames')</c>. Without an envelope, it is <c>onset_strength(y, sr, hop_length, aggregate=np.median)</c>.
    /// Returns the tempo and beat frames; convert with <see cref="Units.FramesToTime"/>.
    /// </summary>
    public static BeatResult BeatTrack(float[]? y = null, double sr = Defaults.SampleRate, float[]? onsetEnvelope = null, int hopLength = Defaults.HopLength,
        double startBpm = 120.0, double tightness = 100, bool trim = true, double? bpm = null)
    {
        if (onsetEnvelope is null)
        {
            if (y is null) throw new ParameterException("y or onset_envelope must be provided");
            onsetEnvelope = Onset.OnsetStrength(y, sr, hopLength: hopLength, aggregate: OnsetAggregate.Median);
        }
        return new BeatTracker(new BeatOptions(startBpm, tightness, trim, bpm), sr, hopLength).Track(onsetEnvelope);
    }
}
