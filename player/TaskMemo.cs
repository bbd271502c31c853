using System.Collections.Concurrent;

namespace AudioAlchemy.Player;

/// <summary>
/// Runs an expensive computation once per key however many requests ask for it at the same time, and keeps its result;
/// a failed run is forgotten so the next request tries again (e.g. after the file was fixed).
/// </summary>
/// <typeparam name="T">Result type.</typeparam>
public sealed class TaskMemo<T>
{
    private readonly ConcurrentDictionary<string, Lazy<Task<T>>> _runs = new(StringComparer.Ordinal);

    /// <summary>The result for <paramref name="key"/>, starting <paramref name="make"/> on the thread pool when there is none yet.</summary>
    public Task<T> GetAsync(string key, Func<Task<T>> make)
    {
        var lazy = _runs.GetOrAdd(key, _ => new Lazy<Task<T>>(() => Task.Run(make)));
        var task = lazy.Value;
        _ = task.ContinueWith(_ => _runs.TryRemove(new KeyValuePair<string, Lazy<Task<T>>>(key, lazy)),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return task;
    }
}
