namespace AudioAlchemy.Corpus.Synth;

/// <summary>
/// A chord relative to the song's tonic: root offset in semitones and chord tones as intervals above the root.
/// Parsed from roman numerals (<see cref="Parse"/>): upper case = major, lower case = minor, a leading <c>b</c>/<c>#</c>
/// shifts the root, suffixes <c>7</c> (dominant on major, minor seventh on minor), <c>maj7</c>, <c>9</c>,
/// <c>5</c> (power chord), <c>dim</c>, <c>ø</c> (half-diminished).
/// </summary>
/// <param name="Root">Root in semitones above the tonic, 0..11.</param>
/// <param name="Intervals">Chord tones above the root in semitones, ascending, starting with 0.</param>
/// <param name="Symbol">The roman numeral it was parsed from.</param>
public sealed record Chord(int Root, int[] Intervals, string Symbol)
{
    private static readonly int[] MajorScale = [0, 2, 4, 5, 7, 9, 11];
    private static readonly string[] Numerals = ["vii", "iii", "vi", "iv", "ii", "v", "i"];

    /// <summary>Parses a roman numeral such as <c>bVII</c>, <c>ii7</c>, <c>V7</c>, <c>Imaj7</c>, <c>i5</c>, <c>iiø</c>.</summary>
    /// <exception cref="ArgumentException">The text is not a chord symbol this parser knows.</exception>
    public static Chord Parse(string symbol)
    {
        string s = symbol;
        int shift = 0;
        while (s.StartsWith('b') || s.StartsWith('#')) { shift += s[0] == 'b' ? -1 : 1; s = s[1..]; }
        string? numeral = Numerals.FirstOrDefault(n => s.StartsWith(n, StringComparison.OrdinalIgnoreCase));
        if (numeral == null) throw new ParameterException($"'{symbol}' is not a roman-numeral chord");
        bool major = char.IsUpper(s[0]);
        int degree = Array.IndexOf(["i", "ii", "iii", "iv", "v", "vi", "vii"], numeral);
        string suffix = s[numeral.Length..];
        int root = ((MajorScale[degree] + shift) % 12 + 12) % 12;
        int third = major ? 4 : 3;
        int[] intervals = suffix switch
        {
            "" => [0, third, 7],
            "7" => [0, third, 7, 10],
            "maj7" => [0, 4, 7, 11],
            "9" => major ? [0, 4, 7, 10, 14] : [0, 3, 7, 10, 14],
            "5" => [0, 7, 12],
            "dim" => [0, 3, 6],
            "ø" => [0, 3, 6, 10],
            "6" => [0, third, 7, 9],
            _ => throw new ParameterException($"'{symbol}': unknown chord suffix '{suffix}'"),
        };
        return new Chord(root, intervals, symbol);
    }

    /// <summary>Parses a space-separated progression (one chord per bar).</summary>
    public static Chord[] ParseProgression(string progression) =>
        progression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToArray();

    /// <summary>MIDI keys of the chord voiced upward from the first chord tone at or above <paramref name="lowKey"/>.</summary>
    /// <param name="tonicKey">MIDI key of the tonic pitch class in any octave.</param>
    /// <param name="lowKey">Lowest allowed key of the voicing.</param>
    public int[] Voicing(int tonicKey, int lowKey)
    {
        int rootPc = (tonicKey + Root) % 12;
        int baseKey = lowKey + ((rootPc - lowKey) % 12 + 12) % 12;
        return Intervals.Select(i => baseKey + i).ToArray();
    }

    /// <summary>The root's MIDI key in the octave starting at <paramref name="lowKey"/>.</summary>
    public int RootKey(int tonicKey, int lowKey) => lowKey + (((tonicKey + Root) % 12 - lowKey) % 12 + 12) % 12;
}
