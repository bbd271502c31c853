using AudioAlchemy.Experiments;

namespace AudioAlchemy.Studies;

/// <summary>What <see cref="Q1Study"/> or <see cref="Q2ClassicalStudy"/> produced.</summary>
/// <param name="Summary">One row per (cv, ablation, model): fold mean ± std of accuracy and macro metrics.</param>
/// <param name="MinMax">Column min/max per cv scheme.</param>
/// <param name="Files">Files written.</param>
/// <param name="Notes">Skipped parts and why.</param>
/// <param name="Seconds">Wall time.</param>
public sealed record StudyResult(TidyTable Summary, TidyTable MinMax, IReadOnlyList<string> Files, IReadOnlyList<string> Notes, double Seconds)
{
    /// <summary>The charts (HTML paths) to show first, in order (<see cref="AudioAlchemy.Reporting.ResultsWriter.Highlights"/>).</summary>
    public IReadOnlyList<string> Charts { get; init; } = [];
}
