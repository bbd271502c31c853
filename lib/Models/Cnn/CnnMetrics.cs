namespace AudioAlchemy.Models.Cnn;

/// <summary>
/// Accuracy, macro-F1 (scikit-learn semantics: mean over labels present in truth or prediction, F1 = 0 when
/// undefined) and confusion matrix for label indices. Local to the CNN until the experiment engine's metrics
/// (lib/Experiments) land; to be replaced by them.
/// </summary>
public static class CnnMetrics
{
    /// <summary>Fraction of equal entries.</summary>
    public static double Accuracy(IReadOnlyList<int> truth, IReadOnlyList<int> predicted)
    {
        Check(truth, predicted);
        int ok = 0;
        for (int i = 0; i < truth.Count; i++) if (truth[i] == predicted[i]) ok++;
        return (double)ok / truth.Count;
    }

    /// <summary>Macro-averaged F1 over the labels occurring in <paramref name="truth"/> or <paramref name="predicted"/>.</summary>
    public static double MacroF1(IReadOnlyList<int> truth, IReadOnlyList<int> predicted)
    {
        Check(truth, predicted);
        var labels = truth.Concat(predicted).Distinct().ToArray();
        double sum = 0;
        foreach (int l in labels)
        {
            int tp = 0, fp = 0, fn = 0;
            for (int i = 0; i < truth.Count; i++)
            {
                bool t = truth[i] == l, p = predicted[i] == l;
                if (t && p) tp++; else if (p) fp++; else if (t) fn++;
            }
            sum += tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        }
        return sum / labels.Length;
    }

    /// <summary>Confusion counts, shape (classes, classes): row = true label, column = predicted.</summary>
    public static int[,] Confusion(IReadOnlyList<int> truth, IReadOnlyList<int> predicted, int classes)
    {
        Check(truth, predicted);
        var m = new int[classes, classes];
        for (int i = 0; i < truth.Count; i++) m[truth[i], predicted[i]]++;
        return m;
    }

    private static void Check(IReadOnlyList<int> truth, IReadOnlyList<int> predicted)
    {
        if (truth.Count == 0 || truth.Count != predicted.Count)
            throw new AlchemyException($"metrics: need equally long, non-empty label lists (got {truth.Count} and {predicted.Count})");
    }
}
