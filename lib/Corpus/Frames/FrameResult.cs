using AudioAlchemy.Corpus.Batch;
using AudioAlchemy.Features.Frames;

namespace AudioAlchemy.Corpus.Frames;

/// <summary>The frames of one (track, track_type) job.</summary>
/// <param name="Job">The job.</param>
/// <param name="Features">Its frames (possibly none, with a note).</param>
/// <param name="FromCache">Whether they were read from the cache.</param>
public sealed record FrameResult(FeatureJob Job, FrameFeatures Features, bool FromCache);
