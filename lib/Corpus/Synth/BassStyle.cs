namespace AudioAlchemy.Corpus.Synth;

/// <summary>How the bass line moves under the chords (see <see cref="Arranger"/>).</summary>
public enum BassStyle
{
    /// <summary>Long notes: root, sometimes root then fifth (classical cello/contrabass).</summary>
    Sustain,
    /// <summary>Root on beat 1, fifth on beat 3 (country two-beat).</summary>
    RootFifth,
    /// <summary>Quarter-note walk through chord and scale tones with a chromatic approach to the next root (jazz).</summary>
    Walking,
    /// <summary>Swung eighths root-3-5-6-b7-6-5-3 (blues boogie).</summary>
    Boogie,
    /// <summary>Eighths alternating root and its octave (disco).</summary>
    Octave,
    /// <summary>Driving root eighths with beat accents (rock, pop).</summary>
    Eighths,
    /// <summary>Galloping sixteenths on the root (metal).</summary>
    Gallop,
    /// <summary>Syncopated root/fifth/octave figure leaving beat 1 space (reggae).</summary>
    Reggae,
    /// <summary>Few long notes locked to the kick (hip-hop).</summary>
    Sparse,
}
