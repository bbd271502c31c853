using AudioAlchemy.Separation;

namespace AudioAlchemy.Corpus.Batch;

/// <summary>One track of a separation evaluation.</summary>
/// <param name="Id">Manifest id.</param>
/// <param name="AudioSeconds">Track duration in seconds.</param>
/// <param name="SeparateSeconds">Wall-clock seconds the separator took on this track.</param>
/// <param name="Separator">Scores of the separator's estimates.</param>
/// <param name="Mixture">Baseline: the mixture used as both estimates.</param>
/// <param name="Silence">Baseline: all-zero estimates, scored by the SDR formula (0 dB by construction, see <see cref="BssEvalV4"/>); SI-SDR −∞.</param>
public sealed record TrackEvaluation(string Id, double AudioSeconds, double SeparateSeconds, StemScores Separator, StemScores Mixture, StemScores Silence);
