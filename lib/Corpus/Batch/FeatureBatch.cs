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
/// <param name="CacheRoot">Cache root (entries under <c>CacheRoot/features</c>, see <see cref="ContentCache"/>; null disables caching).</param>
/// <param name="Duration">Analyse only the first this many seconds (null = whole file).</param>
/// <param name="Parallelism">Files processed at once (default: all cores).</param>
public sealed record FeatureBatchOptions(Table1Options Table1, string? CacheRoot = "data/cache", double? Duration = null, int? Parallelism = null);

/// <summary>
/// Computes the Table-1 summary of many files in parallel (one <see cref="Table1Extractor"/> per worker thread, all
/// cores by default), reading and writing the per-file cache; a bad file becomes a <see cref="FeatureFailure"/> and
/// the run continues. Results come back in job order. Each input is checked to be a readable regular file before it is
/// hashed or opened (a FIFO or device is a failure, never a hang). The cache is an accelerator only: an entry that
/// cannot be read or is incomplete is recomputed, and a cache write that fails (disk full, read-only folder) keeps the
/// computed row; both are reported through the warning callback, once per distinct reason for write failures.
/// </summary>
public static class FeatureBatch
{
    /// <summary>
    /// Runs every job; <paramref name="progress"/> is called (from worker threads) after each job, <paramref name="warning"/>
    /// (from worker threads) for cache problems that did not cost a row.
    /// </summary>
    public static (IReadOnlyList<FeatureResult> Results, IReadOnlyList<FeatureFailure> Failures) Run(IReadOnlyList<FeatureJob> jobs,
        FeatureBatchOptions options, Action<FeatureJob, bool>? progress = null, CancellationToken cancel = default, Action<string>? warning = null)
    {
        if (options.Parallelism is < 1) throw new AlchemyException($"parallelism must be >= 1 (got {options.Parallelism})");
        if (options.Duration is { } dur && (!(dur > 0) || double.IsInfinity(dur))) throw new AlchemyException($"duration must be a finite number of seconds > 0 (got {dur})");
        var writeProblems = new ConcurrentDictionary<string, int>();
        var t1 = options.Table1.Validate();
        var cache = options.CacheRoot is null ? null : new FeatureCache(options.CacheRoot);
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
                InputFile.RequireReadable(job.Path);
                string? key = cache is null ? null : cache.Key(job.Path, parameters);
                if (key is not null)
                {
                    var hit = cache!.TryGet(key, out var invalid);
                    if (invalid is not null) warning?.Invoke($"{job.Label}: {invalid}");
                    if (hit is not null) { results[i] = new FeatureResult(job, hit, true); ok = true; return; }
                }
                var (y, _) = AudioFile.Load(job.Path, sr: (int)t1.Sr, mono: true, duration: options.Duration);
                if (y.Length == 0) throw new AlchemyException($"{job.Path}: no samples decoded");
                var s = extractors.Value!.Compute(y);
                results[i] = new FeatureResult(job, s, false);
                ok = true;
                if (key is not null)
                {
                    try { cache!.Put(key, s); }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        if (writeProblems.TryAdd(e.GetType().Name + e.Message, 0))
                            warning?.Invoke($"cache {cache!.Directory} not written ({e.Message}); rows are kept but will be recomputed next run");
                    }
                }
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
