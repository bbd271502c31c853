namespace AudioAlchemy.Separation;

/// <summary>
/// Splits a mono mixture into a vocal stem and an accompaniment (instrumental) stem. Implementations return stems
/// of exactly the input's length and sample rate; they never return NaN or Inf for finite input.
/// </summary>
public interface ISeparator
{
    /// <summary>A short, stable description of the separator and every setting that changes its output (used as a cache key).</summary>
    string Settings { get; }

    /// <summary>Separates <paramref name="mixture"/> (mono samples, shape (n,)) recorded at <paramref name="sampleRate"/> Hz.</summary>
    /// <returns>Vocals and accompaniment, each of shape (n,), at <paramref name="sampleRate"/>.</returns>
    SeparationResult Separate(float[] mixture, int sampleRate);
}
