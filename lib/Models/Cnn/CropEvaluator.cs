using TorchSharp;
using static TorchSharp.torch;

namespace AudioAlchemy.Models.Cnn;

/// <summary>Track-level predictions from sliding crops.</summary>
/// <param name="Probabilities">Per track, the mean of its crops' softmax probabilities, shape (tracks, classes).</param>
/// <param name="CropLoss">Mean crop-level cross-entropy against the tracks' labels.</param>
/// <param name="Crops">Number of crops evaluated.</param>
public sealed record TrackPredictions(float[][] Probabilities, double CropLoss, int Crops)
{
    /// <summary>Predicted label index per track (argmax of the voted probabilities; first class on ties).</summary>
    public int[] Predicted => Probabilities.Select(ArgMax).ToArray();

    private static int ArgMax(float[] p)
    {
        int best = 0;
        for (int i = 1; i < p.Length; i++) if (p[i] > p[best]) best = i;
        return best;
    }
}

/// <summary>Evaluates a network on a dataset: sliding crops, softmax, per-track probability averaging (voting).</summary>
public static class CropEvaluator
{
    /// <summary>Runs <paramref name="model"/> in eval mode without gradients over every crop of <paramref name="data"/>.</summary>
    public static TrackPredictions Evaluate(MelCnn model, MelCropDataset data, int hop, int batchSize = 64)
    {
        int classes = model.Architecture.Classes;
        var sums = new double[data.Count][];
        for (int t = 0; t < data.Count; t++) sums[t] = new double[classes];
        var counts = new int[data.Count];
        double lossSum = 0;
        int crops = 0;
        CropBatches.ForEachEval(model, data, batchSize, hop, (b, x) =>
        {
            var y = TensorCopy.Long(b.Y).to(TorchRuntime.Device);
            var logits = model.forward(x);
            lossSum += nn.functional.cross_entropy(logits, y, reduction: nn.Reduction.Sum).cpu().item<float>();
            var p = nn.functional.softmax(logits, 1).cpu().data<float>().ToArray();
            for (int i = 0; i < b.N; i++)
            {
                int t = b.Track[i];
                counts[t]++;
                for (int c = 0; c < classes; c++) sums[t][c] += p[i * classes + c];
            }
            crops += b.N;
        });
        var probs = new float[data.Count][];
        for (int t = 0; t < data.Count; t++) probs[t] = sums[t].Select(s => (float)(s / counts[t])).ToArray();
        return new TrackPredictions(probs, lossSum / crops, crops);
    }
}
