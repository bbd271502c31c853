using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace AudioAlchemy.Models.Cnn;

/// <summary>
/// Trains a <see cref="MelCnn"/>: AdamW, a per-epoch learning-rate schedule, one <c>NewDisposeScope</c> per batch,
/// per-epoch train/validation loss and accuracy, early stopping with patience and restore of the best weights.
/// Seeded: torch's generator (initial weights, dropout) and our own generator (crop offsets, shuffling, masks,
/// mixup) both start from <see cref="CnnTrainOptions.Seed"/>.
/// </summary>
public sealed class CnnTrainer(CnnTrainOptions options)
{
    private readonly CnnTrainOptions _o = options.Validate();

    /// <summary>The training options.</summary>
    public CnnTrainOptions Options => _o;

    /// <summary>
    /// Builds a network of <paramref name="architecture"/> and trains it on <paramref name="train"/>, validating on
    /// <paramref name="validation"/> each epoch (no early stopping when null). <paramref name="onEpoch"/> sees each epoch.
    /// </summary>
    public CnnTrainResult Fit(CnnArchitecture architecture, MelCropDataset train, MelCropDataset? validation, Action<EpochStats>? onEpoch = null)
    {
        architecture.Validate();
        if (architecture.InChannels != train.Channels) throw new AlchemyException($"CNN: architecture has {architecture.InChannels} input channels, the data {train.Channels}");
        if (architecture.Classes != train.Classes.Count) throw new AlchemyException($"CNN: architecture has {architecture.Classes} classes, the data {train.Classes.Count}");
        int minSize = architecture.MinInputSize;
        if (train.NMels < minSize || train.CropFrames < minSize)
            throw new AlchemyException($"CNN: {architecture.ConvBlocks} blocks need crops of at least {minSize}×{minSize}, got {train.NMels}×{train.CropFrames}");
        if (validation is not null && (validation.NMels != train.NMels || validation.CropFrames != train.CropFrames || validation.Channels != train.Channels))
            throw new AlchemyException("CNN: validation data differ from the training data in n_mels, crop length or channels");

        TorchRuntime.SetThreads(_o.Threads);
        TorchRuntime.Seed(_o.Seed);
        var rng = new Random(_o.Seed);
        var device = TorchRuntime.Device;
        var model = new MelCnn(architecture);
        model.to(device);
        using var optimizer = torch.optim.AdamW(model.parameters(), lr: _o.LearningRate, weight_decay: _o.WeightDecay);
        var scheduler = _o.Schedule switch
        {
            LrSchedule.Cosine => torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, _o.Epochs),
            LrSchedule.Step => torch.optim.lr_scheduler.StepLR(optimizer, _o.StepSize, _o.StepGamma),
            _ => null,
        };
        var aug = _o.Augmentation;
        int hop = _o.HopFor(train.CropFrames);
        var history = new List<EpochStats>();
        var total = Stopwatch.StartNew();
        Dictionary<string, Tensor>? best = null;
        int bestEpoch = 0, sinceBest = 0;
        double bestLoss = double.PositiveInfinity, bestAcc = double.NegativeInfinity;
        bool stoppedEarly = false;
        try
        {
            for (int epoch = 1; epoch <= _o.Epochs; epoch++)
            {
                var sw = Stopwatch.StartNew();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                double lr = optimizer.ParamGroups.First().LearningRate;
                var (trainLoss, trainAcc) = TrainEpoch(model, optimizer, train, hop, aug, rng, device);
                scheduler?.step();
                double valLoss = double.NaN, valAcc = double.NaN;
                if (validation is not null)
                {
                    var pred = CropEvaluator.Evaluate(model, validation, hop, _o.BatchSize * 2);
                    valLoss = pred.CropLoss;
                    valAcc = CnnMetrics.Accuracy(validation.Labels, pred.Predicted);
                }
                var stats = new EpochStats(epoch, trainLoss, trainAcc, valLoss, valAcc, lr, sw.Elapsed.TotalSeconds,
                    (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
                history.Add(stats);
                onEpoch?.Invoke(stats);
                if (validation is null) { bestEpoch = epoch; continue; }
                bool improved = _o.Monitor == EarlyStopMetric.ValLoss
                    ? valLoss < bestLoss
                    : valAcc > bestAcc || (valAcc == bestAcc && valLoss < bestLoss);
                if (improved)
                {
                    bestLoss = valLoss; bestAcc = valAcc; bestEpoch = epoch; sinceBest = 0;
                    Dispose(best);
                    best = Snapshot(model);
                }
                else if (++sinceBest >= _o.Patience)
                {
                    stoppedEarly = epoch < _o.Epochs;
                    break;
                }
            }
            if (best is not null) model.load_state_dict(best);
        }
        catch
        {
            model.Dispose();
            throw;
        }
        finally
        {
            Dispose(best);
            (scheduler as IDisposable)?.Dispose();
        }
        model.eval();
        return new CnnTrainResult(model, history, bestEpoch, stoppedEarly, total.Elapsed.TotalSeconds);
    }

    private (double Loss, double Accuracy) TrainEpoch(MelCnn model, optim.Optimizer optimizer, MelCropDataset train, int hop, AugmentOptions aug, Random rng, Device device)
    {
        model.train();
        double lossSum = 0;
        long correct = 0, n = 0;
        foreach (var b in CropBatches.Train(train, _o.BatchSize, _o.CropsPerTrack, hop, aug, rng))
        {
            using var scope = torch.NewDisposeScope();
            var x = TensorCopy.Float(b.X, b.N, train.Channels, train.NMels, train.CropFrames).to(device);
            var y = TensorCopy.Long(b.Y).to(device);
            optimizer.zero_grad();
            Tensor logits, loss;
            if (aug.MixupAlpha > 0 && b.N > 1)
            {
                double lambda = SpecAugment.MixupLambda(aug.MixupAlpha, rng);
                var perm = Enumerable.Range(0, b.N).Select(i => (long)i).ToArray();
                rng.Shuffle(perm);
                var p = TensorCopy.Long(perm).to(device);
                logits = model.forward(x * lambda + x.index_select(0, p) * (1 - lambda));
                loss = nn.functional.cross_entropy(logits, y) * lambda + nn.functional.cross_entropy(logits, y.index_select(0, p)) * (1 - lambda);
            }
            else
            {
                logits = model.forward(x);
                loss = nn.functional.cross_entropy(logits, y);
            }
            loss.backward();
            optimizer.step();
            lossSum += loss.cpu().item<float>() * b.N;
            correct += logits.argmax(1).eq(y).sum().cpu().item<long>();
            n += b.N;
        }
        return (lossSum / n, (double)correct / n);
    }

    private static Dictionary<string, Tensor> Snapshot(MelCnn model)
    {
        var copy = new Dictionary<string, Tensor>();
        foreach (var (name, t) in model.state_dict())
        {
            using var detached = t.detach();
            copy[name] = detached.clone();
        }
        return copy;
    }

    private static void Dispose(Dictionary<string, Tensor>? tensors)
    {
        if (tensors is null) return;
        foreach (var t in tensors.Values) t.Dispose();
        tensors.Clear();
    }
}
