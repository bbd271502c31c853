using AudioAlchemy.Dsp;

namespace AudioAlchemy.Features;

/// <summary>Parameters of <c>feature.tempo</c> (librosa defaults), validated once.</summary>
/// <param name="Sr">Sample rate in Hz.</param>
/// <param name="HopLength">Hop of the onset envelope, samples.</param>
/// <param name="StartBpm">Centre of the log-normal tempo prior (<c>start_bpm</c>).</param>
/// <param name="StdBpm">Width of the prior in octaves (<c>std_bpm</c>).</param>
/// <param name="AcSize">Autocorrelation window in seconds (<c>ac_size</c>).</param>
/// <param name="MaxTempo">Tempi at or above this are excluded (<c>max_tempo</c>, null = no limit).</param>
/// <param name="Aggregate">True = one tempo from the time-averaged tempogram (<c>aggregate=np.mean</c>); false = one per frame (<c>aggregate=None</c>).</param>
public sealed record TempoOptions(double Sr = Defaults.SampleRate, int HopLength = Defaults.HopLength, double StartBpm = 120, double StdBpm = 1.0,
    double AcSize = 8.0, double? MaxTempo = 320.0, bool Aggregate = true)
{
    /// <summary>Autocorrelation window in frames: <c>time_to_frames(ac_size, sr, hop_length)</c>.</summary>
    public int WinLength => Units.TimeToFrames(AcSize, Sr, HopLength);

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad parameter.</summary>
    public TempoOptions Validate()
    {
        ParameterException.PositiveRate(Sr);
        if (HopLength < 1) throw new ParameterException($"hop_length must be >= 1 (got {HopLength})");
        if (!(StartBpm > 0)) throw new ParameterException("start_bpm must be strictly positive");
        if (!(StdBpm > 0)) throw new ParameterException($"std_bpm must be strictly positive (got {StdBpm})");
        if (WinLength < 1) throw new ParameterException($"ac_size={AcSize} s is shorter than one frame");
        return this;
    }
}
