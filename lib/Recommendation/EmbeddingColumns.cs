namespace AudioAlchemy.Recommendation;

/// <summary>
/// Column names of a song-embedding table (<c>alchemy embed</c>): metadata columns, then numeric embedding blocks, each
/// recognised by its prefix: <c>emb_genre_*</c> / <c>emb_language_*</c> (CNN penultimate layer of the genre / language model),
/// <c>p_genre_*</c> / <c>p_language_*</c> (the models' class probabilities), <c>t1_*</c> (Table-1 values, standardised to mean 0, standard deviation 1
/// over the library's songs when <see cref="SongLibrary"/> loads the table).
/// </summary>
public static class EmbeddingColumns
{
    /// <summary>Track id (manifest <c>id</c>).</summary>
    public const string Id = "id";

    /// <summary>Manifest title, artist, path, genre and language labels (may be empty).</summary>
    public const string Title = "title", Artist = "artist", Path = "path", Genre = "genre", Language = "language";

    /// <summary>Estimated tempo (BPM, Table-1 <c>tempo</c>) and key name (e.g. "A minor", Table-1 <c>key</c>).</summary>
    public const string Tempo = "tempo", Key = "key";

    /// <summary>Most probable class of the genre / language model (empty without that model).</summary>
    public const string PredictedGenre = "pred_genre", PredictedLanguage = "pred_language";

    /// <summary>The metadata columns, in table order.</summary>
    public static readonly string[] Metadata = [Id, Title, Artist, Path, Genre, Language, Tempo, Key, PredictedGenre, PredictedLanguage];

    /// <summary>Prefixes of the embedding blocks, in table order.</summary>
    public static readonly string[] BlockPrefixes = ["emb_genre_", "p_genre_", "emb_language_", "p_language_", "t1_"];

    /// <summary>The block a column belongs to (its prefix without the trailing underscore, e.g. "p_genre"), or null.</summary>
    public static string? BlockOf(string column)
    {
        foreach (var p in BlockPrefixes) if (column.StartsWith(p, StringComparison.Ordinal) && column.Length > p.Length) return p[..^1];
        return null;
    }

    /// <summary>True for the language blocks (<c>emb_language</c>, <c>p_language</c>): what a language-blind recommender leaves out.</summary>
    public static bool IsLanguageBlock(string block) => block is "emb_language" or "p_language";
}
