namespace AudioAlchemy.Corpus.Synth;

/// <summary>espeak-ng voice variants used for the vocals and the register their melodies are written in.</summary>
public static class VoiceVariant
{
    /// <summary>Default variants: three male, three female (espeak-ng <c>+m1</c>, <c>+f2</c>, ...).</summary>
    public static IReadOnlyList<string> Defaults { get; } = ["m1", "m3", "m7", "f1", "f2", "f4"];

    /// <summary>
    /// Reference MIDI key of a variant's register: the note espeak-ng's default pitch (<c>-p 50</c>) is closest to
    /// (about A2 for male, A3 for female variants).
    /// </summary>
    public static int ReferenceKey(string variant) => variant.StartsWith('f') ? 57 : 45;
}
