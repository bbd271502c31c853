using System.Globalization;
using AudioAlchemy.Corpus.Frames;
using Microsoft.Data.Analysis;
using Parquet;
using Parquet.Schema;

namespace AudioAlchemy.Experiments;

/// <summary>
/// Frame-level features (e.g. MFCC + deltas per STFT frame) in long format: one row per frame with the track id,
/// the track type and numeric feature columns (a <c>frame</c> index column is ignored). Rows of a track stay in
/// file order.
/// </summary>
public sealed class FrameTable
{
    private readonly Dictionary<(string Id, string Type), List<float[]>> _frames = [];
    private readonly Dictionary<(string Id, string Type), string> _notes = [];

    private FrameTable(string[] featureNames) => FeatureNames = featureNames;

    /// <summary>Feature columns, in order.</summary>
    public string[] FeatureNames { get; }

    /// <summary>Number of (track, type) entries.</summary>
    public int Count => _frames.Count;

    /// <summary>
    /// Loads a CSV/Parquet frame table with id column <paramref name="idColumn"/> and optional <paramref name="typeColumn"/>.
    /// A Parquet file in the <see cref="FrameTableFile"/> layout (track_id, track_type, frame, f_0..) is read column-wise.
    /// </summary>
    public static FrameTable Load(string path, string idColumn, string typeColumn, IReadOnlyCollection<string> nonFeatures)
    {
        if (Path.GetExtension(path).Equals(".parquet", StringComparison.OrdinalIgnoreCase) && File.Exists(path) && idColumn == "track_id" && typeColumn == "track_type")
        {
            try { if (LoadFrameParquet(path) is { } t) return t; }
            catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or InvalidCastException)
            {
                throw new AlchemyException($"{path}: cannot read frame table: {e.Message}", e);
            }
        }
        return FromDataFrame(TableReader.Load(path), idColumn, typeColumn, nonFeatures, path);
    }

    private static FrameTable? LoadFrameParquet(string path)
    {
        var reader = ParquetReader.CreateAsync(path).GetAwaiter().GetResult();
        try
        {
            return ReadFrames(reader, path);
        }
        finally { reader.DisposeAsync().AsTask().GetAwaiter().GetResult(); }
    }

    private static FrameTable? ReadFrames(ParquetReader reader, string path)
    {
        var fields = reader.Schema.GetDataFields();
        var names = fields.Select(f => f.Name).ToArray();
        if (names.Length < 4 || names[0] != "track_id" || names[1] != "track_type" || names[2] != "frame" || fields[1].ClrType != typeof(int)) return null;
        var feats = fields.Skip(3).ToArray();
        if (feats.Any(f => f.ClrType != typeof(float) || f.IsNullable)) return null;
        var t = new FrameTable(feats.Select(f => f.Name).ToArray());
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var rg = reader.OpenRowGroupReader(g);
            int n = checked((int)rg.RowCount);
            var ids = new string?[n];
            var types = new int[n];
            rg.ReadAsync(fields[0], ids.AsMemory()).GetAwaiter().GetResult();
            rg.ReadAsync<int>(fields[1], types.AsMemory()).GetAwaiter().GetResult();
            var cols = new float[feats.Length][];
            for (int j = 0; j < feats.Length; j++) { cols[j] = new float[n]; rg.ReadAsync<float>(feats[j], cols[j].AsMemory()).GetAwaiter().GetResult(); }
            for (int i = 0; i < n; i++)
            {
                var row = new float[feats.Length];
                for (int j = 0; j < feats.Length; j++)
                {
                    float v = cols[j][i];
                    if (!float.IsFinite(v)) throw new AlchemyException($"{path}: row group {g} row {i + 1} feature '{feats[j].Name}' is not finite");
                    row[j] = v;
                }
                var key = (ids[i] ?? throw new AlchemyException($"{path}: row group {g} row {i + 1} has no track_id"), types[i].ToString(CultureInfo.InvariantCulture));
                if (!t._frames.TryGetValue(key, out var list)) t._frames[key] = list = [];
                list.Add(row);
            }
        }
        return t;
    }

    /// <summary>In-memory table from a frame run: tracks without frames are kept as empty entries with their note.</summary>
    public static FrameTable FromResults(IReadOnlyList<FrameResult> results, IReadOnlyList<string> featureNames)
    {
        var t = new FrameTable(featureNames.ToArray());
        foreach (var r in results)
        {
            var key = (r.Job.TrackId, r.Job.TrackType.ToString(CultureInfo.InvariantCulture));
            t._frames[key] = [.. r.Features.Frames];
            if (r.Features.Note is { } n) t._notes[key] = n;
        }
        return t;
    }

    /// <summary>Why track <paramref name="id"/> of type <paramref name="trackType"/> has no frames, or null.</summary>
    public string? NoteOf(string id, string trackType) => _notes.GetValueOrDefault((id, trackType));

    /// <summary>Builds from a DataFrame (see <see cref="Load"/>).</summary>
    public static FrameTable FromDataFrame(DataFrame df, string idColumn, string typeColumn, IReadOnlyCollection<string> nonFeatures, string source = "frame table")
    {
        var names = df.Columns.Select(c => c.Name).ToHashSet();
        if (!names.Contains(idColumn)) throw new AlchemyException($"{source}: no id column '{idColumn}'");
        var skip = new HashSet<string>(nonFeatures) { idColumn, typeColumn, "frame" };
        var feats = df.Columns.Where(c => !skip.Contains(c.Name) && DatasetBuilder.IsNumeric(c)).ToArray();
        if (feats.Length == 0) throw new AlchemyException($"{source}: no numeric frame feature column");
        var t = new FrameTable(feats.Select(c => c.Name).ToArray());
        var id = df.Columns[idColumn];
        var type = names.Contains(typeColumn) ? df.Columns[typeColumn] : null;
        for (long i = 0; i < df.Rows.Count; i++)
        {
            string key = Convert.ToString(id[i], CultureInfo.InvariantCulture) ?? throw new AlchemyException($"{source}: row {i + 1} has no id");
            string tt = type is null ? "0" : Convert.ToString(type[i], CultureInfo.InvariantCulture) ?? "0";
            var row = new float[feats.Length];
            for (int j = 0; j < feats.Length; j++)
            {
                double v = feats[j][i] is { } o ? Convert.ToDouble(o, CultureInfo.InvariantCulture) : double.NaN;
                if (!double.IsFinite(v)) throw new AlchemyException($"{source}: row {i + 1} feature '{feats[j].Name}' is missing or not finite");
                row[j] = (float)v;
            }
            if (!t._frames.TryGetValue((key, tt), out var list)) t._frames[(key, tt)] = list = [];
            list.Add(row);
        }
        return t;
    }

    /// <summary>Frames of track <paramref name="id"/> of type <paramref name="trackType"/>, shape (n_frames, n_features), or null.</summary>
    public float[][]? Get(string id, string trackType) => _frames.TryGetValue((id, trackType), out var l) ? l.ToArray() : null;
}
