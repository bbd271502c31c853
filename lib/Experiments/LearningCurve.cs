using AudioAlchemy.Models;

namespace AudioAlchemy.Experiments;

/// <summary>One point of a learning curve.</summary>
/// <param name="TrainSize">Training rows used in each fold.</param>
/// <param name="TrainMean">Mean training score over folds.</param>
/// <param name="TrainStd">Std of the training score.</param>
/// <param name="ValidationMean">Mean validation (fold test) score.</param>
/// <param name="ValidationStd">Std of the validation score.</param>
public sealed record LearningCurvePoint(int TrainSize, double TrainMean, double TrainStd, double ValidationMean, double ValidationStd);

/// <summary>
/// scikit-learn's learning_curve (shuffle=False): for each fold and each size n (fractions of the fold's training
/// size, rounded down), train on the first n training rows of the fold, score them and the fold's test rows.
/// </summary>
public static class LearningCurve
{
    /// <summary>scikit-learn's default fractions: linspace(0.1, 1.0, 5).</summary>
    public static readonly double[] DefaultFractions = [0.1, 0.325, 0.55, 0.775, 1.0];

    /// <summary>Computes the curve of <paramref name="model"/>; folds and sizes run in parallel by <see cref="CvOptions.Degree"/>.</summary>
    public static IReadOnlyList<LearningCurvePoint> Run(Dataset data, ModelSpec model, ISplitter splitter, Scoring scoring,
        IReadOnlyList<double>? fractions = null, CvOptions? options = null)
    {
        var o = ((options ?? new CvOptions()) with { TrainScores = true }).Validate();
        var fr = fractions ?? DefaultFractions;
        if (fr.Any(f => f is <= 0 or > 1)) throw new AlchemyException("learning curve fractions must be in (0, 1]");
        var enc = new LabelEncoder(data.Labels);
        var y = enc.Transform(data.Labels);
        var folds = splitter.Split(y, data.Groups);
        int maxTrain = folds[0].Train.Length; // scikit-learn uses the first fold's training size
        var sizes = fr.Select(f => Math.Max(1, (int)Math.Floor(f * maxTrain))).Distinct().Order().ToArray();
        var results = new FoldResult?[sizes.Length, folds.Count];
        var tasks = Enumerable.Range(0, sizes.Length).SelectMany(s => Enumerable.Range(0, folds.Count).Select(f => (s, f))).ToArray();
        ParallelRunner.For(tasks.Length, o.Degree, k =>
        {
            var t = tasks[k];
            var fold = folds[t.f];
            var sub = new Fold(fold.Index, fold.Train[..Math.Min(sizes[t.s], fold.Train.Length)], fold.Test);
            // A prefix holding a single class cannot train a classifier: that point is skipped (NaN), as sklearn errors there.
            if (sub.Train.Select(i => y[i]).Distinct().Count() < 2) return;
            // Like scikit-learn's error_score=nan: a size the model cannot train on (e.g. k > rows) becomes NaN.
            try { results[t.s, t.f] = CrossValidation.RunFold(data, enc.Classes, y, model, sub, o); }
            catch (AlchemyException) { }
        });
        return sizes.Select((n, s) =>
        {
            var rs = Enumerable.Range(0, folds.Count).Select(f => results[s, f]).OfType<FoldResult>().ToArray();
            if (rs.Length == 0) return new LearningCurvePoint(n, double.NaN, double.NaN, double.NaN, double.NaN);
            var (tm, ts) = CvResult.MeanStd(rs.Select(r => scoring.Of(r.TrainMetrics!)));
            var (vm, vs) = CvResult.MeanStd(rs.Select(r => scoring.Of(r.Metrics)));
            return new LearningCurvePoint(n, tm, ts, vm, vs);
        }).ToArray();
    }

    /// <summary>The curve as a tidy table (train_size, train_mean, train_std, validation_mean, validation_std).</summary>
    public static TidyTable ToTable(IEnumerable<LearningCurvePoint> points, string model)
    {
        var t = new TidyTable("model", "train_size", "train_mean", "train_std", "validation_mean", "validation_std");
        foreach (var p in points) t.Add(model, p.TrainSize, p.TrainMean, p.TrainStd, p.ValidationMean, p.ValidationStd);
        return t;
    }
}
