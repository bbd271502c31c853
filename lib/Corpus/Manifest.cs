using System.Globalization;
using System.Text;

namespace AudioAlchemy.Corpus;

/// <summary>
/// A list of songs with their audio paths and labels: the input of every later stage (features, separation,
/// experiments). Read from CSV/TSV (<see cref="ManifestCsvReader"/>) or JSON (<see cref="ManifestJsonReader"/>) with
/// paths relative to the manifest's folder; rows that cannot be read are left out and reported in
/// <see cref="ReadProblems"/>. See docs/corpus.md for the accepted columns.
/// </summary>
public sealed class Manifest
{
    /// <summary>Creates a manifest from rows whose paths are already absolute.</summary>
    /// <param name="source">The manifest file (or a virtual name); its folder is the base for relative paths when writing.</param>
    /// <param name="rows">The songs.</param>
    /// <param name="readProblems">Problems met while reading.</param>
    public Manifest(string source, IReadOnlyList<ManifestRow> rows, IReadOnlyList<ManifestProblem>? readProblems = null)
    {
        Source = Path.GetFullPath(source);
        Rows = rows;
        ReadProblems = readProblems ?? [];
    }

    /// <summary>Absolute path of the manifest file.</summary>
    public string Source { get; }

    /// <summary>The folder relative paths are resolved against.</summary>
    public string BaseDirectory => Path.GetDirectoryName(Source)!;

    /// <summary>The rows that could be read, in file order.</summary>
    public IReadOnlyList<ManifestRow> Rows { get; }

    /// <summary>Rows skipped or values dropped while reading (missing path, bad tempo...).</summary>
    public IReadOnlyList<ManifestProblem> ReadProblems { get; }

    /// <summary>Reads a manifest, choosing the reader by extension (<c>.json</c> → JSON, otherwise CSV; <c>.tsv</c> uses tabs).</summary>
    /// <exception cref="AlchemyException">The file is missing or not a manifest at all (per-row problems do not throw).</exception>
    public static Manifest Load(string path)
    {
        if (InputFile.Problem(path, out var kind) is { } why)
            throw new AlchemyException(kind == InputFileKind.Missing ? $"manifest '{path}' does not exist" : $"manifest '{path}': {why}");
        string text;
        try { text = File.ReadAllText(path, Encoding.UTF8); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new AlchemyException($"manifest '{path}': cannot read: {e.Message}", e); }
        return Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase)
            ? ManifestJsonReader.Read(path, text)
            : ManifestCsvReader.Read(path, text);
    }

    /// <summary>Resolves a path written in a manifest against <paramref name="baseDirectory"/> (absolute paths and <c>~/</c> kept).</summary>
    public static string ResolvePath(string baseDirectory, string path)
    {
        string p = path.Trim();
        if (p.StartsWith("file://", StringComparison.OrdinalIgnoreCase)) p = Uri.UnescapeDataString(p[7..]);
        if (p.StartsWith("~/", StringComparison.Ordinal)) p = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), p[2..]);
        p = p.Replace('\\', Path.DirectorySeparatorChar);
        return Path.GetFullPath(Path.IsPathRooted(p) ? p : Path.Combine(baseDirectory, p));
    }

    /// <summary>Usable-row counts per value of a label (e.g. <c>genre</c>), missing values counted under "(none)".</summary>
    public SortedDictionary<string, int> ClassCounts(string label) => CountClasses(Rows, label);

    /// <summary>Counts per value of <paramref name="label"/> over <paramref name="rows"/>.</summary>
    public static SortedDictionary<string, int> CountClasses(IEnumerable<ManifestRow> rows, string label)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            string k = r.Label(label) ?? "(none)";
            counts[k] = counts.GetValueOrDefault(k) + 1;
        }
        return counts;
    }

    /// <summary>A copy holding only <paramref name="rows"/> (same source and base folder).</summary>
    public Manifest WithRows(IReadOnlyList<ManifestRow> rows) => new(Source, rows, ReadProblems);

    /// <summary>
    /// Writes the rows as CSV to <paramref name="path"/> atomically, with <see cref="ManifestColumns.Written"/> first
    /// (empty columns included, so synthetic and real manifests look alike), then extra columns sorted by name.
    /// Paths are written relative to the new file's folder with '/' separators.
    /// </summary>
    public void WriteCsv(string path) => WriteCsv(path, Rows);

    /// <summary>Writes <paramref name="rows"/> as a CSV manifest (see <see cref="WriteCsv(string)"/>).</summary>
    public static void WriteCsv(string path, IEnumerable<ManifestRow> rows)
    {
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full)!;
        var list = rows.ToList();
        var extras = list.SelectMany(r => r.Extra?.Keys ?? []).Distinct().Order(StringComparer.Ordinal).ToList();
        var sb = new StringBuilder();
        sb.Append(string.Join(',', ManifestColumns.Written.Concat(extras).Select(c => Csv.Escape(c)))).Append('\n');
        foreach (var r in list)
        {
            string?[] cells =
            [
                r.Id, Rel(r.Path), Rel(r.VocalsPath), Rel(r.AccompanimentPath), r.Artist, r.Title, r.Genre, r.Language, r.Key, r.Mode,
                r.TempoBpm?.ToString("0.###", CultureInfo.InvariantCulture), r.Seed, r.TrackType,
                .. extras.Select(e => r.Extra != null && r.Extra.TryGetValue(e, out var v) ? v : null),
            ];
            sb.Append(string.Join(',', cells.Select(c => Csv.Escape(c)))).Append('\n');
        }
        Directory.CreateDirectory(dir);
        AtomicFile.WriteAllText(full, sb.ToString());

        string? Rel(string? p) => p == null ? null : Path.GetRelativePath(dir, p).Replace('\\', '/');
    }
}
