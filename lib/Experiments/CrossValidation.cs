using AudioAlchemy.Models;

namespace AudioAlchemy.Experiments;

/// <summary>Options of a cross-validated evaluation.</summary>
/// <param name="Seed">Seed handed to every model.</param>
/// <param name="Standardize">Fit a <see cref="StandardScaler"/> on each training fold (and apply it to that fold's test rows).</param>
/// <param name="Degree">Folds (and sweep configurations) evaluated in parallel; 1 = sequential.</param>
/// <param name="TrainScores">Also score each model on its own training rows (learning curves).</param>
public sealed record CvOptions(int Seed = 0, bool Standardize = true, int Degree = 1, bool TrainScores = false)
{
    /// <summary>Throws when an option is out of range.</summary>
    public CvOptions Validate() => Degree >= 1 ? this : throw new AlchemyException($"parallel degree must be >= 1, got {Degree}");
}

/// <summary>The outcome of one fold.</summary>
/// <param name="Fold">Fold number.</param>
/// <param name="TestRows">Dataset rows tested.</param>
/// <param name="Predicted">Predicted global class codes of <paramref name="TestRows"/>.</param>
/// <param name="Proba">Probabilities, shape (test rows, classes), in global class order.</param>
/// <param name="Metrics">Metrics on the fold's test rows (scikit-learn labels=None semantics).</param>
/// <param name="TrainMetrics">Metrics on the fold's training rows, when requested.</param>
public sealed record FoldResult(int Fold, int[] TestRows, int[] Predicted, double[][] Proba, ClassificationMetrics Metrics, ClassificationMetrics? TrainMetrics);

/// <summary>A cross-validated evaluation of one model configuration.</summary>
/// <param name="Model">Model spec evaluated.</param>
/// <param name="Splitter">Split scheme name.</param>
/// <param name="Classes">Class names; code k is <c>Classes[k]</c>.</param>
/// <param name="Y">True codes of every dataset row.</param>
/// <param name="Folds">Per-fold results, in fold order.</param>
public sealed record CvResult(ModelSpec Model, string Splitter, string[] Classes, int[] Y, IReadOnlyList<FoldResult> Folds)
{
    /// <summary>Out-of-fold predictions pooled over all folds (rows never tested are skipped).</summary>
    public ClassificationMetrics Pooled
    {
        get
        {
            var rows = Folds.SelectMany(f => f.TestRows).ToArray();
            var pred = Folds.SelectMany(f => f.Predicted).ToArray();
            return ClassificationMetrics.Compute(rows.Select(r => Y[r]).ToArray(), pred, Enumerable.Range(0, Classes.Length).ToArray());
        }
    }

    /// <summary>Mean and population std over folds of <paramref name="metric"/>.</summary>
    public (double Mean, double Std) FoldMeanStd(Func<ClassificationMetrics, double> metric) => MeanStd(Folds.Select(f => metric(f.Metrics)));

    /// <summary>One-vs-rest ROC curves of the pooled out-of-fold probabilities, one per class.</summary>
    public RocCurve[] Roc()
    {
        var rows = Folds.SelectMany(f => f.TestRows).ToArray();
        return RocCurve.OneVsRest(rows.Select(r => Y[r]).ToArray(), Folds.SelectMany(f => f.Proba).ToArray(), Classes.Length);
    }

    /// <summary>Mean and population std (numpy's default ddof=0) of <paramref name="values"/>.</summary>
    public static (double Mean, double Std) MeanStd(IEnumerable<double> values)
    {
        var v = values.ToArray();
        if (v.Length == 0) return (double.NaN, double.NaN);
        double m = v.Average();
        return (m, Math.Sqrt(v.Sum(x => (x - m) * (x - m)) / v.Length));
    }
}

/// <summary>
/// Cross-validation without leakage: for each fold the label encoder and the scaler are fitted on the training rows
/// only; the model is trained on those and scores the test rows. Models see codes of the training fold's own label
/// encoder (a class missing from a training fold is simply unknown to that model); predictions are mapped back to the
/// dataset's class codes for scoring.
/// </summary>
public static class CrossValidation
{
    /// <summary>Evaluates <paramref name="model"/> on <paramref name="data"/> with <paramref name="splitter"/>.</summary>
    public static CvResult Run(Dataset data, ModelSpec model, ISplitter splitter, CvOptions? options = null)
    {
        var o = (options ?? new CvOptions()).Validate();
        var enc = new LabelEncoder(data.Labels);
        var y = enc.Transform(data.Labels);
        var folds = splitter.Split(y, data.Groups);
        var results = new FoldResult[folds.Count];
        ParallelRunner.For(folds.Count, o.Degree,
            f => results[f] = RunFold(data, enc.Classes, y, model, folds[f], o));
        return new CvResult(model, splitter.Name, enc.Classes, y, results);
    }

    /// <summary>Trains on <paramref name="fold"/>'s training rows and scores its test rows.</summary>
    public static FoldResult RunFold(Dataset data, string[] classes, int[] y, ModelSpec model, Fold fold, CvOptions o)
    {
        var xTrain = fold.Train.Select(i => data.X[i]).ToArray();
        var xTest = fold.Test.Select(i => data.X[i]).ToArray();
        if (o.Standardize)
        {
            var scaler = new StandardScaler().Fit(xTrain);
            xTrain = scaler.Transform(xTrain);
            xTest = scaler.Transform(xTest);
        }
        var trainLabels = fold.Train.Select(i => data.Labels[i]).ToArray();
        var local = new LabelEncoder(trainLabels);
        if (local.Classes.Length < 2) throw new AlchemyException($"fold {fold.Index}: training rows hold a single class '{local.Classes[0]}'");
        var clf = ModelFactory.Create(model, o.Seed);
        clf.Fit(xTrain, local.Transform(trainLabels), local.Classes.Length);
        var globalOf = local.Classes.Select(c => Array.IndexOf(classes, c)).ToArray();
        double[][] ToGlobal(double[][] p) => p.Select(r =>
        {
            var g = new double[classes.Length];
            for (int c = 0; c < r.Length; c++) g[globalOf[c]] = r[c];
            return g;
        }).ToArray();
        var proba = ToGlobal(clf.PredictProba(xTest));
        var pred = ClassifierExtensions.ArgMax(proba);
        var metrics = ClassificationMetrics.Compute(fold.Test.Select(i => y[i]).ToArray(), pred);
        ClassificationMetrics? train = null;
        if (o.TrainScores)
            train = ClassificationMetrics.Compute(fold.Train.Select(i => y[i]).ToArray(), ClassifierExtensions.ArgMax(ToGlobal(clf.PredictProba(xTrain))));
        return new FoldResult(fold.Index, fold.Test, pred, proba, metrics, train);
    }

    /// <summary>
    /// Fits <paramref name="model"/> on <paramref name="train"/> (scaler and encoder fitted there) and scores
    /// <paramref name="test"/>: a held-out evaluation. Returns metrics and test probabilities (global class order).
    /// </summary>
    public static (ClassificationMetrics Metrics, int[] Predicted, double[][] Proba, int[] YTest) HoldOut(
        Dataset data, ModelSpec model, int[] train, int[] test, CvOptions? options = null)
    {
        var o = options ?? new CvOptions();
        var enc = new LabelEncoder(data.Labels);
        var y = enc.Transform(data.Labels);
        var r = RunFold(data, enc.Classes, y, model, new Fold(0, train, test), o with { TrainScores = false });
        var yTest = test.Select(i => y[i]).ToArray();
        return (ClassificationMetrics.Compute(yTest, r.Predicted, Enumerable.Range(0, enc.Classes.Length).ToArray()), r.Predicted, r.Proba, yTest);
    }
}
