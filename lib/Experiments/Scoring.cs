namespace AudioAlchemy.Experiments;

/// <summary>A scalar score used to rank configurations (higher is better).</summary>
public enum Scoring
{
    /// <summary>Accuracy.</summary>
    Accuracy,

    /// <summary>Macro-averaged F1.</summary>
    MacroF1,
}

/// <summary>Evaluates a <see cref="Scoring"/>.</summary>
public static class ScoringExtensions
{
    /// <summary>The score of <paramref name="m"/>.</summary>
    public static double Of(this Scoring s, ClassificationMetrics m) => s switch
    {
        Scoring.Accuracy => m.Accuracy,
        Scoring.MacroF1 => m.Macro.F1,
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };

    /// <summary>Name as used in tables: <c>accuracy</c> or <c>f1_macro</c>.</summary>
    public static string Name(this Scoring s) => s == Scoring.Accuracy ? "accuracy" : "f1_macro";

    /// <summary>Parses <c>accuracy</c> or <c>f1_macro</c>/<c>macro_f1</c>.</summary>
    public static Scoring Parse(string text) => text.ToLowerInvariant() switch
    {
        "accuracy" => Scoring.Accuracy,
        "f1_macro" or "macro_f1" or "macrof1" => Scoring.MacroF1,
        _ => throw new AlchemyException($"scoring '{text}' not understood; use accuracy or f1_macro"),
    };

    /// <summary>
    /// Mean ± std of the score over folds. With folds of a single test row (leave-one-out) per-fold F1 is
    /// meaningless, so the score is computed on the pooled out-of-fold predictions and the std is over the per-row
    /// 0/1 correctness (for accuracy this equals scikit-learn's cross_val_score mean and std).
    /// </summary>
    public static (double Mean, double Std) Summarize(this Scoring s, CvResult r)
    {
        if (r.Folds.All(f => f.TestRows.Length == 1))
        {
            var (_, std) = CvResult.MeanStd(r.Folds.Select(f => f.Metrics.Accuracy));
            return (s.Of(r.Pooled), std);
        }
        return r.FoldMeanStd(m => s.Of(m));
    }
}
