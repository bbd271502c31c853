using System.Globalization;
using Microsoft.Data.Analysis;

namespace AudioAlchemy.Experiments;

/// <summary>
/// Missing values of a feature table, handled where the table is loaded, before any split or model (<c>--impute</c>).
/// Feature tables hold empty cells by design (<c>fundamental_freq</c> of a stem with no voiced frame,
/// <c>key_correlation</c> of a constant chroma). Numeric columns other than the given non-feature columns in
/// <see cref="Apply"/> are treated; every column touched gets one note ("column: n of N cells filled with v").
/// Caveat: mean/median are computed over the whole table (like imputing before <c>cross_val_score</c> rather than inside a
/// Pipeline), so test folds contribute to the fill value; <see cref="ImputeStrategy.Drop"/> has no such leak.
/// </summary>
public static class TableImputer
{
    /// <summary>Parses "none", "mean", "median" or "drop" (case-insensitive).</summary>
    public static ImputeStrategy Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "none" or "" => ImputeStrategy.None,
        "mean" => ImputeStrategy.Mean,
        "median" => ImputeStrategy.Median,
        "drop" => ImputeStrategy.Drop,
        _ => throw new AlchemyException($"--impute {text}: expected none, mean, median or drop"),
    };

    /// <summary>
    /// Applies <paramref name="strategy"/> to the numeric columns of <paramref name="df"/> not in
    /// <paramref name="nonFeatures"/>: fills in place (mean/median; a column with no value at all gets 0) or returns a
    /// table without the incomplete rows (drop). Returns the table to use and one note per change.
    /// </summary>
    public static (DataFrame Table, IReadOnlyList<string> Notes) Apply(DataFrame df, ImputeStrategy strategy, IReadOnlyCollection<string> nonFeatures)
    {
        var notes = new List<string>();
        if (strategy == ImputeStrategy.None) return (df, notes);
        var skip = new HashSet<string>(nonFeatures, StringComparer.Ordinal);
        var cols = df.Columns.Where(c => !skip.Contains(c.Name) && !DatasetBuilder.DefaultIdColumns.Contains(c.Name) && DatasetBuilder.IsNumeric(c)).ToList();
        if (strategy == ImputeStrategy.Drop)
        {
            var keep = new BooleanDataFrameColumn("keep", df.Rows.Count);
            long dropped = 0;
            for (long i = 0; i < df.Rows.Count; i++)
            {
                bool ok = cols.All(c => IsFinite(c[i]));
                keep[i] = ok;
                if (!ok) dropped++;
            }
            if (dropped == 0) return (df, notes);
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"--impute drop: {dropped} of {df.Rows.Count} rows dropped (a missing feature cell)"));
            if (dropped == df.Rows.Count) throw new AlchemyException("--impute drop: every row has a missing feature cell; nothing left to train on");
            return (df.Filter(keep), notes);
        }
        foreach (var col in cols)
        {
            var values = new List<double>();
            var missing = new List<long>();
            for (long i = 0; i < col.Length; i++)
            {
                if (IsFinite(col[i])) values.Add(Convert.ToDouble(col[i], CultureInfo.InvariantCulture)); else missing.Add(i);
            }
            if (missing.Count == 0) continue;
            double fill = values.Count == 0 ? 0 : strategy == ImputeStrategy.Mean ? values.Average() : Median(values);
            foreach (long i in missing) col[i] = Convert.ChangeType(fill, col.DataType, CultureInfo.InvariantCulture);
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{col.Name}: {missing.Count} of {col.Length} cells filled with the column {(strategy == ImputeStrategy.Mean ? "mean" : "median")} {fill:0.###}"));
        }
        return (df, notes);
    }

    private static bool IsFinite(object? v) => v is not null && double.IsFinite(Convert.ToDouble(v, CultureInfo.InvariantCulture));

    private static double Median(List<double> v)
    {
        v.Sort();
        int n = v.Count;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
