using static AudioAlchemy.Corpus.Synth.DrumPattern;

namespace AudioAlchemy.Corpus.Synth;

/// <summary>
/// The ten genres of the demo corpus (the seed study's GTZAN-style labels) and their idioms. Programs are
/// General-MIDI numbers, 0-based (0 piano, 25 steel guitar, 30 distortion guitar, 33 finger bass, 48 strings...).
/// </summary>
public static class GenreCatalog
{
    /// <summary>Genre labels in corpus order.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop", "reggae", "rock"];

    /// <summary>The style of <paramref name="genre"/>.</summary>
    /// <exception cref="AlchemyException">Unknown genre.</exception>
    public static GenreStyle Get(string genre) => Styles.TryGetValue(genre, out var s) ? s
        : throw new AlchemyException($"unknown genre '{genre}'; known: {string.Join(", ", Names)}");

    private static readonly Dictionary<string, GenreStyle> Styles = new GenreStyle[]
    {
        new("blues", 66, 126, [4], 0.62, 0.67, 0.3,
            ["I7 I7 I7 I7 IV7 IV7 I7 I7 V7 IV7 I7 V7", "I7 IV7 I7 I7 IV7 IV7 I7 I7 V7 IV7 I7 V7", "I7 I7 IV7 IV7 I7 I7 V7 V7"],
            ["i7 i7 i7 i7 iv7 iv7 i7 i7 bVI7 V7 i7 V7", "i7 iv7 i7 i7 iv7 iv7 i7 i7 V7 iv7 i7 V7"],
            [Of("shuffle", (Kick, "x.......x......."), (Snare, "....x.......x..."), (ClosedHat, "x.x.x.x.x.x.x.x.")),
             Of("shuffle-ride", (Kick, "x.......x..o...."), (Snare, "....x..o....x..."), (Ride, "x.x.x.x.x.x.x.x."))],
            [BassStyle.Boogie, BassStyle.Walking], [CompStyle.Shuffle, CompStyle.Block],
            [26, 27, 29, 0, 16], [32, 33], [22, 16, 65], 0.6,
            ["Muddy Creek Trio", "Delta Lou", "Slow Train Sam", "The Midnight Porch"]),
        new("classical", 56, 116, [4, 3, 3], 0.5, 0.5, 0.45,
            ["I IV V I", "I vi ii V", "I V vi iii IV I IV V", "I IV I V"],
            ["i iv V i", "i VI iv V", "i iv bVII bIII bVI iiø V i"],
            [], [BassStyle.Sustain], [CompStyle.Arpeggio, CompStyle.Block],
            [0, 48, 46, 6, 45], [42, 43], [48, 73, 68, 71, 60], 0.5,
            ["Ensemble Aurora", "Quartetto Lume", "The Harbour Strings", "Clara Voss"]),
        new("country", 88, 136, [4, 4, 4, 3], 0.5, 0.54, 0.1,
            ["I IV V I", "I I IV V", "I V I IV", "I IV I V"],
            ["i bVII i V"],
            [Of("train", (Kick, "x.......x......."), (Snare, "o.xoo.xoo.xoo.xo"), (ClosedHat, "x...x...x...x...")),
             Of("two-step", (Kick, "x.......x......."), (SideStick, "....x.......x..."), (ClosedHat, "x.x.x.x.x.x.x.x.")),
             Of("waltz", (Kick, "x..........."), (SideStick, "....x...x..."), (ClosedHat, "x...x...x..."))],
            [BassStyle.RootFifth], [CompStyle.Strum],
            [25, 24, 27], [32, 33], [110, 105, 26], 0.6,
            ["Dusty Hollow", "June Calloway", "The Cedar Boys", "Rhett Harlan"]),
        new("disco", 110, 128, [4], 0.5, 0.52, 0.5,
            ["ii7 V7 Imaj7 vi7", "I IV I IV", "vi7 ii7 V7 Imaj7"],
            ["i7 iv7 i7 iv7", "i7 bVII i7 bVII", "i7 iv7 bVII7 bIIImaj7"],
            [Of("four-floor", (Kick, "x...x...x...x..."), (Clap, "....x.......x..."), (ClosedHat, "x.x.x.x.x.x.x.x."), (OpenHat, "..x...x...x...x.")),
             Of("four-floor-16", (Kick, "x...x...x...x..."), (Snare, "....x.......x..."), (ClosedHat, "xxxxxxxxxxxxxxxx"), (OpenHat, "..x...x...x...x."))],
            [BassStyle.Octave], [CompStyle.Stabs, CompStyle.Block],
            [28, 4, 61, 27], [33, 38, 36], [48, 49, 50], 0.8,
            ["Mirrorball Society", "Velvet Nova", "The Satin Steps", "Lady Lumiere"]),
        new("hiphop", 78, 100, [4], 0.54, 0.62, 0.75,
            ["Imaj7 vi7 ii7 V7", "I vi IV V"],
            ["i7 iv7", "i bVI bIII bVII", "i7 i7 bVI bVII", "iv7 i7"],
            [Of("boom-bap", (Kick, "x......x..x....."), (Snare, "....x.......x..."), (ClosedHat, "x.x.x.x.x.x.x.x.")),
             Of("boom-bap-2", (Kick, "x.x.......x..x.."), (Snare, "....x.......x..o"), (ClosedHat, "x.xxx.x.x.xxx.x."))],
            [BassStyle.Sparse], [CompStyle.Block, CompStyle.Stabs],
            [4, 0, 11, 88], [38, 39, 33], [89, 48, 11], 0.45,
            ["MC Lowline", "Concrete Verse", "Dj Parallax", "The Basement Tapes"]),
        new("jazz", 100, 196, [4, 4, 3], 0.62, 0.67, 0.3,
            ["ii7 V7 Imaj7 Imaj7", "Imaj7 vi7 ii7 V7", "iii7 VI7 ii7 V7", "Imaj7 IV7 iii7 VI7 ii7 V7 Imaj7 Imaj7"],
            ["iiø V7 i7 i7", "i7 iv7 iiø V7"],
            [Of("swing", (Ride, "x...x.x.x...x.x."), (PedalHat, "....x.......x..."), (Kick, "o...o...o...o..."), (Snare, "......o.......o.")),
             Of("swing-sparse", (Ride, "x...x.x.x...x.x."), (PedalHat, "....x.......x..."), (Snare, "..........o.....")),
             Of("jazz-waltz", (Ride, "x...x.x.x.x."), (PedalHat, "....x...x..."), (Kick, "o..........."))],
            [BassStyle.Walking], [CompStyle.JazzComp],
            [0, 26, 4], [32], [65, 66, 56, 57], 0.55,
            ["Blue Room Quartet", "Miles Arden", "The Late Set", "Nina Okafor Trio"]),
        new("metal", 100, 184, [4], 0.5, 0.5, 0.95,
            ["I5 bVII5 IV5 I5"],
            ["i5 bVI5 bVII5 i5", "i5 bII5 i5 bVII5", "i5 i5 bVI5 bVII5", "i5 iv5 bVI5 V5"],
            [Of("double-kick", (Kick, "xxxxxxxxxxxxxxxx"), (Snare, "....X.......X..."), (Crash, "x.......x.......")),
             Of("thrash", (Kick, "x.x.x.x.x.x.x.x."), (Snare, "..x...x...x...x."), (Ride, "x...x...x...x..."))],
            [BassStyle.Gallop], [CompStyle.PowerChord],
            [30, 29], [34, 33], [19, 48], 0.9,
            ["Iron Verdict", "Graveborn", "Steel Cathedral", "Nocturne Vex"]),
        new("pop", 88, 128, [4], 0.5, 0.52, 0.3,
            ["I V vi IV", "vi IV I V", "I vi IV V", "IV I V vi"],
            ["i bVI bIII bVII", "i bVII bVI bVII"],
            [Of("pop", (Kick, "x.....x.x......."), (Snare, "....x.......x..."), (Clap, "....x.......x..."), (ClosedHat, "x.x.x.x.x.x.x.x.")),
             Of("pop-16", (Kick, "x.......x.x....."), (Snare, "....x.......x..."), (ClosedHat, "xxxxxxxxxxxxxxxx"), (Tambourine, "....x.......x..."))],
            [BassStyle.Eighths, BassStyle.RootFifth], [CompStyle.Block, CompStyle.Arpeggio, CompStyle.Strum],
            [0, 4, 25, 90], [33, 38], [88, 89, 48, 80], 0.65,
            ["Skylar Bloom", "The Paper Hearts", "Nova Lane", "Juno Reyes"]),
        new("reggae", 64, 90, [4], 0.5, 0.58, 0.4,
            ["I IV I IV", "I V IV V", "ii7 V7 ii7 V7"],
            ["i iv i iv", "i bVII i bVII", "i7 iv7 bVII i7"],
            [Of("one-drop", (Kick, "........x......."), (SideStick, "........x......."), (ClosedHat, "x.x.x.x.x.x.x.x.")),
             Of("steppers", (Kick, "x...x...x...x..."), (SideStick, "........x......."), (ClosedHat, "..x...x...x...x."))],
            [BassStyle.Reggae], [CompStyle.Skank],
            [27, 16, 4], [33, 32], [16, 56], 0.5,
            ["Kingston Roots Band", "Irie Mountain", "Selah Brown", "The Dub Collective"]),
        new("rock", 100, 152, [4], 0.5, 0.52, 0.35,
            ["I bVII IV I", "I IV V IV", "I V IV IV", "I IV I V"],
            ["i bVII bVI bVII", "i iv bVII i", "i bIII bVII iv"],
            [Of("backbeat", (Kick, "x.......x.x....."), (Snare, "....x.......x..."), (ClosedHat, "x.x.x.x.x.x.x.x.")),
             Of("driving", (Kick, "x...x...x...x..."), (Snare, "....x.......x..."), (ClosedHat, "x.x.x.x.x.x.x.x."), (Crash, "x..............."))],
            [BassStyle.Eighths], [CompStyle.PowerChord, CompStyle.Strum],
            [29, 30, 27, 25], [34, 33], [18, 0], 0.75,
            ["The Loose Wires", "Hollow Coast", "Red Engine", "Maggie Stone"]),
    }.ToDictionary(g => g.Name);
}
