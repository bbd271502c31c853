using System.Text;
using AudioAlchemy.Corpus;

namespace AudioAlchemy.Player;

/// <summary>
/// The songs a player serves, looked up by id only: a URL can name nothing but an id of this catalog, so no path from a
/// request ever reaches the file system. Built from a manifest or from a list of audio files.
/// </summary>
public sealed class SongCatalog
{
    private readonly Dictionary<string, PlayerSong> _byId = new(StringComparer.Ordinal);

    /// <summary>Creates a catalog of <paramref name="rows"/>; ids are made URL-safe and unique (see <see cref="SafeId"/>).</summary>
    /// <param name="source">What the rows came from (shown on the page).</param>
    /// <param name="rows">Manifest rows.</param>
    public SongCatalog(string source, IEnumerable<ManifestRow> rows)
    {
        Source = source;
        var songs = new List<PlayerSong>();
        foreach (var row in rows)
        {
            string id = SafeId(row.Id), unique = id;
            for (int k = 2; _byId.ContainsKey(unique); k++) unique = $"{id}-{k}";
            var song = new PlayerSong(unique, row);
            _byId[unique] = song;
            songs.Add(song);
        }
        if (songs.Count == 0) throw new AlchemyException($"player: {source} has no song to serve");
        Songs = songs;
    }

    /// <summary>What the songs came from.</summary>
    public string Source { get; }

    /// <summary>Songs in manifest order.</summary>
    public IReadOnlyList<PlayerSong> Songs { get; }

    /// <summary>The song with this id, or null (ids are compared exactly; nothing else is accepted).</summary>
    public PlayerSong? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// The catalog for the command line: no argument → <paramref name="defaultManifest"/>; one <c>.csv/.tsv/.json</c> →
    /// that manifest; otherwise every argument is an audio file (id = file name without extension).
    /// </summary>
    public static SongCatalog FromArguments(IReadOnlyList<string> args, string defaultManifest)
    {
        if (args.Count == 0) return FromManifest(defaultManifest);
        if (args.Count == 1 && IsManifest(args[0])) return FromManifest(args[0]);
        var bad = args.FirstOrDefault(IsManifest);
        if (bad is not null) throw new AlchemyException($"player: '{bad}' is a manifest; give one manifest or a list of audio files, not both");
        var rows = new List<ManifestRow>();
        for (int i = 0; i < args.Count; i++)
        {
            string full = Path.GetFullPath(args[i]);
            if (!File.Exists(full)) throw new AlchemyException($"player: audio file '{args[i]}' does not exist");
            rows.Add(new ManifestRow(i + 1, Path.GetFileNameWithoutExtension(full), full));
        }
        return new SongCatalog(string.Join(", ", args.Select(Path.GetFileName)), rows);
    }

    /// <summary>Reads a manifest (rows whose audio is missing are kept: the page reports them when chosen).</summary>
    public static SongCatalog FromManifest(string path)
    {
        if (!File.Exists(path)) throw new AlchemyException($"player: manifest '{path}' does not exist (make the demo corpus with `alchemy corpus synth --out data/demo`, or pass a manifest or audio files)");
        var manifest = Manifest.Load(path);
        return new SongCatalog(path, manifest.Rows);
    }

    /// <summary>
    /// A URL-safe form of an id: ASCII letters, digits, <c>_</c>, <c>-</c> and <c>.</c> kept, anything else becomes <c>_</c>;
    /// a leading dot becomes <c>_</c> so that no id is <c>.</c>, <c>..</c> or hidden.
    /// </summary>
    public static string SafeId(string id)
    {
        var sb = new StringBuilder(id.Length);
        foreach (char c in id.Trim()) sb.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' ? c : '_');
        if (sb.Length == 0) sb.Append("song");
        if (sb[0] == '.') sb[0] = '_';
        return sb.ToString();
    }

    private static bool IsManifest(string path) => Path.GetExtension(path).ToLowerInvariant() is ".csv" or ".tsv" or ".json";
}
