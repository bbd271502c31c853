using System.Runtime.ExceptionServices;

namespace AudioAlchemy.Experiments;

/// <summary>
/// Runs independent tasks with a bounded degree of parallelism; a failing task's <see cref="AlchemyException"/> is
/// rethrown as is (not wrapped in an AggregateException), so callers and the CLI see the clear message.
/// </summary>
public static class ParallelRunner
{
    /// <summary>Runs <paramref name="body"/> for 0..count-1 with at most <paramref name="degree"/> in parallel.</summary>
    public static void For(int count, int degree, Action<int> body)
    {
        try
        {
            if (degree <= 1) { for (int i = 0; i < count; i++) body(i); return; }
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = degree }, body);
        }
        catch (AggregateException e) when (e.Flatten().InnerExceptions.FirstOrDefault(x => x is AlchemyException) is { } inner)
        {
            ExceptionDispatchInfo.Capture(inner).Throw();
        }
    }
}
