namespace AudioAlchemy.Corpus;

/// <summary>
/// One song of a <see cref="Manifest"/>: where its audio is and what is known about it. Paths are absolute (resolved
/// against the manifest's folder when read); labels are trimmed strings or null when the manifest does not give them.
/// Columns this type does not name are kept in <see cref="Extra"/> and reachable through <see cref="Label"/>.
/// </summary>
/// <param name="RowNumber">1-based record number in the manifest (the first data row after a CSV header is 1; the first JSON node is 1).</param>
/// <param name="Id">Unique song id (CSV <c>id</c>; when absent, the audio file name without extension).</param>
/// <param name="Path">Absolute path of the audio (the full mix).</param>
/// <param name="VocalsPath">Absolute path of the vocal stem, or null.</param>
/// <param name="AccompanimentPath">Absolute path of the accompaniment (instrumental) stem, or null.</param>
/// <param name="Artist">Artist (for group-by-artist splits), or null.</param>
/// <param name="Title">Song title, or null.</param>
/// <param name="Genre">Genre label, or null.</param>
/// <param name="Language">Sung language label, or null.</param>
/// <param name="Key">Tonic name (C, C#, ... B), or null.</param>
/// <param name="Mode"><c>major</c> / <c>minor</c>, or null.</param>
/// <param name="TempoBpm">Tempo in BPM, or null.</param>
/// <param name="Seed">Generator seed for synthetic songs, or null.</param>
/// <param name="TrackType">What <see cref="Path"/> holds when not a full mix (e.g. <c>vocals</c>, <c>instrumental</c>), or null.</param>
/// <param name="Extra">Other columns: lower-case name → value.</param>
public sealed record ManifestRow(
    int RowNumber,
    string Id,
    string Path,
    string? VocalsPath = null,
    string? AccompanimentPath = null,
    string? Artist = null,
    string? Title = null,
    string? Genre = null,
    string? Language = null,
    string? Key = null,
    string? Mode = null,
    double? TempoBpm = null,
    string? Seed = null,
    string? TrackType = null,
    IReadOnlyDictionary<string, string>? Extra = null)
{
    /// <summary>True when both stems are given.</summary>
    public bool HasStems => VocalsPath != null && AccompanimentPath != null;

    /// <summary>
    /// A label by column name (case-insensitive): <c>genre</c>, <c>language</c>, <c>artist</c>, <c>title</c>, <c>key</c>,
    /// <c>mode</c>, <c>track_type</c>, <c>id</c>, or any extra column (e.g. <c>region</c>). Null when absent.
    /// </summary>
    public string? Label(string name) => ManifestColumns.Canonical(name) switch
    {
        "id" => Id,
        "genre" => Genre,
        "language" => Language,
        "artist" => Artist,
        "title" => Title,
        "key" => Key,
        "mode" => Mode,
        "track_type" => TrackType,
        "seed" => Seed,
        "tempo_bpm" => TempoBpm?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        var other => Extra != null && Extra.TryGetValue(other, out var v) ? v : null,
    };
}
