namespace AudioAlchemy.Models;

/// <summary>A model kind plus hyper-parameters, e.g. <c>knn</c> with <c>n_neighbors=5,p=1</c>.</summary>
/// <param name="Kind">One of <see cref="ModelFactory.Kinds"/>.</param>
/// <param name="Params">Hyper-parameters (defaults where absent).</param>
public sealed record ModelSpec(string Kind, ModelParams Params)
{
    /// <summary>Parses <c>kind</c> or <c>kind(a=1,b=2)</c>.</summary>
    public static ModelSpec Parse(string text)
    {
        text = text.Trim();
        int open = text.IndexOf('(');
        if (open < 0) return new ModelSpec(text.ToLowerInvariant(), ModelParams.Empty);
        if (!text.EndsWith(')')) throw new AlchemyException($"model '{text}': expected kind(a=1,b=2)");
        return new ModelSpec(text[..open].Trim().ToLowerInvariant(), ModelParams.Parse(text[(open + 1)..^1]));
    }

    /// <summary><c>kind</c> or <c>kind(a=1,...)</c>.</summary>
    public override string ToString() => Params.Values.Count == 0 ? Kind : $"{Kind}({Params})";
}

/// <summary>Creates classifiers from <see cref="ModelSpec"/>s; every model takes the seed.</summary>
public static class ModelFactory
{
    /// <summary>Known model kinds.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["logreg", "rf", "fastforest", "svc", "linearsvc", "svm", "lightgbm", "knn", "gmm"];

    /// <summary>A new unfitted classifier for <paramref name="spec"/>, seeded with <paramref name="seed"/>.</summary>
    public static IClassifier Create(ModelSpec spec, int seed)
    {
        var p = spec.Params;
        switch (spec.Kind)
        {
            case "logreg":
                p.RequireKnown("logreg", "l2", "l1", "max_iter");
                return new LogisticRegressionClassifier(p.Double("l2", 1), p.Double("l1", 0), p.Int("max_iter", 1000), seed);
            case "svm":
                p.RequireKnown("svm", "lambda", "iterations");
                return new LinearSvmClassifier(p.Double("lambda", 0.001), p.Int("iterations", 10), seed);
            case "rf":
                p.RequireKnown("rf", "n_estimators", "max_depth", "min_samples_leaf", "min_samples_split", "max_features", "bootstrap", "class_weight", "n_jobs");
                return new RandomForestClassifier(new RandomForestOptions(p.Int("n_estimators", 100), p.IntOrNone("max_depth", null),
                    p.Int("min_samples_split", 2), p.Int("min_samples_leaf", 1), p.Text("max_features", "sqrt"), p.Bool("bootstrap", true),
                    p.Choice("class_weight", "none", "none", "balanced", "balanced_subsample"), p.Int("n_jobs", -1)), seed);
            case "fastforest":
                p.RequireKnown("fastforest", "n_estimators", "max_depth", "min_samples_leaf", "min_samples_split", "max_leaves", "feature_fraction");
                return new FastForestClassifier(new FastForestOptions(p.Int("n_estimators", 100), p.IntOrNone("max_depth", null),
                    p.Int("min_samples_leaf", 1), p.Int("min_samples_split", 2), p.Int("max_leaves", 64), p.Double("feature_fraction", 0.7)), seed);
            case "svc":
                p.RequireKnown("svc", "C", "kernel", "gamma", "degree", "coef0", "tol", "shrinking", "cache_size", "class_weight", "probability", "max_iter", "n_jobs");
                return new SvcClassifier(new SvcOptions(p.Double("C", 1.0), p.Choice("kernel", "rbf", "rbf", "linear", "poly", "sigmoid"),
                    p.Text("gamma", "scale").ToLowerInvariant(), p.Int("degree", 3), p.Double("coef0", 0), p.Double("tol", 1e-3), p.Bool("shrinking", true),
                    p.Double("cache_size", 200), p.Choice("class_weight", "none", "none", "balanced"), p.Bool("probability", false), p.Int("max_iter", -1), p.Int("n_jobs", -1)), seed);
            case "linearsvc":
                p.RequireKnown("linearsvc", "C", "tol", "max_iter", "fit_intercept", "intercept_scaling");
                return new LinearSvcClassifier(new LinearSvcOptions(p.Double("C", 1.0), p.Double("tol", 1e-4), p.Int("max_iter", 1000),
                    p.Bool("fit_intercept", true), p.Double("intercept_scaling", 1.0)), seed);
            case "lightgbm":
                p.RequireKnown("lightgbm", "num_iterations", "learning_rate", "num_leaves", "min_data_in_leaf");
                return new LightGbmClassifier(new LightGbmOptions(p.Int("num_iterations", 100), p.Double("learning_rate", 0.1),
                    p.Int("num_leaves", 31), p.Int("min_data_in_leaf", 5)), seed);
            case "knn":
                p.RequireKnown("knn", "n_neighbors", "p", "weights");
                return new KnnClassifier(new KnnOptions(p.Int("n_neighbors", 5), p.Double("p", 2), p.Choice("weights", "uniform", "uniform", "distance")));
            case "gmm":
                p.RequireKnown("gmm", "components", "max_iter", "tol", "reg_covar", "max_frames");
                return new GmmClassifier(new GmmOptions(p.Int("components", 8), p.Int("max_iter", 100), p.Double("tol", 1e-3),
                    p.Double("reg_covar", 1e-6), Seed: seed), p.Int("max_frames", 20000));
            default:
                throw new AlchemyException($"unknown model '{spec.Kind}' (known: {string.Join(", ", Kinds)})");
        }
    }
}
