using System.CommandLine;

namespace AudioAlchemy.Cli.Commands;

/// <summary>
/// The one <c>--cache DIR</c> every caching verb defines: the cache ROOT (default <c>data/cache</c>,
/// <see cref="ContentCache.DefaultRoot"/>); each stage keeps its entries in its own folder under it
/// (<c>DIR/features</c>, <c>DIR/frames</c>, <c>DIR/mels</c>, <c>DIR/embeddings</c>, <c>DIR/mp3</c>, <c>DIR/wav</c>), so
/// verbs given the same root share one cache.
/// </summary>
internal static class CacheOption
{
    /// <summary>A <c>--cache</c> option whose help names <paramref name="stages"/>, the stage folders this verb uses.</summary>
    public static Option<string> Create(params string[] stages) => new("--cache")
    {
        Description = $"Cache root (content-addressed; this verb uses {string.Join(" and ", stages.Select(s => $"DIR/{s}"))})",
        DefaultValueFactory = _ => ContentCache.DefaultRoot,
    };
}
