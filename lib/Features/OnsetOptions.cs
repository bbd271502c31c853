namespace AudioAlchemy.Features;

/// <summary>How <c>onset_strength</c> combines the per-band novelty: <c>aggregate=np.mean</c> (default) or <c>np.median</c> (what beat_track uses).</summary>
public enum OnsetAggregate
{
    /// <summary><c>np.mean</c> over bands.</summary>
    Mean,

    /// <summary><c>np.median</c> over bands.</summary>
    Median,
}

/// <summary>Parameters of <c>onset.onset_strength</c> beyond the mel/STFT ones (librosa defaults), validated once.</summary>
/// <param name="Lag">Time lag of the difference (<c>lag</c>).</param>
/// <param name="MaxSize">Size of the local-max filter over bands for the reference (<c>max_size</c>, 1 = none).</param>
/// <param name="Detrend">High-pass the envelope (<c>detrend</c>: lfilter([1, −1], [1, −0.99])).</param>
/// <param name="Center">Shift the envelope by n_fft/(2·hop) frames so it aligns with centred STFT frames (<c>center</c>).</param>
/// <param name="Aggregate">Band aggregation (<c>aggregate</c>).</param>
public sealed record OnsetOptions(int Lag = 1, int MaxSize = 1, bool Detrend = false, bool Center = true, OnsetAggregate Aggregate = OnsetAggregate.Mean)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the bad parameter.</summary>
    public OnsetOptions Validate()
    {
        if (Lag < 1) throw new ParameterException($"lag={Lag} must be a positive integer");
        if (MaxSize < 1) throw new ParameterException($"max_size={MaxSize} must be a positive integer");
        return this;
    }
}
