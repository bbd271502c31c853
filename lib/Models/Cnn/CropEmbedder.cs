using TorchSharp;
using static TorchSharp.torch;

namespace AudioAlchemy.Models.Cnn;

/// <summary>A track's penultimate-layer embedding and class probabilities, each the mean over its sliding crops.</summary>
/// <param name="Embedding">Mean penultimate-layer vector (<see cref="MelCnn.EmbeddingSize"/> values).</param>
/// <param name="Probabilities">Mean softmax probabilities (classes), as <see cref="CropEvaluator"/> votes them.</param>
public sealed record TrackEmbedding(float[] Embedding, float[] Probabilities);

/// <summary>
/// Song embeddings from a trained CNN: the same sliding crops as <see cref="CropEvaluator"/>, in eval mode without
/// gradients; per crop the penultimate layer (<see cref="MelCnn.Embed"/>) and the softmax of the head, averaged per track.
/// </summary>
public static class CropEmbedder
{
    /// <summary>Embeds every track of <paramref name="data"/>.</summary>
    public static IReadOnlyList<TrackEmbedding> Embed(MelCnn model, MelCropDataset data, int hop, int batchSize = 64)
    {
        int classes = model.Architecture.Classes, width = model.EmbeddingSize;
        var emb = new double[data.Count][];
        var prob = new double[data.Count][];
        var counts = new int[data.Count];
        for (int t = 0; t < data.Count; t++) { emb[t] = new double[width]; prob[t] = new double[classes]; }
        CropBatches.ForEachEval(model, data, batchSize, hop, (b, x) =>
        {
            var e = model.Embed(x);
            var p = nn.functional.softmax(model.Classify(e), 1).cpu().data<float>().ToArray();
            var ev = e.cpu().data<float>().ToArray();
            for (int i = 0; i < b.N; i++)
            {
                int t = b.Track[i];
                counts[t]++;
                for (int j = 0; j < width; j++) emb[t][j] += ev[i * width + j];
                for (int c = 0; c < classes; c++) prob[t][c] += p[i * classes + c];
            }
        });
        return Enumerable.Range(0, data.Count).Select(t => new TrackEmbedding(
            emb[t].Select(v => (float)(v / counts[t])).ToArray(), prob[t].Select(v => (float)(v / counts[t])).ToArray())).ToList();
    }
}
