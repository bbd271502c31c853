namespace AudioAlchemy.Corpus.Synth;

/// <summary>One sung lyric line placed on the bar grid.</summary>
/// <param name="StartSeconds">Onset (a bar line) in seconds from the song start.</param>
/// <param name="MaxSeconds">Time available before the next phrase (the sung audio is fitted into it).</param>
/// <param name="Words">The line's words.</param>
/// <param name="Notes">Melody note (MIDI key) per word, in the song's key and the voice's register.</param>
public sealed record VocalPhrase(double StartSeconds, double MaxSeconds, string[] Words, int[] Notes)
{
    /// <summary>The lyric line as text.</summary>
    public string Text => string.Join(' ', Words);
}
