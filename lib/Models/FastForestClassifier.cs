using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace AudioAlchemy.Models;

/// <summary>ML.NET FastForest hyper-parameters in scikit-learn-like names (model kind <c>fastforest</c>).</summary>
/// <param name="NEstimators">Trees per class (FastForest NumberOfTrees).</param>
/// <param name="MaxDepth">Depth limit, or null for none: mapped to NumberOfLeaves = 2^depth (FastForest grows
/// leaf-wise by leaf count, not depth).</param>
/// <param name="MinSamplesLeaf">FastForest MinimumExampleCountPerLeaf.</param>
/// <param name="MinSamplesSplit">No FastForest counterpart: a split needs two leaves, so the leaf minimum used is
/// max(min_samples_leaf, ceil(min_samples_split / 2)).</param>
/// <param name="MaxLeaves">Leaf cap when <paramref name="MaxDepth"/> is null.</param>
/// <param name="FeatureFraction">Features considered per tree (FastForest FeatureFraction).</param>
public sealed record FastForestOptions(int NEstimators = 100, int? MaxDepth = null, int MinSamplesLeaf = 1, int MinSamplesSplit = 2,
    int MaxLeaves = 64, double FeatureFraction = 0.7)
{
    /// <summary>Throws when an option is out of range.</summary>
    public FastForestOptions Validate()
    {
        if (NEstimators < 1) throw new AlchemyException($"fastforest: n_estimators must be >= 1, got {NEstimators}");
        if (MaxDepth is < 1) throw new AlchemyException($"fastforest: max_depth must be >= 1 or none, got {MaxDepth}");
        if (MinSamplesLeaf < 1 || MinSamplesSplit < 2) throw new AlchemyException("fastforest: min_samples_leaf must be >= 1 and min_samples_split >= 2");
        if (FeatureFraction is <= 0 or > 1) throw new AlchemyException($"fastforest: feature fraction must be in (0, 1], got {FeatureFraction}");
        return this;
    }

    /// <summary>FastForest leaf count implied by the depth (at least 2).</summary>
    public int Leaves => MaxDepth is { } d ? (int)Math.Min(Math.Pow(2, Math.Min(d, 20)), 1 << 16) is var l && l >= 2 ? l : 2 : MaxLeaves;

    /// <summary>FastForest minimum examples per leaf.</summary>
    public int MinLeaf => Math.Max(MinSamplesLeaf, (MinSamplesSplit + 1) / 2);
}

/// <summary>
/// ML.NET FastForest (bagged regression-style trees with feature subsampling) one-vs-all, with Platt-calibrated
/// probabilities normalised across classes: model kind <c>fastforest</c>. This is not scikit-learn's random forest
/// (that is <see cref="RandomForestClassifier"/>, kind <c>rf</c>); see docs/experiments.md.
/// </summary>
public sealed class FastForestClassifier : MlNetClassifier
{
    private readonly FastForestOptions _o;

    /// <summary>Creates an unfitted forest.</summary>
    public FastForestClassifier(FastForestOptions options, int seed = 0) : base(seed) => _o = options.Validate();

    /// <inheritdoc />
    public override string Name => "fastforest";

    /// <inheritdoc />
    protected override IEstimator<ITransformer> CreateTrainer(MLContext ml) =>
        ml.MulticlassClassification.Trainers.OneVersusAll(
            ml.BinaryClassification.Trainers.FastForest(new FastForestBinaryTrainer.Options
            {
                NumberOfTrees = _o.NEstimators,
                NumberOfLeaves = _o.Leaves,
                MinimumExampleCountPerLeaf = _o.MinLeaf,
                FeatureFraction = _o.FeatureFraction,
                NumberOfThreads = 1,
                Seed = Seed,
                FeatureFirstUsePenalty = 0,
            }), useProbabilities: true);
}
