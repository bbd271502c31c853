using System.Globalization;
using AudioAlchemy.Experiments;
using AudioAlchemy.Studies;
using Microsoft.Data.Analysis;

namespace AudioAlchemy.Experiments;

/// <summary>
/// Feature tables can hold empty cells (e.g. <c>fundamental_freq</c> of a stem with no voiced frame, <c>key_correlation</c>
/// of a constant chroma). Models need every cell, so numeric feature columns are filled with their column mean over the
/// rows that have a value (a column with no value at all is filled with 0). Metadata columns are left alone.
/// </summary>
public static class MissingValues
{
    /// <summary>Fills empty or non-finite numeric cells in place; returns one note per filled column ("column: n cells").</summary>
    public static IReadOnlyList<string> FillWithColumnMean(DataFrame df, IReadOnlyCollection<string>? metadata = null)
    {
        var skip = new HashSet<string>(metadata ?? new StudyColumns().Metadata, StringComparer.Ordinal);
        var notes = new List<string>();
        foreach (var col in df.Columns)
        {
            if (skip.Contains(col.Name) || !DatasetBuilder.IsNumeric(col)) continue;
            var values = new List<double>();
            var missing = new List<long>();
            for (long i = 0; i < col.Length; i++)
            {
                double d = col[i] is { } v ? Convert.ToDouble(v, CultureInfo.InvariantCulture) : double.NaN;
                if (double.IsFinite(d)) values.Add(d); else missing.Add(i);
            }
            if (missing.Count == 0) continue;
            double fill = values.Count > 0 ? values.Average() : 0;
            foreach (long i in missing) col[i] = Convert.ChangeType(fill, col.DataType, CultureInfo.InvariantCulture);
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{col.Name}: {missing.Count} of {col.Length} cells filled with {fill:0.###}"));
        }
        return notes;
    }
}
