namespace AudioAlchemy.Separation;

/// <summary>The two stems a <see cref="ISeparator"/> returns, each of shape (n,) at <paramref name="SampleRate"/>.</summary>
/// <param name="Vocals">The vocal estimate.</param>
/// <param name="Accompaniment">The accompaniment (no-vocals) estimate.</param>
/// <param name="SampleRate">Sample rate of both stems, Hz (equal to the mixture's).</param>
public sealed record SeparationResult(float[] Vocals, float[] Accompaniment, int SampleRate);
