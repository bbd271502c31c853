using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;

namespace AudioAlchemy.Models;

/// <summary>LightGBM hyper-parameters (LightGBM names).</summary>
/// <param name="NumIterations">Boosting rounds.</param>
/// <param name="LearningRate">Shrinkage.</param>
/// <param name="NumLeaves">Leaves per tree.</param>
/// <param name="MinDataInLeaf">Minimum rows per leaf.</param>
public sealed record LightGbmOptions(int NumIterations = 100, double LearningRate = 0.1, int NumLeaves = 31, int MinDataInLeaf = 5)
{
    /// <summary>Throws when an option is out of range.</summary>
    public LightGbmOptions Validate()
    {
        if (NumIterations < 1 || NumLeaves < 2 || MinDataInLeaf < 1 || !(LearningRate > 0))
            throw new AlchemyException("lightgbm: num_iterations >= 1, num_leaves >= 2, min_data_in_leaf >= 1 and learning_rate > 0 required");
        return this;
    }
}

/// <summary>
/// LightGBM multiclass (softmax) through ML.NET (native lib_lightgbm shipped in the LightGBM package), single
/// thread and deterministic mode so the same seed gives the same model.
/// </summary>
public sealed class LightGbmClassifier : MlNetClassifier
{
    private readonly LightGbmOptions _o;

    /// <summary>Creates an unfitted booster.</summary>
    public LightGbmClassifier(LightGbmOptions options, int seed = 0) : base(seed) => _o = options.Validate();

    /// <inheritdoc />
    public override string Name => "lightgbm";

    /// <inheritdoc />
    protected override IEstimator<ITransformer> CreateTrainer(MLContext ml) =>
        ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
        {
            NumberOfIterations = _o.NumIterations,
            LearningRate = _o.LearningRate,
            NumberOfLeaves = _o.NumLeaves,
            MinimumExampleCountPerLeaf = _o.MinDataInLeaf,
            NumberOfThreads = 1,
            Seed = Seed,
            Silent = true,
            UseSoftmax = true,
        });
}
