using System.Globalization;
using AudioAlchemy.Models;

namespace AudioAlchemy.Experiments;

/// <summary>One configuration's cross-validated score.</summary>
/// <param name="Rank">1 = best (ties share the lower rank, like scikit-learn's rank_test_score).</param>
/// <param name="Model">Model kind and full parameters.</param>
/// <param name="Mean">Mean score over folds.</param>
/// <param name="Std">Population std over folds.</param>
/// <param name="Accuracy">Pooled out-of-fold accuracy.</param>
/// <param name="MacroF1">Pooled out-of-fold macro F1.</param>
/// <param name="Result">The full cross-validation result.</param>
public sealed record SweepRow(int Rank, ModelSpec Model, double Mean, double Std, double Accuracy, double MacroF1, CvResult Result);

/// <summary>The outcome of a sweep: every configuration, and the best one.</summary>
/// <param name="Scoring">Ranking score.</param>
/// <param name="Rows">One row per configuration, in evaluation (grid) order.</param>
public sealed record SweepResult(Scoring Scoring, IReadOnlyList<SweepRow> Rows)
{
    /// <summary>The best configuration (first in grid order among equal means, as scikit-learn).</summary>
    public SweepRow Best => Rows.First(r => r.Rank == 1);

    /// <summary>The tidy table: rank, model, one column per parameter, mean, std, pooled accuracy and macro F1.</summary>
    public TidyTable ToTable()
    {
        var names = Rows.SelectMany(r => r.Model.Params.Values.Keys).Distinct().Order(StringComparer.Ordinal).ToArray();
        var t = new TidyTable(["rank", "model", .. names, "cv", "scoring", "mean", "std", "accuracy", "f1_macro"]);
        foreach (var r in Rows)
            t.Add([r.Rank, r.Model.Kind, .. names.Select(n => (object?)(r.Model.Params.Values.TryGetValue(n, out var v) ? ParseCell(v) : null)),
                r.Result.Splitter, Scoring.Name(), r.Mean, r.Std, r.Accuracy, r.MacroF1]);
        return t;
    }

    private static object ParseCell(string v) => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : v;
}

/// <summary>
/// Grid / random search with cross-validation: every (configuration, fold) pair is one task run in parallel
/// (degree from <see cref="CvOptions.Degree"/>); results do not depend on the degree.
/// </summary>
public static class Sweep
{
    /// <summary>Scores every configuration of <paramref name="kind"/> in <paramref name="configs"/> on <paramref name="data"/>.</summary>
    public static SweepResult Run(Dataset data, string kind, IReadOnlyList<ModelParams> configs, ISplitter splitter, Scoring scoring,
        CvOptions? options = null, IProgress<int>? progress = null)
    {
        var o = (options ?? new CvOptions()).Validate();
        if (configs.Count == 0) throw new AlchemyException("sweep: no configuration to evaluate");
        var enc = new LabelEncoder(data.Labels);
        var y = enc.Transform(data.Labels);
        var folds = splitter.Split(y, data.Groups);
        var specs = configs.Select(c => new ModelSpec(kind, c)).ToArray();
        var results = new FoldResult[specs.Length, folds.Count];
        int done = 0;
        var tasks = Enumerable.Range(0, specs.Length).SelectMany(c => Enumerable.Range(0, folds.Count).Select(f => (c, f))).ToArray();
        ParallelRunner.For(tasks.Length, o.Degree, k =>
        {
            var t = tasks[k];
            results[t.c, t.f] = CrossValidation.RunFold(data, enc.Classes, y, specs[t.c], folds[t.f], o);
            progress?.Report(Interlocked.Increment(ref done));
        });
        var cv = specs.Select((s, c) => new CvResult(s, splitter.Name, enc.Classes, y,
            Enumerable.Range(0, folds.Count).Select(f => results[c, f]).ToArray())).ToArray();
        var scored = cv.Select(r => (r, ms: scoring.Summarize(r), pooled: r.Pooled)).ToArray();
        var rows = scored.Select(s => new SweepRow(
            1 + scored.Count(o2 => o2.ms.Mean > s.ms.Mean + 1e-12), s.r.Model, s.ms.Mean, s.ms.Std, s.pooled.Accuracy, s.pooled.Macro.F1, s.r)).ToArray();
        return new SweepResult(scoring, rows);
    }
}
