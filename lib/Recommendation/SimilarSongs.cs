namespace AudioAlchemy.Recommendation;

/// <summary>Options of a "more songs like this" query.</summary>
/// <param name="K">Number of recommendations.</param>
/// <param name="SameLanguage">Only songs in the query's (predicted, else labelled) language.</param>
/// <param name="Language">Only songs in this language (e.g. "es"); overrides <paramref name="SameLanguage"/>.</param>
/// <param name="LanguageBlind">Leave the language model's blocks out of the similarity.</param>
public sealed record SimilarSongsOptions(int K = 10, bool SameLanguage = false, string? Language = null, bool LanguageBlind = false)
{
    /// <summary>Throws <see cref="AlchemyException"/> naming the option on a bad value.</summary>
    public SimilarSongsOptions Validate()
    {
        if (K < 1) throw new AlchemyException($"--k must be at least 1 (got {K})");
        if (Language is { Length: 0 }) throw new AlchemyException("--language must not be empty");
        return this;
    }
}

/// <summary>One recommendation.</summary>
/// <param name="Rank">1-based rank.</param>
/// <param name="Song">The recommended song.</param>
/// <param name="Similarity">Cosine similarity with the query.</param>
/// <param name="Why">What it shares with the query.</param>
/// <param name="Text">The explanation as one line.</param>
public sealed record SimilarSong(int Rank, Song Song, double Similarity, Explanation Why, string Text);

/// <summary>Content-based "more songs like this": cosine nearest neighbours in <see cref="SongVectors"/>, with an explanation each.</summary>
public static class SimilarSongs
{
    /// <summary>The <see cref="SimilarSongsOptions.K"/> songs most similar to <paramref name="query"/> (an id, path or title).</summary>
    /// <exception cref="AlchemyException">Unknown song, a language filter with no language information, or no candidates left.</exception>
    public static IReadOnlyList<SimilarSong> Find(SongLibrary library, string query, SimilarSongsOptions options)
    {
        var o = options.Validate();
        int q = library.Resolve(query);
        var qs = library.Songs[q];
        string? language = o.Language ?? (o.SameLanguage ? qs.LanguageForMatching ?? throw new AlchemyException(
            $"{library.Source}: --same-language needs the query's language, but {qs.Id} has neither a language label nor a language-model prediction") : null);
        if (language is not null && library.Songs.All(s => s.LanguageForMatching is null))
            throw new AlchemyException($"{library.Source}: no song has a language (no 'language' labels and no language model); drop --language/--same-language");
        var vectors = SongVectors.Of(library, languageBlind: o.LanguageBlind);
        var candidates = Enumerable.Range(0, library.Count).Where(i => i != q
            && (language is null || string.Equals(library.Songs[i].LanguageForMatching, language, StringComparison.OrdinalIgnoreCase))).ToList();
        if (candidates.Count == 0) throw new AlchemyException($"{library.Source}: no other song in language '{language}'");
        return candidates.Select(i => (i, s: vectors.Cosine(q, i))).OrderByDescending(p => p.s).ThenBy(p => library.Songs[p.i].Id, StringComparer.Ordinal)
            .Take(o.K).Select((p, r) =>
            {
                var song = library.Songs[p.i];
                var why = Explanation.Of(qs, song);
                return new SimilarSong(r + 1, song, p.s, why, why.Describe(qs, song));
            }).ToList();
    }
}
