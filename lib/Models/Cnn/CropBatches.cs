namespace AudioAlchemy.Models.Cnn;

/// <summary>A batch of crop images (N, C, n_mels, crop) flattened, with labels and source tracks.</summary>
/// <param name="X">Images, N·C·n_mels·crop values.</param>
/// <param name="Y">Label index per crop.</param>
/// <param name="Track">Track index per crop.</param>
internal sealed record CropBatch(float[] X, long[] Y, int[] Track)
{
    public int N => Y.Length;
}

/// <summary>Builds training batches (seeded random crops, masks) and evaluation batches (sliding crops).</summary>
internal static class CropBatches
{
    /// <summary>One epoch: <paramref name="cropsPerTrack"/> crops per track, shuffled, SpecAugment applied, coloured.</summary>
    public static IEnumerable<CropBatch> Train(MelCropDataset d, int batchSize, int cropsPerTrack, int hop, AugmentOptions aug, Random rng)
    {
        var items = new List<(int Track, int Offset)>(d.Count * cropsPerTrack);
        for (int t = 0; t < d.Count; t++)
        {
            int[]? sliding = aug.RandomCrops ? null : d.SlidingOffsets(t, hop);
            for (int c = 0; c < cropsPerTrack; c++)
                items.Add((t, sliding is null ? d.RandomOffset(t, rng) : sliding[(int)((long)c * sliding.Length / cropsPerTrack)]));
        }
        var order = items.ToArray();
        rng.Shuffle(order);
        bool masks = aug.FreqMasks > 0 || aug.TimeMasks > 0;
        for (int start = 0; start < order.Length; start += batchSize)
        {
            var chunk = order.AsSpan(start, Math.Min(batchSize, order.Length - start)).ToArray();
            yield return Build(d, chunk, masks ? (v => SpecAugment.Apply(v, d.NMels, d.CropFrames, aug, rng)) : null);
        }
    }

    /// <summary>Every track's sliding crops (hop <paramref name="hop"/>), in track order, <paramref name="batchSize"/> per batch.</summary>
    public static IEnumerable<CropBatch> Eval(MelCropDataset d, int batchSize, int hop)
    {
        var chunk = new List<(int, int)>(batchSize);
        for (int t = 0; t < d.Count; t++)
            foreach (int o in d.SlidingOffsets(t, hop))
            {
                chunk.Add((t, o));
                if (chunk.Count == batchSize) { yield return Build(d, chunk.ToArray(), null); chunk.Clear(); }
            }
        if (chunk.Count > 0) yield return Build(d, chunk.ToArray(), null);
    }

    private delegate void Augmenter(Span<float> v);

    private static CropBatch Build(MelCropDataset d, (int Track, int Offset)[] items, Augmenter? augment)
    {
        int plane = d.NMels * d.CropFrames, size = d.ImageSize;
        var x = new float[items.Length * size];
        var y = new long[items.Length];
        var tracks = new int[items.Length];
        var v = new float[plane];
        for (int i = 0; i < items.Length; i++)
        {
            var (t, o) = items[i];
            d.CopyCrop(t, o, v);
            augment?.Invoke(v);
            MelTensor.Colorize(v, x.AsSpan(i * size, size), d.Image.Mode);
            y[i] = d.Labels[t];
            tracks[i] = t;
        }
        return new CropBatch(x, y, tracks);
    }

    /// <summary>
    /// The one evaluation loop: <paramref name="model"/> in eval mode without gradients over every sliding crop of
    /// <paramref name="d"/> (<see cref="Eval"/>), one dispose scope per batch; <paramref name="body"/> gets the batch and its
    /// input tensor (batch, channels, n_mels, crop) on <see cref="TorchRuntime.Device"/>. The training mode is restored.
    /// </summary>
    public static void ForEachEval(MelCnn model, MelCropDataset d, int batchSize, int hop, Action<CropBatch, TorchSharp.torch.Tensor> body)
    {
        var device = TorchRuntime.Device;
        bool wasTraining = model.training;
        model.eval();
        try
        {
            using var noGrad = TorchSharp.torch.no_grad();
            foreach (var b in Eval(d, batchSize, hop))
            {
                using var scope = TorchSharp.torch.NewDisposeScope();
                body(b, TensorCopy.Float(b.X, b.N, d.Channels, d.NMels, d.CropFrames).to(device));
            }
        }
        finally
        {
            if (wasTraining) model.train();
        }
    }
}
