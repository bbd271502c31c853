using System.Globalization;
using Microsoft.Data.Analysis;

namespace AudioAlchemy.Experiments;

/// <summary>Which columns of a feature table become label, group, id and features.</summary>
/// <param name="Label">Name of the class-label column (any type; values become strings).</param>
/// <param name="Group">Optional group column (e.g. artist) for grouped splits.</param>
/// <param name="Id">Optional row-id column; when absent or missing, ids are the row numbers.</param>
/// <param name="Features">Explicit feature columns; null means every numeric column except label, group, id and
/// <paramref name="Exclude"/>.</param>
/// <param name="Exclude">Columns never used as features when <paramref name="Features"/> is null (e.g. metadata).</param>
public sealed record ColumnSelection(string Label, string? Group = null, string? Id = null,
    IReadOnlyList<string>? Features = null, IReadOnlyList<string>? Exclude = null);

/// <summary>Turns a <see cref="DataFrame"/> into a <see cref="Dataset"/> following a <see cref="ColumnSelection"/>.</summary>
public static class DatasetBuilder
{
    /// <summary>Columns commonly holding ids rather than features; excluded from automatic selection.</summary>
    public static readonly IReadOnlySet<string> DefaultIdColumns = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { "id", "track_id", "track", "filename", "file", "path" };

    /// <summary>Builds the dataset; rows with a missing label or a missing/non-finite feature are errors naming the row.</summary>
    public static Dataset Build(DataFrame df, ColumnSelection sel)
    {
        var names = df.Columns.Select(c => c.Name).ToList();
        DataFrameColumn Col(string name, string role) => names.Contains(name)
            ? df.Columns[name]
            : throw new AlchemyException($"{role} column '{name}' not in table (columns: {string.Join(", ", names)})");
        var label = Col(sel.Label, "label");
        var group = sel.Group is null ? null : Col(sel.Group, "group");
        var id = sel.Id is null ? null : Col(sel.Id, "id");
        string[] featureNames;
        if (sel.Features is { Count: > 0 })
        {
            foreach (var f in sel.Features)
                if (!IsNumeric(Col(f, "feature")))
                    throw new AlchemyException($"feature column '{f}' is not numeric{(FirstNonNumeric(df.Columns[f]) is { } bad ? $" (row {bad.Row}: '{bad.Text}')" : "")}");
            featureNames = sel.Features.ToArray();
        }
        else
        {
            var skip = new HashSet<string>(StringComparer.Ordinal) { sel.Label };
            if (sel.Group is not null) skip.Add(sel.Group);
            if (sel.Id is not null) skip.Add(sel.Id);
            foreach (var e in sel.Exclude ?? []) skip.Add(e);
            var candidates = df.Columns.Where(c => !skip.Contains(c.Name) && !DefaultIdColumns.Contains(c.Name)).ToList();
            foreach (var c in candidates.Where(c => !IsNumeric(c) && MostlyNumeric(c)))
            {
                var bad = FirstNonNumeric(c)!.Value;
                throw new AlchemyException($"feature column '{c.Name}' has non-numeric cells (first: row {bad.Row}, '{bad.Text}') among numbers, " +
                    "so it was read as text; fix those cells, or pass --exclude " + c.Name + " to leave the column out");
            }
            featureNames = candidates.Where(IsNumeric).Select(c => c.Name).ToArray();
            if (featureNames.Length == 0) throw new AlchemyException("table has no numeric feature column besides label/group/id");
        }
        long n = df.Rows.Count;
        var x = new float[n][];
        var labels = new string[n];
        var groups = group is null ? null : new string[n];
        var ids = new string[n];
        var fcols = featureNames.Select(f => df.Columns[f]).ToArray();
        for (long i = 0; i < n; i++)
        {
            labels[i] = CellString(label[i]) ?? throw new AlchemyException($"row {i + 1}: label '{sel.Label}' is missing");
            if (groups is not null) groups[i] = CellString(group![i]) ?? throw new AlchemyException($"row {i + 1}: group '{sel.Group}' is missing");
            ids[i] = (id is null ? null : CellString(id[i])) ?? i.ToString(CultureInfo.InvariantCulture);
            var r = new float[fcols.Length];
            for (int j = 0; j < fcols.Length; j++)
            {
                object? v = fcols[j][i];
                double d = v is null ? double.NaN : Convert.ToDouble(v, CultureInfo.InvariantCulture);
                if (!double.IsFinite(d))
                    throw new AlchemyException($"row {i + 1}: feature '{featureNames[j]}' is missing or not finite (choose --impute mean|median|drop, or TableImputer)");
                r[j] = (float)d;
            }
            x[i] = r;
        }
        return new Dataset(x, labels, groups, ids, featureNames);
    }

    /// <summary>A text column at least half of whose non-empty cells parse as numbers: a numeric column with bad cells.</summary>
    private static bool MostlyNumeric(DataFrameColumn c)
    {
        long numbers = 0, texts = 0;
        for (long i = 0; i < c.Length; i++)
        {
            if (c[i]?.ToString() is not { } s || string.IsNullOrWhiteSpace(s)) continue;
            if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) numbers++; else texts++;
        }
        return numbers > 0 && texts > 0 && numbers >= texts;
    }

    /// <summary>The first non-empty cell of <paramref name="c"/> that is not a number (1-based data row), or null.</summary>
    private static (long Row, string Text)? FirstNonNumeric(DataFrameColumn c)
    {
        for (long i = 0; i < c.Length; i++)
            if (c[i]?.ToString() is { } s && !string.IsNullOrWhiteSpace(s) && !double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                return (i + 1, s);
        return null;
    }

    /// <summary>True for numeric column types (integers, floats, decimals).</summary>
    public static bool IsNumeric(DataFrameColumn c) =>
        c.DataType == typeof(float) || c.DataType == typeof(double) || c.DataType == typeof(int) || c.DataType == typeof(long)
        || c.DataType == typeof(short) || c.DataType == typeof(byte) || c.DataType == typeof(sbyte) || c.DataType == typeof(ushort)
        || c.DataType == typeof(uint) || c.DataType == typeof(ulong) || c.DataType == typeof(decimal);

    private static string? CellString(object? v) => v switch
    {
        null => null,
        string s when string.IsNullOrWhiteSpace(s) => null,
        float f => f.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString(CultureInfo.InvariantCulture),
        IFormattable fm => fm.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString(),
    };
}
