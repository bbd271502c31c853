using System.Globalization;

namespace AudioAlchemy.Models;

/// <summary>
/// Options of <see cref="RandomForestClassifier"/>, scikit-learn's <c>RandomForestClassifier</c> names and defaults
/// (criterion='gini', bootstrap=True, max_features='sqrt', fully grown trees).
/// </summary>
/// <param name="NEstimators">Number of trees (sklearn 100).</param>
/// <param name="MaxDepth">Depth limit, null = grow until leaves are pure or too small.</param>
/// <param name="MinSamplesSplit">A node with fewer samples is a leaf (≥ 2).</param>
/// <param name="MinSamplesLeaf">Each child of a split keeps at least this many samples (≥ 1).</param>
/// <param name="MaxFeatures"><c>sqrt</c>, <c>log2</c>, <c>none</c> (all), an integer count or a fraction in (0, 1].</param>
/// <param name="Bootstrap">Draw n rows with replacement per tree (sklearn's bootstrap=True); false = every row once.</param>
/// <param name="ClassWeight"><c>none</c>, <c>balanced</c> (n / (k·count) on the training rows) or <c>balanced_subsample</c>
/// (the same on each tree's bootstrap sample).</param>
/// <param name="NJobs">Trees built in parallel; -1 = all cores. Results do not depend on it.</param>
public sealed record RandomForestOptions(int NEstimators = 100, int? MaxDepth = null, int MinSamplesSplit = 2, int MinSamplesLeaf = 1,
    string MaxFeatures = "sqrt", bool Bootstrap = true, string ClassWeight = "none", int NJobs = -1)
{
    /// <summary>Throws when an option is out of range.</summary>
    public RandomForestOptions Validate()
    {
        if (NEstimators < 1) throw new AlchemyException($"rf: n_estimators must be >= 1, got {NEstimators}");
        if (MaxDepth is < 1) throw new AlchemyException($"rf: max_depth must be >= 1 or none, got {MaxDepth}");
        if (MinSamplesSplit < 2) throw new AlchemyException($"rf: min_samples_split must be >= 2, got {MinSamplesSplit}");
        if (MinSamplesLeaf < 1) throw new AlchemyException($"rf: min_samples_leaf must be >= 1, got {MinSamplesLeaf}");
        if (ClassWeight is not ("none" or "balanced" or "balanced_subsample"))
            throw new AlchemyException($"rf: class_weight must be none, balanced or balanced_subsample, got '{ClassWeight}'");
        if (NJobs == 0 || NJobs < -1) throw new AlchemyException($"rf: n_jobs must be -1 or >= 1, got {NJobs}");
        FeaturesPerSplit(1);
        return this;
    }

    /// <summary><see cref="NJobs"/> as a thread count (-1 = all cores).</summary>
    public int Threads => NJobs == -1 ? Environment.ProcessorCount : NJobs;

    /// <summary>Features examined per split for <paramref name="nFeatures"/> columns (sklearn's max_features_).</summary>
    public int FeaturesPerSplit(int nFeatures)
    {
        string m = MaxFeatures.Trim().ToLowerInvariant();
        int k = m switch
        {
            "sqrt" or "auto" => (int)Math.Sqrt(nFeatures),
            "log2" => (int)Math.Log2(nFeatures),
            "none" or "all" => nFeatures,
            _ when int.TryParse(m, NumberStyles.Integer, CultureInfo.InvariantCulture, out int i) =>
                i >= 1 ? i : throw new AlchemyException($"rf: max_features must be >= 1, got {i}"),
            _ when double.TryParse(m, NumberStyles.Float, CultureInfo.InvariantCulture, out double f) =>
                f is > 0 and <= 1 ? (int)(f * nFeatures) : throw new AlchemyException($"rf: max_features fraction must be in (0, 1], got {f}"),
            _ => throw new AlchemyException($"rf: max_features must be sqrt, log2, none, an integer or a fraction, got '{MaxFeatures}'"),
        };
        return Math.Clamp(k, 1, Math.Max(1, nFeatures));
    }
}
