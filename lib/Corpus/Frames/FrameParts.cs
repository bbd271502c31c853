using AudioAlchemy.Corpus.Batch;
using AudioAlchemy.Sharding;

namespace AudioAlchemy.Corpus.Frames;

/// <summary>
/// One shard's frame table as a part for <see cref="TableMerge"/>: <c>PART-K-of-N.parquet|.csv</c> written by
/// <see cref="FrameTableFile.Save"/> (an empty shard writes an empty table of <c>dimension</c> features) and its JSON,
/// where each track with frames is one run (<see cref="PartInfo.RowCounts"/>: its position in the single-process job
/// order and its frame count), key <c>track_id, track_type</c>, Parquet row groups of
/// <see cref="FrameTableFile.TracksPerRowGroup"/> tracks, so the merge writes the single-process file.
/// </summary>
public static class FrameParts
{
    /// <summary>Writes the part of <paramref name="selection"/>'s shard for the single-process output <paramref name="outPath"/>;
    /// returns the JSON path and the rows written.</summary>
    public static (string Json, long Rows) Write(string outPath, ShardSelection<FeatureJob> selection, IReadOnlyList<FrameResult> results,
        string parameters, IReadOnlyList<PartSkip> skipped, int dimension)
    {
        var shard = selection.Shard ?? throw new ArgumentException("a part needs a shard", nameof(selection));
        string ext = Path.GetExtension(outPath).ToLowerInvariant();
        var withFrames = FrameTableFile.WithFrames(results);
        long rows = 0;
        string json = PartWriter.Write(PartWriter.PartsFolder(outPath), shard, ext, "frames", parameters, ["track_id", "track_type"],
            selection.InputItems, selection.Items.Count, withFrames.Select(r => selection.PositionOf(r.Job)).ToList(), skipped,
            path => rows = FrameTableFile.Save(results, path, dimension),
            rowCounts: withFrames.Select(r => r.Features.Frames.Length).ToList(), rowGroupItems: ext == ".parquet" ? FrameTableFile.TracksPerRowGroup : null);
        return (json, rows);
    }
}
