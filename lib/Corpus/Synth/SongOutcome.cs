namespace AudioAlchemy.Corpus.Synth;

/// <summary>What happened to one song during <see cref="CorpusSynthesizer.Run"/>.</summary>
/// <param name="Plan">The song.</param>
/// <param name="Status">Generated, skipped (resumed) or failed.</param>
/// <param name="Seconds">Wall-clock seconds spent on it.</param>
/// <param name="Error">The failure message when <see cref="Status"/> is <see cref="SongStatus.Failed"/>.</param>
public sealed record SongOutcome(SongPlan Plan, SongStatus Status, double Seconds, string? Error = null);

/// <summary>Result of one song of a synthesis run.</summary>
public enum SongStatus
{
    /// <summary>Rendered now.</summary>
    Generated,
    /// <summary>All outputs existed with a matching parameters hash.</summary>
    Skipped,
    /// <summary>Rendering failed; the song is left out of the manifest.</summary>
    Failed,
}
