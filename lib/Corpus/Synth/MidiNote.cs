namespace AudioAlchemy.Corpus.Synth;

/// <summary>One note of a <see cref="MidiSong"/>.</summary>
/// <param name="Channel">MIDI channel 0..15 (9 = General-MIDI drums).</param>
/// <param name="StartTick">Onset in ticks from the start of the song.</param>
/// <param name="DurationTicks">Length in ticks (at least 1).</param>
/// <param name="Key">MIDI key number 0..127.</param>
/// <param name="Velocity">Velocity 1..127.</param>
public readonly record struct MidiNote(int Channel, long StartTick, long DurationTicks, int Key, int Velocity);
