using System.Runtime.InteropServices;
using AudioAlchemy.Separation;

namespace AudioAlchemy.Corpus.Batch;

/// <summary>
/// How batch jobs survive a native (libtorch) failure inside a separator: the worker's instance may be unusable after
/// it, so it is disposed and replaced, and the item tried once more; a second failure is one
/// <see cref="AlchemyException"/> naming both, which the batch reports as a skipped item.
/// </summary>
internal static class SeparatorRetry
{
    /// <summary>
    /// Runs <paramref name="work"/> with the worker's <paramref name="separator"/> (made by <paramref name="factory"/> when
    /// null); after an <see cref="ExternalException"/> it replaces the separator and runs <paramref name="work"/> again.
    /// </summary>
    /// <exception cref="AlchemyException">The retry failed too ("<paramref name="item"/>: the separator failed twice (first; then second)").</exception>
    public static void Run(ref ISeparator? separator, Func<ISeparator> factory, Action<ISeparator> work, string? item = null)
    {
        separator ??= factory();
        try
        {
            work(separator);
        }
        catch (ExternalException first)
        {
            (separator as IDisposable)?.Dispose();
            separator = null;
            separator = factory();
            try { work(separator); }
            catch (Exception again) when (again is ExternalException or AlchemyException or IOException)
            {
                throw new AlchemyException($"{(item is null ? "" : item + ": ")}the separator failed twice ({FirstLine(first.Message)}; then {FirstLine(again.Message)})");
            }
        }
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
