namespace AudioAlchemy.Separation;

/// <summary>
/// A separator that needs the true stems (an oracle, e.g. <see cref="IdealMaskSeparator"/>): it gives the upper bound
/// of a whole family of methods on a corpus with stems. <c>SeparationEvaluator</c> (separate eval) hands it the stems; called
/// without them (<see cref="ISeparator.Separate"/>) it throws.
/// </summary>
public interface IStemInformedSeparator : ISeparator
{
    /// <summary>Separates <paramref name="mixture"/> knowing its true <paramref name="vocals"/> and
    /// <paramref name="accompaniment"/> (each shape (n,), at <paramref name="sampleRate"/>).</summary>
    SeparationResult Separate(float[] mixture, float[] vocals, float[] accompaniment, int sampleRate);
}
