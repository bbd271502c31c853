using System.Text.RegularExpressions;

namespace AudioAlchemy.Dsp;

/// <summary>librosa's note-name conversions (<c>note_to_midi</c>, <c>note_to_hz</c>, <c>midi_to_note</c>, <c>hz_to_note</c>), key C major (sharps).</summary>
public static partial class Notes
{
    private static readonly string[] SharpNames = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"];
    private static readonly int[] PitchMap = [9, 11, 0, 2, 4, 5, 7];   // A..G → semitone above C

    [GeneratedRegex(@"^(?<note>[A-Ga-g])(?<acc>[#♯𝄪b!♭𝄫♮]*)(?<oct>[+-]?\d+)?(?<cents>[+-]\d+)?$")]
    private static partial Regex NoteRegex();

    /// <summary>
    /// <c>note_to_midi(note, round_midi)</c>: e.g. "C4" → 60, "A4" → 69, "C#4"/"Db4" → 61, "B♭3" → 58, "E-1" → 4,
    /// "A4+25" → 69.25 (69 when rounding, numpy's half-to-even). Accidentals #, ♯, 𝄪 (double), b, !, ♭, 𝄫, ♮; octave
    /// defaults to 0.
    /// </summary>
    public static double NoteToMidi(string note, bool roundMidi = true)
    {
        var m = NoteRegex().Match(note ?? "");
        if (!m.Success) throw new ParameterException($"Improper note format: '{note}'");
        int pitch = PitchMap[char.ToUpperInvariant(m.Groups["note"].Value[0]) - 'A'];
        int offset = 0;
        var acc = m.Groups["acc"].Value;
        for (int i = 0; i < acc.Length; i++)
        {
            if (char.IsHighSurrogate(acc[i]))
            {
                string s = acc.Substring(i, 2);
                offset += s == "𝄪" ? 2 : s == "𝄫" ? -2 : 0;
                i++;
                continue;
            }
            offset += acc[i] switch { '#' or '♯' => 1, 'b' or '!' or '♭' => -1, _ => 0 };
        }
        int octave = m.Groups["oct"].Success ? int.Parse(m.Groups["oct"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        double cents = m.Groups["cents"].Success ? int.Parse(m.Groups["cents"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        double value = 12 * (octave + 1) + pitch + offset + cents / 100;
        return roundMidi ? Math.Round(value, MidpointRounding.ToEven) : value;
    }

    /// <summary><c>note_to_hz(note)</c> = midi_to_hz(note_to_midi(note, round_midi)); "C2" → 65.406…, "C7" → 2093.004….</summary>
    public static double NoteToHz(string note, bool roundMidi = true) => Units.MidiToHz(NoteToMidi(note, roundMidi));

    /// <summary>
    /// <c>midi_to_note(midi, octave, cents, key='C:maj', unicode)</c>: 60 → "C4", 61 → "C♯4" ("C#4" without unicode),
    /// 61.3 with cents → "C♯4+30".
    /// </summary>
    public static string MidiToNote(double midi, bool octave = true, bool cents = false, bool unicode = true)
    {
        if (cents && !octave) throw new ParameterException("Cannot encode cents without octave information.");
        int num = (int)Math.Round(midi, MidpointRounding.ToEven);
        int c = (int)(100 * Math.Round(midi - num, 2, MidpointRounding.ToEven));
        string name = SharpNames[((num % 12) + 12) % 12];
        if (unicode) name = name.Replace('#', '♯');
        if (octave) name += ((int)(num / 12.0) - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);   // librosa: int(note_num / 12) − 1 (truncation)
        if (cents) name += (c >= 0 ? "+" : "") + c.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return name;
    }

    /// <summary><c>hz_to_note(hz, ...)</c> = midi_to_note(hz_to_midi(hz), ...).</summary>
    public static string HzToNote(double hz, bool octave = true, bool cents = false, bool unicode = true) => MidiToNote(Units.HzToMidi(hz), octave, cents, unicode);
}
