using System.Globalization;
using AudioAlchemy.Experiments;
using Microsoft.Data.Analysis;

namespace AudioAlchemy.Recommendation;

/// <summary>
/// A song-embedding table in memory (<see cref="EmbeddingColumns"/>): songs in table order and, per block, a row-major
/// matrix of its columns. On load the Table-1 block (<c>t1_*</c>) is standardised per column over the library's songs
/// (mean 0, population standard deviation 1, as scikit-learn's StandardScaler; constant columns become 0) and missing
/// cells (NaN/null) become 0, the mean.
/// </summary>
public sealed class SongLibrary
{
    private readonly Dictionary<string, int> _index;
    private readonly Dictionary<string, float[][]> _blocks;

    /// <summary>Builds a library from songs and blocks (each block: one vector per song, all the same length).</summary>
    /// <exception cref="AlchemyException">Duplicate ids, no blocks, or a block whose row count differs from the song count.</exception>
    public SongLibrary(IReadOnlyList<Song> songs, IReadOnlyDictionary<string, float[][]> blocks, IReadOnlyDictionary<string, string[]>? blockColumns = null, string source = "library")
    {
        Source = source;
        Songs = songs;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < songs.Count; i++)
            if (!_index.TryAdd(songs[i].Id, i)) throw new AlchemyException($"{source}: song id '{songs[i].Id}' appears twice (rows {_index[songs[i].Id] + 1} and {i + 1})");
        if (blocks.Count == 0)
            throw new AlchemyException($"{source}: no embedding columns (expected columns starting with {string.Join(", ", EmbeddingColumns.BlockPrefixes)}; write the table with `alchemy embed MANIFEST --out TABLE`)");
        foreach (var (name, rows) in blocks)
        {
            if (rows.Length != songs.Count) throw new AlchemyException($"{source}: block {name} has {rows.Length} rows for {songs.Count} songs");
            if (rows.Length > 0 && rows.Any(r => r.Length != rows[0].Length)) throw new AlchemyException($"{source}: block {name} has rows of different lengths");
        }
        _blocks = blocks.ToDictionary(kv => kv.Key, kv => kv.Value);
        BlockColumns = blockColumns ?? blocks.ToDictionary(kv => kv.Key, kv => Enumerable.Range(0, kv.Value.FirstOrDefault()?.Length ?? 0).Select(j => $"{kv.Key}_{j}").ToArray());
    }

    /// <summary>Where the library was read from (for messages).</summary>
    public string Source { get; }

    /// <summary>Songs in table order.</summary>
    public IReadOnlyList<Song> Songs { get; }

    /// <summary>Number of songs.</summary>
    public int Count => Songs.Count;

    /// <summary>Names of the embedding blocks present (e.g. "emb_genre", "p_genre", "t1").</summary>
    public IReadOnlyCollection<string> Blocks => _blocks.Keys;

    /// <summary>Column names of each block.</summary>
    public IReadOnlyDictionary<string, string[]> BlockColumns { get; }

    /// <summary>Vectors of block <paramref name="name"/>, one per song.</summary>
    public float[][] Block(string name) => _blocks.TryGetValue(name, out var b) ? b
        : throw new AlchemyException($"{Source}: no {name}_* columns (blocks present: {string.Join(", ", _blocks.Keys)})");

    /// <summary>True when block <paramref name="name"/> is present.</summary>
    public bool HasBlock(string name) => _blocks.ContainsKey(name);

    /// <summary>Index of song id <paramref name="id"/>, or -1.</summary>
    public int IndexOf(string id) => _index.TryGetValue(id, out int i) ? i : -1;

    /// <summary>
    /// The song meant by <paramref name="query"/>: an id, else a path (as stored, or the same file name), else a title
    /// (case-insensitive, must be unique).
    /// </summary>
    /// <exception cref="AlchemyException">Unknown or ambiguous; the message suggests ids that start like the query.</exception>
    public int Resolve(string query)
    {
        if (_index.TryGetValue(query, out int i)) return i;
        string full = System.IO.Path.GetFullPath(query);
        var byPath = Enumerable.Range(0, Count).Where(k => Songs[k].Path is { } p && (p == query || p == full
            || string.Equals(System.IO.Path.GetFileName(p), query, StringComparison.Ordinal))).ToList();
        if (byPath.Count == 1) return byPath[0];
        var byTitle = Enumerable.Range(0, Count).Where(k => string.Equals(Songs[k].Title, query, StringComparison.OrdinalIgnoreCase)).ToList();
        if (byTitle.Count == 1) return byTitle[0];
        if (byTitle.Count > 1 || byPath.Count > 1)
            throw new AlchemyException($"{Source}: '{query}' matches {Math.Max(byTitle.Count, byPath.Count)} songs ({string.Join(", ", byTitle.Concat(byPath).Distinct().Take(5).Select(k => Songs[k].Id))}); give the id");
        var near = Songs.Select(s => s.Id).Where(id => id.StartsWith(query.Length >= 3 ? query[..3] : query, StringComparison.OrdinalIgnoreCase)).Take(5).ToList();
        throw new AlchemyException($"{Source}: unknown song '{query}' (not an id, path or title of its {Count} songs" +
            (near.Count > 0 ? $"; ids like it: {string.Join(", ", near)})" : ")"));
    }

    /// <summary>Reads a table written by <c>alchemy embed</c> (.parquet or .csv).</summary>
    /// <exception cref="AlchemyException">Unreadable file, no <c>id</c> column, no embedding columns, or a non-numeric embedding column.</exception>
    public static SongLibrary Load(string path)
    {
        var df = TableReader.Load(path);
        return FromDataFrame(df, path);
    }

    /// <summary>Builds a library from a DataFrame with the <see cref="EmbeddingColumns"/> layout.</summary>
    public static SongLibrary FromDataFrame(DataFrame df, string source)
    {
        var names = df.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        if (!names.Contains(EmbeddingColumns.Id)) throw new AlchemyException($"{source}: no '{EmbeddingColumns.Id}' column; is this a song-embedding table from `alchemy embed`?");
        int n = (int)df.Rows.Count;
        string? Text(string col, int row)
        {
            if (!names.Contains(col)) return null;
            var v = df.Columns[col][row];
            string? s = v is null ? null : Convert.ToString(v, CultureInfo.InvariantCulture);
            return string.IsNullOrWhiteSpace(s) ? null : s;
        }
        double Number(string col, int row)
        {
            if (!names.Contains(col)) return double.NaN;
            var v = df.Columns[col][row];
            if (v is null) return double.NaN;
            if (v is string s) return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : double.NaN;
            return Convert.ToDouble(v, CultureInfo.InvariantCulture);
        }
        var songs = new List<Song>(n);
        for (int r = 0; r < n; r++)
        {
            string id = Text(EmbeddingColumns.Id, r) ?? throw new AlchemyException($"{source} row {r + 1}: empty id");
            songs.Add(new Song(id, Text(EmbeddingColumns.Title, r), Text(EmbeddingColumns.Artist, r), Text(EmbeddingColumns.Path, r),
                Text(EmbeddingColumns.Genre, r), Text(EmbeddingColumns.Language, r), Number(EmbeddingColumns.Tempo, r), Text(EmbeddingColumns.Key, r),
                Text(EmbeddingColumns.PredictedGenre, r), Text(EmbeddingColumns.PredictedLanguage, r)));
        }
        var blocks = new Dictionary<string, float[][]>();
        var blockColumns = new Dictionary<string, string[]>();
        foreach (var group in df.Columns.Select(c => c.Name).GroupBy(EmbeddingColumns.BlockOf).Where(g => g.Key is not null))
        {
            var cols = group.ToArray();
            foreach (var c in cols)
                if (!DatasetBuilder.IsNumeric(df.Columns[c]) && df.Columns[c].Length > 0 && Enumerable.Range(0, n).Any(r => Text(c, r) is { } s && !double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
                    throw new AlchemyException($"{source}: embedding column '{c}' is not numeric (row {Enumerable.Range(0, n).First(r => Text(c, r) is { } s && !double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) + 1})");
            var m = new float[n][];
            for (int r = 0; r < n; r++) m[r] = new float[cols.Length];
            bool standardise = group.Key == "t1";
            for (int j = 0; j < cols.Length; j++)
            {
                var x = Enumerable.Range(0, n).Select(r => Number(cols[j], r)).ToArray();
                var finite = x.Where(double.IsFinite).ToList();
                double mean = standardise && finite.Count > 0 ? finite.Average() : 0;
                double sd = standardise && finite.Count > 1 ? Math.Sqrt(finite.Sum(v => (v - mean) * (v - mean)) / finite.Count) : 1;
                for (int r = 0; r < n; r++) m[r][j] = !double.IsFinite(x[r]) ? 0f : !standardise ? (float)x[r] : sd > 0 ? (float)((x[r] - mean) / sd) : 0f;
            }
            blocks[group.Key!] = m;
            blockColumns[group.Key!] = cols;
        }
        return new SongLibrary(songs, blocks, blockColumns, source);
    }
}
