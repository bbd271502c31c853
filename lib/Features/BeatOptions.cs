namespace AudioAlchemy.Features;

/// <summary>Parameters of <c>beat.beat_track</c> (librosa defaults), validated once.</summary>
/// <param name="StartBpm">Initial tempo guess for the tempo estimate (<c>start_bpm</c>).</param>
/// <param name="Tightness">How strictly beats follow the tempo (<c>tightness</c>).</param>
/// <param name="Trim">Drop weak leading/trailing beats (<c>trim</c>).</param>
/// <param name="Bpm">Fixed tempo instead of estimating one (<c>bpm</c>, null = estimate with feature.tempo).</param>
public sealed record BeatOptions(double StartBpm = 120.0, double Tightness = 100, bool Trim = true, double? Bpm = null)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the bad parameter.</summary>
    public BeatOptions Validate()
    {
        if (!(StartBpm > 0)) throw new ParameterException("start_bpm must be strictly positive");
        if (!(Tightness > 0)) throw new ParameterException("tightness must be strictly positive");
        if (Bpm is double b && !(b > 0)) throw new ParameterException($"bpm={b} must be strictly positive");
        return this;
    }
}

/// <summary>Result of <c>beat_track</c>: the tempo used (BPM; 0 when the onset envelope is all zero) and the beat frame indices.</summary>
/// <param name="Tempo">Tempo in BPM.</param>
/// <param name="Beats">Beat positions as frame indices, ascending.</param>
public sealed record BeatResult(double Tempo, int[] Beats);
