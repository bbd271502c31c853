using System.Globalization;
using AudioAlchemy.Experiments;
using Microsoft.Data.Analysis;

namespace AudioAlchemy.Studies;

/// <summary>
/// How much each numeric feature column moves between two versions of the same tracks (e.g. WAV and MP3): rows are
/// matched by id; per column the mean |Δ|, the mean |Δ| relative to the reference's spread across tracks (the effect
/// size: 0.1 = a tenth of the between-track standard deviation; this is what decides whether a model notices),
/// the mean relative change in % of |reference|, and the largest |Δ|.
/// </summary>
public static class FeatureDeltas
{
    /// <summary>Columns of the table <see cref="Compute"/> returns.</summary>
    public static readonly string[] Columns = ["feature", "tracks", "mean_abs_delta", "reference_std", "delta_over_std", "mean_rel_delta_pct", "max_abs_delta"];

    /// <summary>
    /// Compares <paramref name="variant"/> with <paramref name="reference"/> on every numeric column both have (minus
    /// <paramref name="exclude"/>, default the study metadata), matching rows by <paramref name="idColumn"/>. Rows sorted by
    /// <c>delta_over_std</c>, largest first. Cells missing in either version are skipped for that column.
    /// </summary>
    public static TidyTable Compute(DataFrame reference, DataFrame variant, string idColumn = "track_id", IReadOnlyCollection<string>? exclude = null)
    {
        var skip = new HashSet<string>(exclude ?? new StudyColumns().Metadata, StringComparer.Ordinal) { idColumn };
        var refIndex = Index(reference, idColumn);
        var varIndex = Index(variant, idColumn);
        var common = refIndex.Keys.Where(varIndex.ContainsKey).ToArray();
        if (common.Length == 0) throw new AlchemyException($"feature deltas: no {idColumn} in common between the two tables");
        var rows = new List<object?[]>();
        foreach (var rc in reference.Columns)
        {
            if (skip.Contains(rc.Name) || !DatasetBuilder.IsNumeric(rc) || variant.Columns.IndexOf(rc.Name) < 0) continue;
            var vc = variant.Columns[rc.Name];
            if (!DatasetBuilder.IsNumeric(vc)) continue;
            var pairs = common.Select(id => (A: Value(rc, refIndex[id]), B: Value(vc, varIndex[id])))
                .Where(p => double.IsFinite(p.A) && double.IsFinite(p.B)).ToArray();
            if (pairs.Length == 0) continue;
            double mean = pairs.Average(p => p.A);
            double std = Math.Sqrt(pairs.Average(p => (p.A - mean) * (p.A - mean)));
            double mad = pairs.Average(p => Math.Abs(p.B - p.A));
            var rel = pairs.Where(p => Math.Abs(p.A) > 1e-12).Select(p => 100 * Math.Abs(p.B - p.A) / Math.Abs(p.A)).ToArray();
            rows.Add([rc.Name, pairs.Length, mad, std, std > 0 ? mad / std : (mad == 0 ? 0.0 : double.PositiveInfinity),
                rel.Length > 0 ? rel.Average() : double.NaN, pairs.Max(p => Math.Abs(p.B - p.A))]);
        }
        var table = new TidyTable(Columns);
        foreach (var r in rows.OrderByDescending(r => (double)r[4]!)) table.Add(r);
        return table;
    }

    private static Dictionary<string, long> Index(DataFrame df, string idColumn)
    {
        if (df.Columns.IndexOf(idColumn) < 0) throw new AlchemyException($"feature deltas: no '{idColumn}' column");
        var col = df.Columns[idColumn];
        var index = new Dictionary<string, long>(StringComparer.Ordinal);
        for (long i = 0; i < col.Length; i++)
            if (Convert.ToString(col[i], CultureInfo.InvariantCulture) is { Length: > 0 } id) index.TryAdd(id, i);
        return index;
    }

    private static double Value(DataFrameColumn c, long i) => c[i] is { } v ? Convert.ToDouble(v, CultureInfo.InvariantCulture) : double.NaN;
}
