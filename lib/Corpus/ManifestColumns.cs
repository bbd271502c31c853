namespace AudioAlchemy.Corpus;

/// <summary>
/// Column names of manifests and the aliases accepted when reading. Names are matched case-insensitively after
/// removing spaces, underscores and hyphens, so <c>Song Title</c>, <c>song_title</c> and <c>songtitle</c> are the same.
/// </summary>
public static class ManifestColumns
{
    /// <summary>Columns written by <see cref="Manifest.WriteCsv(string)"/>, in order.</summary>
    public static IReadOnlyList<string> Written { get; } =
        ["id", "path", "vocals_path", "accompaniment_path", "artist", "title", "genre", "language", "key", "mode", "tempo_bpm", "seed", "track_type"];

    private static readonly Dictionary<string, string> Aliases = Build(new()
    {
        ["id"] = ["id", "song_id", "track_id", "uid"],
        ["path"] = ["path", "file", "filename", "file_path", "audio", "audio_path", "audio_file", "audio_link", "audio_links", "link", "links", "url", "mixture", "mixture_path", "mix"],
        ["vocals_path"] = ["vocals_path", "vocals", "vocal", "vocal_path", "vocals_file"],
        ["accompaniment_path"] = ["accompaniment_path", "accompaniment", "instrumental", "instrumental_path", "no_vocals", "no_vocals_path", "accompaniment_file"],
        ["artist"] = ["artist", "artists", "artist_name", "band", "singer"],
        ["title"] = ["title", "song_title", "song", "song_name", "name"],
        ["genre"] = ["genre", "genres", "label"],
        ["language"] = ["language", "lang", "languages", "sung_language"],
        ["key"] = ["key", "tonic"],
        ["mode"] = ["mode", "scale"],
        ["tempo_bpm"] = ["tempo_bpm", "tempo", "bpm"],
        ["seed"] = ["seed"],
        ["track_type"] = ["track_type", "type", "tracktype", "stem"],
        ["region"] = ["region", "country"],
    });

    /// <summary>Normalises a column name: lower case without spaces, underscores or hyphens.</summary>
    public static string Normalize(string name) =>
        new string(name.Where(c => c is not (' ' or '_' or '-' or '.')).ToArray()).ToLowerInvariant();

    /// <summary>The canonical column for a header (e.g. <c>Song Title</c> → <c>title</c>); unknown names come back normalised with underscores kept.</summary>
    public static string Canonical(string name) =>
        Aliases.TryGetValue(Normalize(name), out var c) ? c : name.Trim().ToLowerInvariant().Replace(' ', '_');

    private static Dictionary<string, string> Build(Dictionary<string, string[]> map)
    {
        var d = new Dictionary<string, string>();
        foreach (var (canon, names) in map)
            foreach (var n in names) d[Normalize(n)] = canon;
        return d;
    }
}
