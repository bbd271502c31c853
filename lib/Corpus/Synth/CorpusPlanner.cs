namespace AudioAlchemy.Corpus.Synth;

/// <summary>
/// Decides every song's labels and seed from the options alone. Inside each genre, artists take turns
/// (song j → artist j mod artists) and languages come from a balanced list (each language equally often, up to one)
/// shuffled with a per-genre stream: the language is therefore independent of both genre (exactly balanced per genre
/// when <c>PerGenre</c> is a multiple of the language count) and artist (random).
/// </summary>
public static class CorpusPlanner
{
    private static readonly string[] TitleA = ["Silver", "Midnight", "Paper", "Golden", "Quiet", "Broken", "Electric", "Velvet",
        "Northern", "Hollow", "Crimson", "Distant", "Wild", "Blue", "Burning", "Winter", "Lonely", "Bright", "Endless", "Faded"];
    private static readonly string[] TitleB = ["River", "Lantern", "Morning", "Highway", "Harbor", "Garden", "Signal", "Mirror",
        "Station", "Horizon", "Letter", "Rain", "Engine", "Window", "Shadow", "Fever", "Compass", "Echo", "Avenue", "Orchard"];

    /// <summary>The plans of all songs, genre by genre, in index order.</summary>
    public static IReadOnlyList<SongPlan> Plan(SynthOptions options)
    {
        options.Validate();
        var plans = new List<SongPlan>();
        var languages = options.EffectiveLanguages;
        int index = 0;
        foreach (string genreName in options.EffectiveGenres)
        {
            var genre = GenreCatalog.Get(genreName);
            var genreRng = new SeededRandom(SeededRandom.Derive(options.Seed, SeededRandom.Key("languages"), SeededRandom.Key(genreName)));
            int offset = genreRng.Next(languages.Count);
            var langs = Enumerable.Range(0, options.PerGenre).Select(j => languages[(j + offset) % languages.Count]).ToList();
            genreRng.Shuffle(langs);
            for (int j = 0; j < options.PerGenre; j++, index++)
            {
                ulong seed = SeededRandom.Derive(options.Seed, (ulong)index);
                var rng = new SeededRandom(SeededRandom.Derive(seed, SeededRandom.Key("plan")));
                int artistIndex = j % genre.ArtistNames.Length;
                var artist = ArtistStyle.For(genre, artistIndex);
                bool minor = rng.Chance(genre.MinorProbability);
                var progressions = minor ? genre.MinorProgressions : genre.MajorProgressions;
                int tempo = (int)Math.Round(Math.Clamp(artist.TempoCenter * rng.Uniform(0.92, 1.08), genre.TempoMin, genre.TempoMax));
                plans.Add(new SongPlan(
                    Index: index,
                    Id: $"{genreName}_{j:000}",
                    Genre: genreName,
                    ArtistIndex: artistIndex,
                    Artist: artist.Name,
                    Title: $"{rng.Pick(TitleA)} {rng.Pick(TitleB)}",
                    Language: langs[j],
                    Voice: rng.Pick(options.EffectiveVoices),
                    Tonic: rng.Next(12),
                    Minor: minor,
                    TempoBpm: tempo,
                    BeatsPerBar: rng.Pick(genre.Meters),
                    Progression: progressions[(artistIndex + rng.Next(2)) % progressions.Length],
                    VocalRatioDb: Math.Round(rng.Uniform(-3, 6), 2),
                    Seed: seed,
                    Seconds: options.Seconds,
                    SampleRate: options.SampleRate));
            }
        }
        return plans;
    }
}
