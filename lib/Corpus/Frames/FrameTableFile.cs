using System.Globalization;
using System.Text;
using Parquet;
using Parquet.Schema;

namespace AudioAlchemy.Corpus.Frames;

/// <summary>
/// The frame table file: one row per kept frame, columns <c>track_id</c> (string), <c>track_type</c> (int 0/1/2),
/// <c>frame</c> (STFT frame index, int) and <c>f_0 .. f_{d-1}</c> (float32, in
/// <see cref="Features.Frames.FrameFeatureOptions.FeatureNames"/> order). Written atomically as .parquet (one row group
/// per <see cref="TracksPerRowGroup"/> tracks) or .csv by extension. Tracks without frames have no rows.
/// </summary>
public static class FrameTableFile
{
    /// <summary>Tracks (with frames) per Parquet row group.</summary>
    public const int TracksPerRowGroup = 64;

    /// <summary>
    /// Writes the frames of <paramref name="results"/> to <paramref name="path"/>; returns the rows written. With
    /// <paramref name="dimension"/> a run where no track has frames writes a valid empty table (the header, or a Parquet
    /// schema with no row group) of that many features; without it that is an error.
    /// </summary>
    public static long Save(IReadOnlyList<FrameResult> results, string path, int? dimension = null)
    {
        string ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext is not (".csv" or ".parquet")) throw new AlchemyException($"{path}: unsupported table format '{ext}' (use .parquet or .csv)");
        var withFrames = WithFrames(results);
        if (withFrames.Count == 0 && dimension is null) throw new AlchemyException($"{path}: no track has frames; nothing to write");
        int d = withFrames.Count > 0 ? withFrames[0].Features.Frames[0].Length : dimension!.Value;
        if (dimension is { } expected && d != expected) throw new AlchemyException($"{path}: frames have {d} features, expected {expected}");
        long rows = withFrames.Sum(r => (long)r.Features.Frames.Length);
        AtomicFile.Write(path, tmp =>
        {
            if (ext == ".csv") WriteCsv(withFrames, tmp, d); else WriteParquet(withFrames, tmp, d).GetAwaiter().GetResult();
        });
        return rows;
    }

    /// <summary>The results that give rows, in table order (each one run of consecutive rows).</summary>
    public static List<FrameResult> WithFrames(IReadOnlyList<FrameResult> results) => results.Where(r => !r.Features.IsEmpty).ToList();

    /// <summary>Column names for dimension <paramref name="d"/>.</summary>
    public static string[] ColumnNames(int d) => ["track_id", "track_type", "frame", .. Enumerable.Range(0, d).Select(j => $"f_{j}")];

    private static void WriteCsv(List<FrameResult> results, string path, int d)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.WriteLine(string.Join(',', ColumnNames(d)));
        var sb = new StringBuilder();
        foreach (var r in results)
        {
            string id = Csv.Escape(r.Job.TrackId);
            for (int i = 0; i < r.Features.Frames.Length; i++)
            {
                sb.Clear();
                sb.Append(id).Append(',').Append(r.Job.TrackType.ToString(CultureInfo.InvariantCulture)).Append(',')
                  .Append(r.Features.FrameIndex[i].ToString(CultureInfo.InvariantCulture));
                foreach (float v in r.Features.Frames[i]) sb.Append(',').Append(v.ToString("R", CultureInfo.InvariantCulture));
                w.WriteLine(sb);
            }
        }
    }

    private static async Task WriteParquet(List<FrameResult> results, string path, int d)
    {
        var idField = new DataField<string>("track_id");
        var typeField = new DataField<int>("track_type");
        var frameField = new DataField<int>("frame");
        var feats = Enumerable.Range(0, d).Select(j => new DataField<float>($"f_{j}")).ToArray();
        var schema = new ParquetSchema([idField, typeField, frameField, .. feats]);
        await using var fs = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, fs);
        foreach (var chunk in results.Chunk(TracksPerRowGroup))
        {
            int n = chunk.Sum(r => r.Features.Frames.Length);
            var ids = new string[n];
            var types = new int[n];
            var frames = new int[n];
            var cols = Enumerable.Range(0, d).Select(_ => new float[n]).ToArray();
            int k = 0;
            foreach (var r in chunk)
                for (int i = 0; i < r.Features.Frames.Length; i++, k++)
                {
                    ids[k] = r.Job.TrackId;
                    types[k] = r.Job.TrackType;
                    frames[k] = r.Features.FrameIndex[i];
                    var row = r.Features.Frames[i];
                    for (int j = 0; j < d; j++) cols[j][k] = row[j];
                }
            using var g = writer.CreateRowGroup();
            await g.WriteAsync(idField, ids);
            await g.WriteAsync<int>(typeField, types);
            await g.WriteAsync<int>(frameField, frames);
            for (int j = 0; j < d; j++) await g.WriteAsync<float>(feats[j], cols[j]);
        }
    }
}
