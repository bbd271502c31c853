namespace AudioAlchemy.Experiments;

/// <summary>
/// A binary ROC curve as scikit-learn's <c>roc_curve(drop_intermediate=True)</c>: points at distinct score
/// thresholds (descending), collinear intermediate points dropped, (0, 0) prepended with threshold
/// <c>max score + 1</c> (scikit-learn 1.2). FPR (TPR) is NaN when there are no negatives (positives).
/// </summary>
/// <param name="Fpr">False-positive rates, ascending.</param>
/// <param name="Tpr">True-positive rates, ascending.</param>
/// <param name="Thresholds">Score thresholds, descending.</param>
public sealed record RocCurve(double[] Fpr, double[] Tpr, double[] Thresholds)
{
    /// <summary>Area under the curve by the trapezoidal rule (NaN when undefined).</summary>
    public double Auc
    {
        get
        {
            double a = 0;
            for (int i = 1; i < Fpr.Length; i++) a += (Fpr[i] - Fpr[i - 1]) * (Tpr[i] + Tpr[i - 1]) / 2;
            return a;
        }
    }

    /// <summary>ROC of scores <paramref name="score"/> for binary truth <paramref name="positive"/> (same length).</summary>
    public static RocCurve Compute(IReadOnlyList<bool> positive, IReadOnlyList<double> score)
    {
        int n = positive.Count;
        if (n != score.Count || n == 0) throw new AlchemyException($"ROC needs equal, non-zero lengths (got {n} labels, {score.Count} scores)");
        // Stable sort by descending score (mergesort of scores reversed gives the same thresholds).
        var order = Enumerable.Range(0, n).OrderByDescending(i => score[i]).ToArray();
        var fps = new List<double>(); var tps = new List<double>(); var thr = new List<double>();
        double tp = 0;
        for (int r = 0; r < n; r++)
        {
            int i = order[r];
            if (positive[i]) tp++;
            if (r == n - 1 || score[order[r + 1]] != score[i])
            {
                tps.Add(tp); fps.Add(r + 1 - tp); thr.Add(score[i]);
            }
        }
        if (fps.Count > 2)
        {
            var keep = new List<int> { 0 };
            for (int i = 1; i < fps.Count - 1; i++)
                if (fps[i + 1] - 2 * fps[i] + fps[i - 1] != 0 || tps[i + 1] - 2 * tps[i] + tps[i - 1] != 0) keep.Add(i);
            keep.Add(fps.Count - 1);
            fps = keep.Select(i => fps[i]).ToList(); tps = keep.Select(i => tps[i]).ToList(); thr = keep.Select(i => thr[i]).ToList();
        }
        fps.Insert(0, 0); tps.Insert(0, 0); thr.Insert(0, thr[0] + 1);
        double fMax = fps[^1], tMax = tps[^1];
        return new RocCurve(fps.Select(f => fMax <= 0 ? double.NaN : f / fMax).ToArray(),
            tps.Select(t => tMax <= 0 ? double.NaN : t / tMax).ToArray(), thr.ToArray());
    }

    /// <summary>
    /// One-vs-rest ROC of each class column of <paramref name="proba"/> (shape (n, classes)) against codes
    /// <paramref name="yTrue"/>. Curves of classes without positives or negatives have NaN AUC.
    /// </summary>
    public static RocCurve[] OneVsRest(IReadOnlyList<int> yTrue, IReadOnlyList<double[]> proba, int nClasses) =>
        Enumerable.Range(0, nClasses).Select(c =>
            Compute(yTrue.Select(t => t == c).ToArray(), proba.Select(p => p[c]).ToArray())).ToArray();

    /// <summary>Macro one-vs-rest AUC (scikit-learn <c>roc_auc_score(multi_class="ovr")</c>), over classes whose AUC is defined.</summary>
    public static double MacroAuc(IReadOnlyList<RocCurve> curves)
    {
        var defined = curves.Select(c => c.Auc).Where(double.IsFinite).ToArray();
        return defined.Length == 0 ? double.NaN : defined.Average();
    }
}
