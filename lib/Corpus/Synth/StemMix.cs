namespace AudioAlchemy.Corpus.Synth;

/// <summary>
/// The three signals of a song after mixing, all shape (n,): <c>Mixture[i] == Vocals[i] + Accompaniment[i]</c>
/// exactly in float32 (the stems are scaled first, then added).
/// </summary>
/// <param name="Mixture">Vocals + accompaniment.</param>
/// <param name="Vocals">Scaled vocal stem.</param>
/// <param name="Accompaniment">Scaled accompaniment stem.</param>
/// <param name="Gain">Overall loudness gain applied to both stems.</param>
public sealed record StemMix(float[] Mixture, float[] Vocals, float[] Accompaniment, double Gain);
