using System.Collections.Concurrent;
using AudioAlchemy.Audio;
using AudioAlchemy.Corpus.Batch;
using AudioAlchemy.Features.Frames;

namespace AudioAlchemy.Corpus.Frames;

/// <summary>A job that failed (missing/undecodable file), with the reason.</summary>
/// <param name="Job">The job.</param>
/// <param name="Error">What went wrong.</param>
public sealed record FrameFailure(FeatureJob Job, string Error);

/// <summary>What <see cref="FrameBatch.Run"/> produced: results in job order (including tracks with no frames, whose
/// <see cref="FrameFeatures.Note"/> says why) and failures.</summary>
/// <param name="Results">One per readable job.</param>
/// <param name="Failures">Jobs that could not be read.</param>
/// <param name="Seconds">Wall time.</param>
/// <param name="AudioSeconds">Seconds of audio analysed.</param>
public sealed record FrameBatchResult(IReadOnlyList<FrameResult> Results, IReadOnlyList<FrameFailure> Failures, double Seconds, double AudioSeconds)
{
    /// <summary>Results that have frames.</summary>
    public IReadOnlyList<FrameResult> WithFrames => FrameTableFile.WithFrames(Results);

    /// <summary>Results with no frame (silent, unvoiced, too short).</summary>
    public IEnumerable<FrameResult> Empty => Results.Where(r => r.Features.IsEmpty);
}

/// <summary>
/// Computes frame-level features (<see cref="FrameFeatureExtractor"/>) for every job of a manifest in parallel (one
/// shared thread-safe extractor, <see cref="FrameBatchOptions.Jobs"/> files at once), reading and writing the per-file
/// cache, so a rerun is instant and an interrupted run resumes. A bad file becomes a <see cref="FrameFailure"/>; a
/// silent or unvoiced one a result with no frames and a note.
/// </summary>
public static class FrameBatch
{
    /// <summary>Runs every job; <paramref name="progress"/> is called (from worker threads) after each one.</summary>
    public static FrameBatchResult Run(IReadOnlyList<FeatureJob> jobs, FrameBatchOptions options, Action<FeatureJob, bool>? progress = null,
        CancellationToken cancel = default)
    {
        var o = options.Validate();
        var fo = o.Features;
        var extractor = new FrameFeatureExtractor(fo);
        var cache = o.CacheRoot is null ? null : new FrameCache(o.CacheRoot);
        string parameters = fo.CacheKey + FormattableString.Invariant($";duration={o.Duration?.ToString("R") ?? "all"}");
        var results = new FrameResult?[jobs.Count];
        var failures = new ConcurrentBag<(int, FrameFailure)>();
        var sw = System.Diagnostics.Stopwatch.StartNew();
        long samples = 0;
        var po = new ParallelOptions { MaxDegreeOfParallelism = o.Jobs ?? Environment.ProcessorCount, CancellationToken = cancel };
        Parallel.For(0, jobs.Count, po, i =>
        {
            var job = jobs[i];
            bool ok = false;
            try
            {
                if (!File.Exists(job.Path)) throw new AlchemyException($"{job.Path}: file not found");
                var info = AudioFile.Info(job.Path);
                double seconds = Math.Min(info.Duration, o.Duration ?? double.PositiveInfinity);
                int expectedFrames = 1 + (int)Math.Ceiling(seconds * fo.Sr) / fo.HopLength;
                string? key = cache is null ? null : cache.Key(job.Path, parameters);
                if (key is not null && cache!.TryGet(key, fo.Dimension, expectedFrames) is { } hit)
                {
                    results[i] = new FrameResult(job, hit, true);
                }
                else
                {
                    var (y, _) = AudioFile.Load(job.Path, sr: (int)fo.Sr, mono: true, duration: o.Duration);
                    Interlocked.Add(ref samples, y.Length);
                    var f = extractor.Extract(y);
                    if (key is not null) cache!.Put(key, f);
                    results[i] = new FrameResult(job, f, false);
                }
                ok = true;
            }
            catch (Exception e) when (e is AlchemyException or IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
            {
                failures.Add((i, new FrameFailure(job, e.Message)));
            }
            finally { progress?.Invoke(job, ok); }
        });
        return new FrameBatchResult(results.Where(r => r is not null).Select(r => r!).ToList(),
            failures.OrderBy(f => f.Item1).Select(f => f.Item2).ToList(), sw.Elapsed.TotalSeconds, samples / fo.Sr);
    }
}
