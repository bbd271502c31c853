using AudioAlchemy.Experiments;
using AudioAlchemy.Studies;
using Microsoft.Data.Analysis;

namespace AudioAlchemy.Experiments;

/// <summary>
/// Feature tables can hold empty cells (e.g. <c>fundamental_freq</c> of a stem with no voiced frame, <c>key_correlation</c>
/// of a constant chroma). Models need every cell, so numeric feature columns are filled with their column mean over the
/// rows that have a value (a column with no value at all is filled with 0). Metadata columns are left alone.
/// The demo's use of <see cref="TableImputer"/> with <see cref="ImputeStrategy.Mean"/>.
/// </summary>
public static class MissingValues
{
    /// <summary>Fills empty or non-finite numeric cells in place; returns one note per filled column ("column: n cells").</summary>
    public static IReadOnlyList<string> FillWithColumnMean(DataFrame df, IReadOnlyCollection<string>? metadata = null) =>
        TableImputer.Apply(df, ImputeStrategy.Mean, metadata ?? new StudyColumns().Metadata).Notes;
}
