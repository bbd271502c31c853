namespace AudioAlchemy.Corpus.Synth;

/// <summary>
/// A song as notes on a tick grid, ready for <see cref="SmfWriter"/>: one tempo, one meter, a General-MIDI program
/// and volume per channel. Built by <see cref="Arranger"/>.
/// </summary>
public sealed class MidiSong
{
    /// <summary>Creates an empty song.</summary>
    /// <param name="ticksPerQuarter">Pulses per quarter note (division).</param>
    /// <param name="tempoBpm">Quarter-note tempo in beats per minute.</param>
    /// <param name="beatsPerBar">Time-signature numerator (denominator 4).</param>
    public MidiSong(int ticksPerQuarter, double tempoBpm, int beatsPerBar)
    {
        if (ticksPerQuarter is < 24 or > 32767) throw new ParameterException($"ticks per quarter must be in 24..32767, got {ticksPerQuarter}");
        if (!(tempoBpm is >= 20 and <= 400)) throw new ParameterException($"tempo must be in 20..400 BPM, got {tempoBpm}");
        if (beatsPerBar is < 1 or > 16) throw new ParameterException($"beats per bar must be in 1..16, got {beatsPerBar}");
        TicksPerQuarter = ticksPerQuarter;
        TempoBpm = tempoBpm;
        BeatsPerBar = beatsPerBar;
    }

    /// <summary>Pulses per quarter note.</summary>
    public int TicksPerQuarter { get; }

    /// <summary>Tempo in quarter notes per minute.</summary>
    public double TempoBpm { get; }

    /// <summary>Beats (quarter notes) per bar.</summary>
    public int BeatsPerBar { get; }

    /// <summary>Ticks in one bar.</summary>
    public long TicksPerBar => (long)TicksPerQuarter * BeatsPerBar;

    /// <summary>General-MIDI program (0-based) per channel; channel 9 is drums and needs none.</summary>
    public Dictionary<int, int> Programs { get; } = [];

    /// <summary>Channel volume (CC 7, 0..127) per channel.</summary>
    public Dictionary<int, int> Volumes { get; } = [];

    /// <summary>All notes, in insertion order.</summary>
    public List<MidiNote> Notes { get; } = [];

    /// <summary>Song length in ticks; the end-of-track marker is placed here (notes past it are cut).</summary>
    public long LengthTicks { get; set; }

    /// <summary>Seconds per tick at this tempo.</summary>
    public double SecondsPerTick => 60.0 / TempoBpm / TicksPerQuarter;

    /// <summary>Adds a note, clamping key and velocity into MIDI range; zero-length notes are dropped.</summary>
    public void Add(int channel, long start, long duration, int key, int velocity)
    {
        if (duration <= 0 || start < 0) return;
        while (key < 0) key += 12;
        while (key > 127) key -= 12;
        Notes.Add(new MidiNote(channel, start, duration, key, Math.Clamp(velocity, 1, 127)));
    }
}
