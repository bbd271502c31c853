using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace AudioAlchemy.Models;

/// <summary>Multinomial logistic regression: ML.NET L-BFGS maximum entropy (softmax), single-threaded for determinism.</summary>
/// <param name="l2">L2 regularisation weight (ML.NET's L2Regularization; roughly scikit-learn's 1/C).</param>
/// <param name="l1">L1 regularisation weight.</param>
/// <param name="maxIterations">L-BFGS iteration limit.</param>
/// <param name="seed">MLContext seed.</param>
public sealed class LogisticRegressionClassifier(double l2 = 1, double l1 = 0, int maxIterations = 1000, int seed = 0) : MlNetClassifier(seed)
{
    /// <inheritdoc />
    public override string Name => "logreg";

    /// <inheritdoc />
    protected override IEstimator<ITransformer> CreateTrainer(MLContext ml) =>
        ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            L2Regularization = (float)l2,
            L1Regularization = (float)l1,
            MaximumNumberOfIterations = maxIterations,
            NumberOfThreads = 1,
        });
}
