using System.Globalization;
using Microsoft.Data.Analysis;

namespace AudioAlchemy.Experiments;

/// <summary>
/// Frame-level features (e.g. MFCC + deltas per STFT frame) in long format: one row per frame with the track id,
/// the track type and numeric feature columns (a <c>frame</c> index column is ignored). Rows of a track stay in
/// file order.
/// </summary>
public sealed class FrameTable
{
    private readonly Dictionary<(string Id, string Type), List<float[]>> _frames = [];

    private FrameTable(string[] featureNames) => FeatureNames = featureNames;

    /// <summary>Feature columns, in order.</summary>
    public string[] FeatureNames { get; }

    /// <summary>Number of (track, type) entries.</summary>
    public int Count => _frames.Count;

    /// <summary>Loads a CSV/Parquet frame table with id column <paramref name="idColumn"/> and optional <paramref name="typeColumn"/>.</summary>
    public static FrameTable Load(string path, string idColumn, string typeColumn, IReadOnlyCollection<string> nonFeatures) =>
        FromDataFrame(TableReader.Load(path), idColumn, typeColumn, nonFeatures, path);

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
