using AudioAlchemy.Corpus;

namespace AudioAlchemy.Player;

/// <summary>
/// One song the player serves: its URL-safe <see cref="Id"/> (the only thing a URL names) and the manifest row behind it.
/// </summary>
/// <param name="Id">URL-safe id (letters, digits, <c>_ - .</c>; never starts with a dot).</param>
/// <param name="Row">The manifest row (audio path and labels).</param>
public sealed record PlayerSong(string Id, ManifestRow Row)
{
    /// <summary>The labels the page lists: id, title, artist, genre, language, key, mode, tempo.</summary>
    public SongListing Listing() => new(Id, Row.Title ?? Path.GetFileNameWithoutExtension(Row.Path), Row.Artist, Row.Genre, Row.Language,
        Row.Key, Row.Mode, Row.TempoBpm, Path.GetFileName(Row.Path), File.Exists(Row.Path));
}

/// <summary>A song as the page's list shows it (JSON of <c>GET /api/songs</c>).</summary>
/// <param name="Id">Song id.</param>
/// <param name="Title">Title (file name when the manifest has none).</param>
/// <param name="Artist">Artist or null.</param>
/// <param name="Genre">Genre or null.</param>
/// <param name="Language">Sung language or null.</param>
/// <param name="Key">Tonic or null.</param>
/// <param name="Mode">major/minor or null.</param>
/// <param name="TempoBpm">Tempo or null.</param>
/// <param name="File">Audio file name (no folder).</param>
/// <param name="Available">False when the audio file is missing.</param>
public sealed record SongListing(string Id, string Title, string? Artist, string? Genre, string? Language, string? Key, string? Mode,
    double? TempoBpm, string File, bool Available);
