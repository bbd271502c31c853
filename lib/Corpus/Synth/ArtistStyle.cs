namespace AudioAlchemy.Corpus.Synth;

/// <summary>
/// A fixed style preset inside a genre: the instruments, grooves and tempo region one "artist" always uses. Derived
/// from the genre and the artist's index only (not from the corpus seed), so an artist sounds the same in every
/// corpus; songs vary around it. Group-by-artist splits therefore test generalisation to unseen timbres and grooves.
/// </summary>
/// <param name="Genre">The genre's idiom.</param>
/// <param name="Index">Artist number inside the genre (0-based).</param>
/// <param name="Name">Display name (manifest column <c>artist</c>).</param>
/// <param name="TempoCenter">Typical tempo in BPM; songs draw within ±8 % of it, clamped to the genre's range.</param>
/// <param name="Swing">Off-beat position (0.5 straight .. 0.67 triplet).</param>
/// <param name="CompProgram">GM program of the harmony instrument.</param>
/// <param name="BassProgram">GM program of the bass.</param>
/// <param name="LayerProgram">GM program of the third layer.</param>
/// <param name="Drums">Drum bar in 4/4 (null when the genre has no drums or only odd-meter patterns).</param>
/// <param name="Bass">Bass line style.</param>
/// <param name="Comp">Comping style.</param>
/// <param name="Density">0..1 busyness (genre density ± 0.15).</param>
/// <param name="Brightness">Register shift of the comping voicing in semitones (-5..+5).</param>
public sealed record ArtistStyle(GenreStyle Genre, int Index, string Name, double TempoCenter, double Swing, int CompProgram,
    int BassProgram, int LayerProgram, DrumPattern? Drums, BassStyle Bass, CompStyle Comp, double Density, int Brightness)
{
    /// <summary>The preset of artist <paramref name="index"/> of <paramref name="genre"/> (deterministic).</summary>
    public static ArtistStyle For(GenreStyle genre, int index)
    {
        if (index < 0 || index >= genre.ArtistNames.Length)
            throw new ParameterException($"genre '{genre.Name}' has {genre.ArtistNames.Length} artists");
        var rng = new SeededRandom(SeededRandom.Derive(SeededRandom.Key("artist"), SeededRandom.Key(genre.Name), (ulong)index));
        double tempo = genre.TempoMin + (genre.TempoMax - genre.TempoMin) * (index + rng.Uniform(0.15, 0.85)) / genre.ArtistNames.Length;
        var fourFour = genre.DrumPatterns.Where(p => p.Steps == 16).ToArray();
        return new ArtistStyle(genre, index, genre.ArtistNames[index], tempo,
            rng.Uniform(genre.SwingMin, genre.SwingMax),
            genre.CompPrograms[(index + rng.Next(genre.CompPrograms.Length)) % genre.CompPrograms.Length],
            genre.BassPrograms[(index + rng.Next(2)) % genre.BassPrograms.Length],
            genre.LayerPrograms[(index + rng.Next(genre.LayerPrograms.Length)) % genre.LayerPrograms.Length],
            fourFour.Length == 0 ? null : fourFour[index % fourFour.Length],
            genre.BassStyles[index % genre.BassStyles.Length],
            genre.CompStyles[(index + rng.Next(2)) % genre.CompStyles.Length],
            Math.Clamp(genre.Density + rng.Uniform(-0.15, 0.15), 0.1, 1.0),
            rng.Between(-5, 5));
    }
}
