namespace AudioAlchemy.Corpus.Synth;

/// <summary>The arranger's output: the MIDI accompaniment and the grid the vocals are phrased on.</summary>
/// <param name="Midi">Accompaniment notes (no vocals).</param>
/// <param name="BarChords">Chord of every bar, length = number of bars.</param>
/// <param name="BarSeconds">Duration of one bar in seconds.</param>
/// <param name="IntroBars">Instrumental bars before the first sung phrase.</param>
public sealed record Arrangement(MidiSong Midi, Chord[] BarChords, double BarSeconds, int IntroBars);
