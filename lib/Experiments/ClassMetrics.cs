namespace AudioAlchemy.Experiments;

/// <summary>Precision, recall, F1 and support of one class (scikit-learn, zero_division=0).</summary>
/// <param name="Label">Class code.</param>
/// <param name="Precision">TP / (TP + FP), 0 when nothing was predicted as this class.</param>
/// <param name="Recall">TP / (TP + FN), 0 when the class has no true rows.</param>
/// <param name="F1">2PR / (P + R), 0 when P + R = 0.</param>
/// <param name="Support">Number of true rows of the class.</param>
public sealed record ClassMetrics(int Label, double Precision, double Recall, double F1, int Support);

/// <summary>An averaged precision/recall/F1 triple.</summary>
/// <param name="Precision">Averaged precision.</param>
/// <param name="Recall">Averaged recall.</param>
/// <param name="F1">Averaged F1 (average of per-class F1, as scikit-learn).</param>
public sealed record AveragedMetrics(double Precision, double Recall, double F1);

/// <summary>
/// scikit-learn's classification metrics for one prediction set: accuracy, macro / weighted / micro averages,
/// per-class report and confusion matrix. <see cref="Labels"/> are the classes used: by default the sorted union of
/// true and predicted codes (scikit-learn's <c>labels=None</c>), so a class absent from a fold and never
/// predicted there does not enter the macro average.
/// </summary>
/// <param name="Accuracy">Fraction of exact matches.</param>
/// <param name="Macro">Unweighted mean over <see cref="Labels"/>.</param>
/// <param name="Weighted">Support-weighted mean over <see cref="Labels"/> (0 when total support is 0).</param>
/// <param name="Micro">Micro average over <see cref="Labels"/>.</param>
/// <param name="PerClass">One entry per label in <see cref="Labels"/> order.</param>
/// <param name="Labels">Class codes used, in order.</param>
/// <param name="Confusion">Confusion matrix, shape (labels, labels): rows true class, columns predicted.</param>
public sealed record ClassificationMetrics(double Accuracy, AveragedMetrics Macro, AveragedMetrics Weighted, AveragedMetrics Micro,
    IReadOnlyList<ClassMetrics> PerClass, int[] Labels, int[][] Confusion)
{
    /// <summary>Computes every metric for true codes <paramref name="yTrue"/> and predictions <paramref name="yPred"/>.</summary>
    /// <param name="yTrue">True class codes, length n.</param>
    /// <param name="yPred">Predicted class codes, length n.</param>
    /// <param name="labels">Classes to report (scikit-learn's <c>labels</c>); null = sorted union of both.</param>
    public static ClassificationMetrics Compute(IReadOnlyList<int> yTrue, IReadOnlyList<int> yPred, IReadOnlyList<int>? labels = null)
    {
        if (yTrue.Count != yPred.Count) throw new AlchemyException($"{yTrue.Count} true labels but {yPred.Count} predictions");
        if (yTrue.Count == 0) throw new AlchemyException("no predictions to score");
        int[] labs = labels?.ToArray() ?? yTrue.Concat(yPred).Distinct().Order().ToArray();
        var pos = labs.Select((l, i) => (l, i)).ToDictionary(t => t.l, t => t.i);
        int k = labs.Length;
        var cm = new int[k][];
        for (int i = 0; i < k; i++) cm[i] = new int[k];
        int correct = 0;
        for (int i = 0; i < yTrue.Count; i++)
        {
            if (yTrue[i] == yPred[i]) correct++;
            if (pos.TryGetValue(yTrue[i], out int t) && pos.TryGetValue(yPred[i], out int p)) cm[t][p]++;
        }
        var tp = new long[k]; var predCount = new long[k]; var trueCount = new long[k];
        for (int i = 0; i < yTrue.Count; i++)
        {
            if (pos.TryGetValue(yTrue[i], out int t)) { trueCount[t]++; if (yTrue[i] == yPred[i]) tp[t]++; }
            if (pos.TryGetValue(yPred[i], out int p)) predCount[p]++;
        }
        var per = new ClassMetrics[k];
        for (int c = 0; c < k; c++)
        {
            double pr = Div(tp[c], predCount[c]), rc = Div(tp[c], trueCount[c]);
            per[c] = new ClassMetrics(labs[c], pr, rc, F1(pr, rc), (int)trueCount[c]);
        }
        var macro = k == 0 ? new AveragedMetrics(0, 0, 0)
            : new AveragedMetrics(per.Average(m => m.Precision), per.Average(m => m.Recall), per.Average(m => m.F1));
        long support = trueCount.Sum();
        var weighted = support == 0 ? new AveragedMetrics(0, 0, 0) : new AveragedMetrics(
            per.Sum(m => m.Precision * m.Support) / support, per.Sum(m => m.Recall * m.Support) / support, per.Sum(m => m.F1 * m.Support) / support);
        double mp = Div(tp.Sum(), predCount.Sum()), mr = Div(tp.Sum(), support);
        var micro = new AveragedMetrics(mp, mr, F1(mp, mr));
        return new ClassificationMetrics((double)correct / yTrue.Count, macro, weighted, micro, per, labs, cm);
    }

    private static double Div(long a, long b) => b == 0 ? 0 : (double)a / b;

    private static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}
