using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace AudioAlchemy.Models;

/// <summary>
/// Linear SVM, one-vs-all: ML.NET LinearSvm (Pegasos) per class inside OneVersusAll with Platt-calibrated
/// probabilities (normalised to sum 1 across classes).
/// </summary>
/// <param name="lambda">Regularisation (ML.NET Lambda).</param>
/// <param name="iterations">Passes over the data.</param>
/// <param name="seed">MLContext seed (Pegasos sampling).</param>
public sealed class LinearSvmClassifier(double lambda = 0.001, int iterations = 10, int seed = 0) : MlNetClassifier(seed)
{
    /// <inheritdoc />
    public override string Name => "svm";

    /// <inheritdoc />
    protected override IEstimator<ITransformer> CreateTrainer(MLContext ml) =>
        ml.MulticlassClassification.Trainers.OneVersusAll(
            ml.BinaryClassification.Trainers.LinearSvm(new LinearSvmTrainer.Options
            {
                Lambda = (float)lambda,
                NumberOfIterations = iterations,
            }), useProbabilities: true);
}
