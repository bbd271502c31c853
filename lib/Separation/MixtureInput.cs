namespace AudioAlchemy.Separation;

/// <summary>The input checks every <see cref="ISeparator"/> makes before separating.</summary>
public static class MixtureInput
{
    /// <summary>
    /// Checks <paramref name="mixture"/> (not null, finite samples) and <paramref name="sampleRate"/> (positive); returns the
    /// empty result for an empty mixture (nothing to separate), else null.
    /// </summary>
    /// <exception cref="ParameterException">A sample rate that is not positive.</exception>
    /// <exception cref="AlchemyException">A NaN or infinite sample.</exception>
    public static SeparationResult? Check(float[] mixture, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(mixture);
        ParameterException.PositiveRate(sampleRate, "sample rate");
        if (mixture.Length == 0) return new SeparationResult([], [], sampleRate);
        foreach (var v in mixture)
            if (!float.IsFinite(v)) throw new AlchemyException("mixture contains NaN or Inf samples");
        return null;
    }
}
