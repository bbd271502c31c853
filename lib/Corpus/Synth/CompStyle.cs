namespace AudioAlchemy.Corpus.Synth;

/// <summary>How the harmony instrument plays the chords (see <see cref="Arranger"/>).</summary>
public enum CompStyle
{
    /// <summary>Held chords, one or two per bar (piano, pads, organ).</summary>
    Block,
    /// <summary>Broken chords in eighths (classical piano/harp, ballads).</summary>
    Arpeggio,
    /// <summary>Strummed eighth pattern with down/up strokes (acoustic guitar).</summary>
    Strum,
    /// <summary>Short off-beat chords (reggae skank).</summary>
    Skank,
    /// <summary>Short syncopated chord hits (disco, funk).</summary>
    Stabs,
    /// <summary>Root-fifth-octave power chords in muted eighths with accents (rock, metal).</summary>
    PowerChord,
    /// <summary>Rootless sevenths at irregular swung positions (jazz comping).</summary>
    JazzComp,
    /// <summary>Root-fifth / root-sixth boogie shuffle on each beat (blues guitar).</summary>
    Shuffle,
}
