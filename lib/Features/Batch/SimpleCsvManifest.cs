using System.Globalization;

namespace AudioAlchemy.Features.Batch;

/// <summary>
/// A CSV manifest with a header row: required <c>id</c> and <c>path</c>; optional <c>track_type</c> (0/1/2, default 0),
/// <c>genre</c>, <c>language</c>, <c>artist</c>, and <c>vocals_path</c> / <c>accompaniment_path</c> (each adds a job with
/// track_type 1 / 2 for the same id). Relative paths resolve against the manifest's folder. Fields may be
/// double-quoted ("" escapes a quote). Column names are case-insensitive.
/// </summary>
public sealed class SimpleCsvManifest : IFeatureManifest
{
    private SimpleCsvManifest(string source, List<FeatureJob> jobs, List<string> problems)
    {
        Source = source;
        Jobs = jobs;
        Problems = problems;
    }

    /// <inheritdoc/>
    public string Source { get; }

    /// <inheritdoc/>
    public IReadOnlyList<FeatureJob> Jobs { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Reads <paramref name="path"/>; throws <see cref="AlchemyException"/> when the file or its header is unusable.</summary>
    public static SimpleCsvManifest Load(string path)
    {
        if (!File.Exists(path)) throw new AlchemyException($"manifest {path}: file not found");
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0) throw new AlchemyException($"manifest {path}: empty file (need a header with id,path)");
        var header = Split(lines[0]).Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Col(string name) => header.IndexOf(name);
        int cId = Col("id"), cPath = Col("path");
        if (cId < 0 || cPath < 0) throw new AlchemyException($"manifest {path}: header must contain 'id' and 'path' (got {string.Join(",", header)})");
        int cType = Col("track_type"), cGenre = Col("genre"), cLang = Col("language"), cArtist = Col("artist");
        int cVoc = Col("vocals_path"), cAcc = Col("accompaniment_path");
        string baseDir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var jobs = new List<FeatureJob>();
        var problems = new List<string>();
        var seen = new HashSet<(string, int)>();
        for (int i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            var f = Split(lines[i]);
            string? Get(int c) => c >= 0 && c < f.Count && !string.IsNullOrWhiteSpace(f[c]) ? f[c].Trim() : null;
            string? id = Get(cId), p = Get(cPath);
            if (id is null || p is null) { problems.Add($"row {i}: missing id or path"); continue; }
            int type = 0;
            if (Get(cType) is { } ts && !(int.TryParse(ts, NumberStyles.Integer, CultureInfo.InvariantCulture, out type) && type is >= 0 and <= 2))
            { problems.Add($"row {i} ({id}): track_type '{ts}' is not 0, 1 or 2"); continue; }
            void Add(int tt, string file)
            {
                if (!seen.Add((id!, tt))) { problems.Add($"row {i} ({id}): duplicate (id, track_type {tt})"); return; }
                jobs.Add(new FeatureJob(id!, tt, Path.GetFullPath(Path.Combine(baseDir, file)), Get(cGenre), Get(cLang), Get(cArtist), i));
            }
            Add(type, p);
            if (Get(cVoc) is { } v) Add(1, v);
            if (Get(cAcc) is { } a) Add(2, a);
        }
        return new SimpleCsvManifest(path, jobs, problems);
    }

    /// <summary>Splits one CSV line (RFC 4180 quoting, no embedded newlines).</summary>
    internal static List<string> Split(string line)
    {
        var fields = new List<string>();
        var cur = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"') { cur.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else cur.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { fields.Add(cur.ToString()); cur.Clear(); }
            else cur.Append(ch);
        }
        fields.Add(cur.ToString());
        return fields;
    }
}
