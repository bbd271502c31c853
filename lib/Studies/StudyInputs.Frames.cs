using AudioAlchemy.Corpus.Batch;
using AudioAlchemy.Corpus.Frames;
using AudioAlchemy.Experiments;
using AudioAlchemy.Features.Frames;

namespace AudioAlchemy.Studies;

public static partial class StudyInputs
{
    /// <summary>
    /// Frame-level features (<see cref="FrameFeatureOptions"/> defaults: MFCC 20 + delta + SDC 7-1-3-7, pyin voice-activity
    /// gating, per-track CMVN) of every (track, track_type) of <paramref name="manifest"/> (all cores, cached under
    /// <c>DATA/cache/frames</c>), written to <paramref name="outParquet"/> and returned as the <see cref="FrameTable"/> the
    /// Q1 study's frame models read. Tracks without voiced frames are logged (they are left out of the frame models' scoring);
    /// failed files are logged and skipped.
    /// </summary>
    public static FrameTable Frames(string manifest, string outParquet, string dataDir, Action<string>? log = null)
    {
        var m = CorpusManifestAdapter.Load(manifest);
        foreach (var p in m.Problems) log?.Invoke($"manifest: {p}");
        var jobs = m.Jobs.ToList();
        var options = new FrameBatchOptions(new FrameFeatureOptions().Validate(), new DataLayout(dataDir).Cache).Validate();
        var r = FrameBatch.Run(jobs, options);
        foreach (var f in r.Failures) log?.Invoke($"frames skipped {f.Job.Label}: {f.Error}");
        foreach (var e in r.Empty) log?.Invoke($"no frames {e.Job.Label}: {e.Features.Note}");
        if (!r.WithFrames.Any()) throw new AlchemyException($"frames: none of {jobs.Count} files of {manifest} gave voiced frames");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outParquet))!);
        long rows = FrameTableFile.Save(r.Results, outParquet);
        log?.Invoke($"frames: {r.Results.Count} signals ({r.Results.Count(x => x.FromCache)} from cache), {rows} frames in {r.Seconds:0.0} s → {outParquet}");
        var c = new StudyColumns();
        return FrameTable.Load(outParquet, c.Id, c.TrackType, c.Metadata);
    }
}
