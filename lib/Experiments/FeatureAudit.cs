namespace AudioAlchemy.Experiments;

/// <summary>A warning about one feature column.</summary>
/// <param name="Column">Column name.</param>
/// <param name="Message">The complete message, naming the column and the <c>--exclude</c> to drop it.</param>
public sealed record FeatureWarning(string Column, string Message);

/// <summary>
/// Checks the feature columns of a dataset before an experiment: constant columns (no information), columns that
/// alone predict the label almost perfectly (out-of-fold accuracy of a one-column nearest-value rule ≥
/// <c>leakThreshold</c>, well above the majority baseline), and columns with a value that marks one class (held by
/// ≥ 90 % of that class's rows, at least 5, and by no row of another class, e.g. GTZAN's <c>length</c> for pop).
/// These are the usual signs of label leakage through metadata; the messages name <c>--exclude COL</c>.
/// </summary>
public static class FeatureAudit
{
    /// <summary>Warnings for <paramref name="data"/>, in column order.</summary>
    public static IReadOnlyList<FeatureWarning> Check(Dataset data, double leakThreshold = 0.98, int folds = 5)
    {
        var warnings = new List<FeatureWarning>();
        int n = data.Count;
        if (n < 2) return warnings;
        var enc = new LabelEncoder(data.Labels);
        var y = enc.Transform(data.Labels);
        int k = enc.Classes.Length;
        var classCount = new int[k];
        foreach (int c in y) classCount[c]++;
        double baseline = (double)classCount.Max() / n;
        int kFolds = Math.Min(folds, Math.Max(2, classCount.Max()));
        var assign = new int[n];
        for (int i = 0; i < n; i++) assign[i] = i % kFolds;   // interleaved folds: no shuffling needed for a screen
        for (int j = 0; j < data.FeatureCount; j++)
        {
            string name = data.FeatureNames[j];
            var v = new float[n];
            for (int i = 0; i < n; i++) v[i] = data.X[i][j];
            float min = v.Min(), max = v.Max();
            if (min == max)
            {
                warnings.Add(new(name, $"column '{name}' is constant ({min}) and carries no information; drop it with --exclude {name}"));
                continue;
            }
            if (k < 2) continue;
            double acc = OneColumnAccuracy(v, y, k, assign, kFolds);
            if (acc >= leakThreshold && acc > baseline + 0.5 * (1 - baseline))
            {
                warnings.Add(new(name, $"column '{name}' alone predicts the label with accuracy {acc:0.000} (majority baseline {baseline:0.000}): " +
                    $"possible leakage; drop it with --exclude {name}"));
                continue;
            }
            if (Marker(v, y, k, classCount) is { } m)
                warnings.Add(new(name, $"column '{name}' = {m.Value} marks class '{enc.Classes[m.Class]}' ({m.Share:P0} of its rows, no other class): " +
                    $"possible leakage; drop it with --exclude {name}"));
        }
        return warnings;
    }

    /// <summary>Out-of-fold accuracy of "label of the nearest training value" (ties: lowest label of that value).</summary>
    private static double OneColumnAccuracy(float[] v, int[] y, int k, int[] assign, int kFolds)
    {
        int n = v.Length, correct = 0;
        for (int f = 0; f < kFolds; f++)
        {
            var train = Enumerable.Range(0, n).Where(i => assign[i] != f).ToArray();
            // Distinct training values with their majority label.
            var byValue = new SortedDictionary<float, int[]>();
            foreach (int i in train)
            {
                if (!byValue.TryGetValue(v[i], out var counts)) byValue[v[i]] = counts = new int[k];
                counts[y[i]]++;
            }
            var values = byValue.Keys.ToArray();
            var label = byValue.Values.Select(c => Array.IndexOf(c, c.Max())).ToArray();
            for (int i = 0; i < n; i++)
            {
                if (assign[i] != f) continue;
                int pos = Array.BinarySearch(values, v[i]);
                if (pos < 0)
                {
                    int hi = ~pos, lo = hi - 1;
                    pos = hi >= values.Length ? lo : lo < 0 ? hi : v[i] - values[lo] <= values[hi] - v[i] ? lo : hi;
                }
                if (label[pos] == y[i]) correct++;
            }
        }
        return (double)correct / n;
    }

    private static (float Value, int Class, double Share)? Marker(float[] v, int[] y, int k, int[] classCount)
    {
        var byValue = new Dictionary<float, int[]>();
        for (int i = 0; i < v.Length; i++)
        {
            if (!byValue.TryGetValue(v[i], out var c)) byValue[v[i]] = c = new int[k];
            c[y[i]]++;
        }
        foreach (var (value, counts) in byValue)
        {
            int cls = Array.IndexOf(counts, counts.Max());
            int others = counts.Sum() - counts[cls];
            double share = (double)counts[cls] / classCount[cls];
            if (others == 0 && counts[cls] >= 5 && share >= 0.9) return (value, cls, share);
        }
        return null;
    }
}
