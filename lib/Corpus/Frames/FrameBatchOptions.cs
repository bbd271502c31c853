using AudioAlchemy.Features.Frames;

namespace AudioAlchemy.Corpus.Frames;

/// <summary>Options of a corpus frame-feature run (<see cref="FrameBatch"/>).</summary>
/// <param name="Features">Frame-feature parameters.</param>
/// <param name="CacheRoot">Cache root (entries under <c>CacheRoot/frames</c>, see <see cref="ContentCache"/>; null disables caching).</param>
/// <param name="Duration">Analyse only the first this many seconds (null = whole file).</param>
/// <param name="Jobs">Files processed at once (null = all cores).</param>
public sealed record FrameBatchOptions(FrameFeatureOptions Features, string? CacheRoot = "data/cache", double? Duration = null, int? Jobs = null)
{
    /// <summary>Throws <see cref="AlchemyException"/> for a bad option.</summary>
    public FrameBatchOptions Validate()
    {
        Features.Validate();
        if (Duration is { } d && !(d > 0)) throw new AlchemyException($"frames: duration must be > 0 s (got {d})");
        if (Jobs is < 1) throw new AlchemyException($"frames: --jobs must be >= 1 (got {Jobs})");
        return this;
    }
}
