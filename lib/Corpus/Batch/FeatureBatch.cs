using System.Collections.Concurrent;
using AudioAlchemy.Audio;
using AudioAlchemy.Features;

namespace AudioAlchemy.Corpus.Batch;

/// <summary>A summarised job.</summary>
/// <param name="Job">The job.</param>
/// <param name="Summary">Its Table-1 summary.</param>
/// <param name="FromCache">Whether it was read from the cache.</param>
public sealed record FeatureResult(FeatureJob Job, Table1Summary Summary, bool FromCache);

/// <summary>A job that failed (bad file, decode error, ...), with the reason.</summary>
/// <param name="Job">The job.</param>
/// <param name="Error">What went wrong.</param>
public sealed record FeatureFailure(FeatureJob Job, string Error);

/// <summary>Options of a corpus feature run.</summary>
/// <param name="Table1">Summary parameters (sr, n_fft, ...).</param>
/// <param name="CacheDirectory">Cache folder (null disables caching).</param>
/// <param name="Duration">Analyse only the first this many seconds (null = whole file).</param>
/// <param name="Parallelism">Files processed at once (default: all cores).</param>
public sealed record FeatureBatchOptions(Table1Options Table1, string? CacheDirectory = "data/cache/features", double? Duration = null, int? Parallelism = null);

/// <summary>
/// Computes the Table-1 summary of many files in parallel (one <see cref="Table1Extractor"/> per worker thread, all
/// cores by default), reading and writing the per-file cache; a bad file becomes a <see cref="FeatureFailure"/> and
/// the run continues. Results come back in job order.
/// </summary>
public static class FeatureBatch
{
    /// <summary>Runs every job; <paramref name="progress"/> is called (from worker threads) after each job.</summary>
    public static (IReadOnlyList<FeatureResult> Results, IReadOnlyList<FeatureFailure> Failures) Run(IReadOnlyList<FeatureJob> jobs,
        FeatureBatchOptions options, Action<FeatureJob, bool>? progress = null, CancellationToken cancel = default)
    {
        var t1 = options.Table1.Validate();
        var cache = options.CacheDirectory is null ? null : new FeatureCache(options.CacheDirectory);
        string parameters = t1.CacheKey + FormattableString.Invariant($";duration={options.Duration?.ToString("R") ?? "all"}");
        var results = new FeatureResult?[jobs.Count];
        var failures = new ConcurrentBag<(int, FeatureFailure)>();
        using var extractors = new ThreadLocal<Table1Extractor>(() => new Table1Extractor(t1));
        var po = new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism ?? Environment.ProcessorCount, CancellationToken = cancel };
        Parallel.For(0, jobs.Count, po, i =>
        {
            var job = jobs[i];
            bool ok = false;
            try
            {
                if (!File.Exists(job.Path)) throw new AlchemyException($"{job.Path}: file not found");
                string? key = cache is null ? null : FeatureCache.Key(job.Path, parameters);
                if (key is not null && cache!.TryGet(key) is { } hit) { results[i] = new FeatureResult(job, hit, true); ok = true; return; }
                var (y, _) = AudioFile.Load(job.Path, sr: (int)t1.Sr, mono: true, duration: options.Duration);
                if (y.Length == 0) throw new AlchemyException($"{job.Path}: no samples decoded");
                var s = extractors.Value!.Compute(y);
                if (key is not null) cache!.Put(key, s);
                results[i] = new FeatureResult(job, s, false);
                ok = true;
            }
            catch (Exception e) when (e is AlchemyException or IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
            {
                failures.Add((i, new FeatureFailure(job, e.Message)));
            }
            finally { progress?.Invoke(job, ok); }
        });
        return (results.Where(r => r is not null).Select(r => r!).ToList(), failures.OrderBy(f => f.Item1).Select(f => f.Item2).ToList());
    }
}
