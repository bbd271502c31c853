namespace AudioAlchemy.Experiments;

/// <summary>Tidy tables of metrics: summaries, per-class reports, confusion matrices, column min/max.</summary>
public static class MetricTables
{
    /// <summary>Columns of <see cref="AddSummary"/> rows after the key columns.</summary>
    public static readonly string[] SummaryColumns =
        ["accuracy", "accuracy_std", "precision", "precision_std", "recall", "recall_std", "f1", "f1_std", "auc_ovr"];

    /// <summary>A summary table with <paramref name="keys"/> columns then <see cref="SummaryColumns"/> (macro averages, fold mean ± std).</summary>
    public static TidyTable Summary(params string[] keys) => new([.. keys, .. SummaryColumns]);

    /// <summary>Adds the fold mean ± std of accuracy and macro precision/recall/F1 and the pooled OvR macro AUC of <paramref name="r"/>.</summary>
    public static void AddSummary(TidyTable t, CvResult r, params object?[] keys)
    {
        var (a, asd) = r.FoldMeanStd(m => m.Accuracy);
        var (p, psd) = r.FoldMeanStd(m => m.Macro.Precision);
        var (re, rsd) = r.FoldMeanStd(m => m.Macro.Recall);
        var (f, fsd) = r.FoldMeanStd(m => m.Macro.F1);
        t.Add([.. keys, a, asd, p, psd, re, rsd, f, fsd, RocCurve.MacroAuc(r.Roc())]);
    }

    /// <summary>Per-class precision/recall/F1/support of <paramref name="m"/> as rows keyed by <paramref name="keys"/>.</summary>
    public static void AddPerClass(TidyTable t, ClassificationMetrics m, IReadOnlyList<string> classes, params object?[] keys)
    {
        foreach (var c in m.PerClass) t.Add([.. keys, classes[c.Label], c.Precision, c.Recall, c.F1, c.Support]);
    }

    /// <summary>A per-class table with <paramref name="keys"/> then class, precision, recall, f1, support.</summary>
    public static TidyTable PerClass(params string[] keys) => new([.. keys, "class", "precision", "recall", "f1", "support"]);

    /// <summary>A confusion table with <paramref name="keys"/> then true, predicted, count.</summary>
    public static TidyTable Confusion(params string[] keys) => new([.. keys, "true", "predicted", "count"]);

    /// <summary>Adds every cell of <paramref name="m"/>'s confusion matrix.</summary>
    public static void AddConfusion(TidyTable t, ClassificationMetrics m, IReadOnlyList<string> classes, params object?[] keys)
    {
        for (int i = 0; i < m.Labels.Length; i++)
            for (int j = 0; j < m.Labels.Length; j++) t.Add([.. keys, classes[m.Labels[i]], classes[m.Labels[j]], m.Confusion[i][j]]);
    }

    /// <summary>
    /// Column min/max of a summary table (the seed's layout highlighted them): for each metric column, the minimum and
    /// maximum and the row (key columns joined by '/') where each occurs, within each value of <paramref name="partition"/>.
    /// </summary>
    public static TidyTable MinMax(TidyTable summary, string[] keyColumns, string partition)
    {
        var t = new TidyTable(partition, "column", "min", "min_at", "max", "max_at");
        int pj = summary.Columns.ToList().IndexOf(partition);
        var keyIdx = keyColumns.Select(k => summary.Columns.ToList().IndexOf(k)).ToArray();
        foreach (var part in summary.Rows.GroupBy(r => TidyTable.Format(r[pj])))
            foreach (var col in new[] { "accuracy", "precision", "recall", "f1" })
            {
                int j = summary.Columns.ToList().IndexOf(col);
                var rows = part.Where(r => r[j] is double d && double.IsFinite(d)).ToArray();
                if (rows.Length == 0) continue;
                var min = rows.MinBy(r => (double)r[j]!)!;
                var max = rows.MaxBy(r => (double)r[j]!)!;
                string At(object?[] r) => string.Join("/", keyIdx.Select(k => TidyTable.Format(r[k])));
                t.Add(part.Key, col, (double)min[j]!, At(min), (double)max[j]!, At(max));
            }
        return t;
    }
}
