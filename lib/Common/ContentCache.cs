using System.Globalization;
using System.Text;

namespace AudioAlchemy;

/// <summary>
/// The one on-disk cache layout every stage uses: a cache root (the CLI's <c>--cache</c>, default <c>data/cache</c>),
/// a stage folder under it (<c>features</c>, <c>frames</c>, <c>mels</c>, ...) and one entry per (content, parameters):
/// <c>root/stage/ab/abcdef….ext</c>, where the name is <see cref="ContentKey.OfText"/> of
/// "<see cref="ContentKey"/> of the input | stage | <see cref="Version"/> | canonical parameter text" and <c>ab</c> its
/// first two digits (so no folder holds more than a few thousand entries). A stage spells only its name, its version
/// (bump it when the cached computation changes: old entries then become misses) and its parameter text (build it with
/// <see cref="Canonical"/>). Entries are written atomically through <see cref="AtomicFile"/> (unique temp sibling +
/// rename), so concurrent writers of one entry (threads, processes, array tasks on a shared file system) leave one
/// complete file and readers never see half of one. Reading and validating an entry is the stage's job: an entry that
/// is unreadable or incomplete must be treated as a miss and recomputed. Thread-safe (immutable).
/// </summary>
public sealed class ContentCache
{
    /// <summary>The default cache root, <c>data/cache</c> (relative to the working folder).</summary>
    public static readonly string DefaultRoot = Path.Combine("data", "cache");

    /// <summary>A cache of stage <paramref name="stage"/> at version <paramref name="version"/> under <paramref name="root"/>.</summary>
    /// <exception cref="ArgumentException">Empty root or version, or a stage that is not one plain folder name.</exception>
    public ContentCache(string root, string stage, string version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        if (string.IsNullOrWhiteSpace(stage) || stage is "." or ".." || stage.IndexOfAny(['/', '\\', '|']) >= 0 || stage.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            throw new ArgumentException($"cache stage '{stage}' must be one plain folder name", nameof(stage));
        if (version.Contains('|', StringComparison.Ordinal)) throw new ArgumentException($"cache version '{version}' must not contain '|'", nameof(version));
        Root = root;
        Stage = stage;
        Version = version;
    }

    /// <summary>The cache root (as given).</summary>
    public string Root { get; }

    /// <summary>The stage name: the folder under <see cref="Root"/>.</summary>
    public string Stage { get; }

    /// <summary>The stage's version, part of every entry name.</summary>
    public string Version { get; }

    /// <summary>The stage's folder, <c>Root/Stage</c>.</summary>
    public string Folder => Path.Combine(Root, Stage);

    /// <summary>
    /// The entry name (64 hex digits, no extension) of content <paramref name="contentKey"/> under <paramref name="parameters"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="contentKey"/> is not a <see cref="ContentKey"/>.</exception>
    public string EntryName(string contentKey, string parameters)
    {
        if (!ContentKey.IsValid(contentKey)) throw new ArgumentException($"'{contentKey}' is not a content key (64 lowercase hex digits)", nameof(contentKey));
        ArgumentNullException.ThrowIfNull(parameters);
        return ContentKey.OfText($"{contentKey}|{Stage}|{Version}|{parameters}");
    }

    /// <summary>
    /// Path of the entry of content <paramref name="contentKey"/> under <paramref name="parameters"/>:
    /// <c>Root/Stage/ab/abcdef….extension</c>. <paramref name="extension"/> is given with or without its dot; an empty one
    /// names a folder entry (a stage that caches several files per input). Nothing is created.
    /// </summary>
    public string PathFor(string contentKey, string parameters, string extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        string name = EntryName(contentKey, parameters);
        string ext = extension.Length == 0 || extension[0] == '.' ? extension : "." + extension;
        return Path.Combine(Folder, name[..2], name + ext);
    }

    /// <summary><see cref="PathFor"/> of the file at <paramref name="inputPath"/> (<see cref="ContentKey.OfFile"/>; FIFOs and devices are refused).</summary>
    public string PathForFile(string inputPath, string parameters, string extension) => PathFor(ContentKey.OfFile(inputPath), parameters, extension);

    /// <summary>Writes an entry atomically: <paramref name="writeTemp"/> fills a temp sibling that is then renamed over <paramref name="entryPath"/>.</summary>
    public static void Write(string entryPath, Action<string> writeTemp) => AtomicFile.Write(entryPath, writeTemp);

    /// <summary>Writes a text entry atomically (UTF-8, no BOM).</summary>
    public static void WriteAllText(string entryPath, string text) => AtomicFile.WriteAllText(entryPath, text);

    /// <summary>
    /// Canonical parameter text: <c>name=value</c> pairs sorted by name (ordinal) and joined by <c>;</c>, numbers in the
    /// invariant culture (doubles round-trip), null as <c>none</c>, booleans as <c>true</c>/<c>false</c>; a <c>\</c> or
    /// <c>;</c> inside a value is escaped with <c>\</c>, so two different parameter sets never give one text. The same
    /// parameters always give the same text, whatever order a caller lists them in.
    /// </summary>
    /// <exception cref="ArgumentException">A name is empty, repeated, or contains '=', ';' or '|'.</exception>
    public static string Canonical(params (string Name, object? Value)[] parameters)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, _) in parameters)
            if (string.IsNullOrEmpty(name) || name.IndexOfAny(['=', ';', '|']) >= 0 || !seen.Add(name))
                throw new ArgumentException($"cache parameter name '{name}' is empty, repeated or contains '=', ';' or '|'", nameof(parameters));
        var sb = new StringBuilder();
        foreach (var (name, value) in parameters.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (sb.Length > 0) sb.Append(';');
            sb.Append(name).Append('=').Append(Format(value).Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal));
        }
        return sb.ToString();
    }

    private static string Format(object? value) => value switch
    {
        null => "none",
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "none",
    };
}
