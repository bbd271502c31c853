namespace AudioAlchemy.Recommendation;

/// <summary>Simulated listeners and their ratings of one library on each Likert scale.</summary>
/// <param name="Listeners">The listeners' hidden tastes.</param>
/// <param name="Latent">Per exposed (user, item) pair, the noisy latent taste the ratings quantise.</param>
public sealed record SimulatedRatings(IReadOnlyList<Listener> Listeners, IReadOnlyList<(string User, string Item, double Latent)> Latent)
{
    /// <summary>
    /// The ratings on <paramref name="scale"/>: the latent tastes cut at their quantiles into equally frequent points
    /// (1 = lowest). Every scale quantises the same latent values, so scales differ only in resolution. Implicit: plays =
    /// round(2 × max(0, latent − median)) with zeros dropped (a play log only has what was played).
    /// </summary>
    public IReadOnlyList<Rating> On(RatingScale scale)
    {
        var sorted = Latent.Select(l => l.Latent).Order().ToArray();
        if (scale.IsImplicit)
        {
            double median = sorted[sorted.Length / 2];
            return Latent.Select(l => new Rating(l.User, l.Item, Math.Round(2 * Math.Max(0, l.Latent - median)))).Where(r => r.Value > 0).ToList();
        }
        var cuts = Enumerable.Range(1, scale.Points - 1).Select(c => sorted[Math.Min(sorted.Length - 1, c * sorted.Length / scale.Points)]).ToArray();
        return Latent.Select(l => new Rating(l.User, l.Item, 1 + cuts.Count(c => l.Latent >= c))).ToList();
    }
}

/// <summary>
/// Seeded listener simulator over a library's true labels (manifest genre and language, estimated tempo). Each
/// listener favours <see cref="ListenerOptions.FavouriteGenres"/> genres; a share of them wants one sung language
/// (taste +w for it, −w for the others), the rest are mildly indifferent to language; each prefers a tempo. A song's
/// latent taste is genre + language + tempo taste + the song's own appeal (normal, sd 0.3) + noise. Exposure is missing
/// not at random: each listener rates <see cref="ListenerOptions.RatingsPerUser"/> songs drawn without replacement with
/// weight popularity × exp(bias × taste) (Efraimidis–Spirakis sampling), so popular and liked songs are over-represented
/// among the observed ratings, as in real logs. Same seed, same ratings.
/// </summary>
public static class ListenerSimulator
{
    /// <summary>Simulates listeners for <paramref name="library"/>.</summary>
    /// <exception cref="AlchemyException">Songs without a genre or language label (the simulator's ground truth).</exception>
    public static SimulatedRatings Simulate(SongLibrary library, ListenerOptions options)
    {
        var o = options.Validate();
        var missing = library.Songs.FirstOrDefault(s => s.Genre is null || s.Language is null);
        if (missing is not null) throw new AlchemyException($"{library.Source}: song {missing.Id} has no genre or language label; the listener simulator needs both (manifest columns genre, language)");
        var rng = new Random(o.Seed);
        var genres = library.Songs.Select(s => s.Genre!).Distinct().Order(StringComparer.Ordinal).ToArray();
        var languages = library.Songs.Select(s => s.Language!).Distinct().Order(StringComparer.Ordinal).ToArray();
        int n = library.Count;
        var appeal = Enumerable.Range(0, n).Select(_ => 0.3 * Normal.Next(rng)).ToArray();
        var popRank = Enumerable.Range(1, n).OrderBy(_ => rng.Next()).ToArray();
        var popularity = popRank.Select(r => Math.Pow(r, -o.PopularitySkew)).ToArray();
        double medianTempo = library.Songs.Select(s => s.Tempo).Where(double.IsFinite).DefaultIfEmpty(120).Order().ElementAt(library.Songs.Count(s => double.IsFinite(s.Tempo)) / 2);
        var listeners = new List<Listener>();
        var latent = new List<(string, string, double)>();
        int m = Math.Min(o.RatingsPerUser, n);
        for (int u = 0; u < o.Users; u++)
        {
            string id = $"u{u:000}";
            var fav = genres.OrderBy(_ => rng.Next()).Take(o.FavouriteGenres).ToHashSet();
            var gt = genres.ToDictionary(g => g, g => 0.5 * Normal.Next(rng) + (fav.Contains(g) ? o.GenreWeight : 0));
            string? single = rng.NextDouble() < o.SingleLanguageFraction ? languages[rng.Next(languages.Length)] : null;
            var lt = languages.ToDictionary(l => l, l => single is null ? 0.3 * Normal.Next(rng) : l == single ? o.LanguageWeight : -o.LanguageWeight);
            double tempo = medianTempo * Math.Pow(2, 0.5 * (2 * rng.NextDouble() - 1));
            var listener = new Listener(id, gt, lt, single, tempo);
            listeners.Add(listener);
            var taste = new double[n];
            for (int i = 0; i < n; i++) taste[i] = Taste(listener, library.Songs[i], o) + appeal[i];
            var chosen = Enumerable.Range(0, n).Select(i => (i, key: Math.Log(1 - rng.NextDouble()) / (popularity[i] * Math.Exp(o.ExposureBias * taste[i]))))
                .OrderByDescending(p => p.key).Take(m).Select(p => p.i).OrderBy(i => i).ToList();
            foreach (int i in chosen) latent.Add((id, library.Songs[i].Id, taste[i] + o.Noise * Normal.Next(rng)));
        }
        return new SimulatedRatings(listeners, latent);
    }

    /// <summary>Noise-free taste of <paramref name="listener"/> for <paramref name="song"/> (without the song's own appeal).</summary>
    public static double Taste(Listener listener, Song song, ListenerOptions o)
    {
        double t = listener.GenreTaste.GetValueOrDefault(song.Genre ?? "", 0) + listener.LanguageTaste.GetValueOrDefault(song.Language ?? "", 0);
        if (double.IsFinite(song.Tempo) && song.Tempo > 0)
        {
            double octaves = Math.Log2(song.Tempo / listener.PreferredTempo);
            t += o.TempoWeight * (Math.Exp(-octaves * octaves / (2 * 0.35 * 0.35)) - 0.5);
        }
        return t;
    }
}
