namespace AudioAlchemy.Recommendation;

/// <summary>One song of a <see cref="SongLibrary"/>: its metadata (labels may be null) and its embedding blocks.</summary>
/// <param name="Id">Track id.</param>
/// <param name="Title">Title, if known.</param>
/// <param name="Artist">Artist, if known.</param>
/// <param name="Path">Audio path, if known.</param>
/// <param name="Genre">Genre label (manifest), if known.</param>
/// <param name="Language">Sung-language label (manifest), if known.</param>
/// <param name="Tempo">Estimated tempo in BPM (NaN when unknown).</param>
/// <param name="Key">Estimated key, e.g. "A minor", if known.</param>
/// <param name="PredictedGenre">The genre model's top class, if a genre model was used.</param>
/// <param name="PredictedLanguage">The language model's top class, if a language model was used.</param>
public sealed record Song(string Id, string? Title, string? Artist, string? Path, string? Genre, string? Language, double Tempo, string? Key,
    string? PredictedGenre, string? PredictedLanguage)
{
    /// <summary>The genre used to explain and filter: predicted when available, else the label.</summary>
    public string? GenreForMatching => PredictedGenre ?? Genre;

    /// <summary>The language used for <c>--same-language</c> and language-aware models: predicted when available, else the label.</summary>
    public string? LanguageForMatching => PredictedLanguage ?? Language;

    /// <summary>"id (title by artist)" for messages and tables.</summary>
    public string Display => Title is null ? Id : $"{Id} ({Title}{(Artist is null ? "" : " by " + Artist)})";
}
