using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AudioAlchemy.Models.Cnn;
using TorchSharp;
using static TorchSharp.torch;

namespace AudioAlchemy.Models.MaskNet;

/// <summary>
/// Trains a mask network on songs with true stems: random augmented crops (<see cref="MixBatches"/>), STFT in torch,
/// loss = 10·log10(‖m·X − V‖² / ‖V‖²) per crop (the complex error of the mixture-phase reconstruction, so it is the
/// accompaniment's error too; a floor of 10⁻³·‖X‖² keeps vocal-free crops bounded), Adam with a cosine learning rate and
/// gradient clipping, one <c>NewDisposeScope</c> per batch. After each epoch the validation songs are separated with the
/// real chunked inference and scored (median museval-v4 SDR); early stopping keeps the best epoch. With a checkpoint
/// folder every epoch is saved there (weights, optimizer, history), and a rerun resumes after the last finished epoch.
/// Seeded: epoch e draws crops from Random(seed·1000003 + e) and seeds torch with seed + e.
/// </summary>
public sealed class MaskNetTrainer(MaskNetTrainOptions options)
{
    private readonly MaskNetTrainOptions _o = options.Validate();

    /// <summary>The training options.</summary>
    public MaskNetTrainOptions Options => _o;

    /// <summary>
    /// Trains a network of <paramref name="architecture"/> on <paramref name="data"/> (validation part for early stopping;
    /// without it every epoch runs and the last is kept). <paramref name="checkpoint"/>: folder for resumable state (null =
    /// none). <paramref name="onEpoch"/> sees each finished epoch, <paramref name="onBatch"/> each batch (done, total),
    /// <paramref name="onBest"/> the model right after an epoch that improved the validation score (e.g. to save it, so the
    /// best model so far is usable while training goes on; the network must not be disposed or changed by the callback).
    /// <paramref name="init"/>: warm start from this model's weights and input normaliser (its architecture and STFT must be
    /// <paramref name="architecture"/> and <paramref name="stft"/>); the optimizer and the learning-rate schedule start afresh.
    /// </summary>
    /// <exception cref="AlchemyException">Bins that do not match the STFT, or an <paramref name="init"/> of another shape.</exception>
    public MaskNetTrainResult Fit(MaskNetArchitecture architecture, MaskNetStft stft, StemSet data, string manifestPath, string? checkpoint = null,
        Action<MaskNetEpoch>? onEpoch = null, Action<int, int>? onBatch = null, Action<MaskNetModel>? onBest = null, MaskNetModel? init = null)
    {
        architecture.Validate();
        stft.Validate();
        if (architecture.Bins != stft.Bins) throw new AlchemyException($"separator training: network has {architecture.Bins} bins, n_fft {stft.NFft} gives {stft.Bins}");
        TorchRuntime.SetThreads(_o.Threads);
        TorchRuntime.Seed(_o.Seed);
        var device = TorchRuntime.Device;
        var total = Stopwatch.StartNew();
        var net = architecture.Build();
        net.to(device);
        int samples = (int)Math.Round(_o.CropSeconds * stft.SampleRate);
        using var window = torch.hann_window(stft.NFft, periodic: true).to(device);
        string? initFrom = null;
        if (init is null) SetNormalizer(net, data.Train, stft, samples, window, device);
        else
        {
            if (init.Metadata.Architecture != architecture || init.Metadata.Stft != stft)
                throw new AlchemyException($"separator training: --init model is {init.Metadata.Architecture.Describe()}, n_fft {init.Metadata.Stft.NFft}, hop {init.Metadata.Stft.HopLength}, " +
                    $"{init.Metadata.Stft.SampleRate} Hz; this run asks for {architecture.Describe()}, n_fft {stft.NFft}, hop {stft.HopLength}, {stft.SampleRate} Hz");
            using (torch.no_grad()) net.load_state_dict(init.Network.state_dict());
            initFrom = $"weights {init.WeightsSha256 ?? "(unsaved)"} best epoch {init.Metadata.BestEpoch} of {init.Metadata.History.Length}, manifest {init.Metadata.ManifestSha256}";
        }
        using var optimizer = torch.optim.Adam(net.parameters(), lr: _o.LearningRate);
        var history = new List<MaskNetEpoch>();
        int bestEpoch = 0, sinceBest = 0, start = 1;
        double bestSdr = double.NegativeInfinity;
        bool stoppedEarly = false;
        MaskNetMetadata Meta() => new(1, architecture, stft, _o, data.ManifestSha256, manifestPath, data.Train.Count, data.Validation.Count,
            bestEpoch, history.ToArray(), DateTime.UtcNow.ToString("o", CultureInfo.InvariantCulture), initFrom);
        if (checkpoint is not null && TryResume(checkpoint, net, optimizer, out var state))
        {
            history.AddRange(state.History);
            (bestEpoch, bestSdr, sinceBest, start) = (state.BestEpoch, state.BestSdr, state.SinceBest, state.History.Length + 1);
            stoppedEarly = state.Stopped;
        }
        for (int epoch = start; epoch <= _o.Epochs && !stoppedEarly; epoch++)
        {
            var sw = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            double lr = _o.RateAt(epoch);
            foreach (var g in optimizer.ParamGroups) g.LearningRate = lr;
            TorchRuntime.Seed(_o.Seed + epoch);
            var rng = new Random(unchecked(_o.Seed * 1000003 + epoch));
            double loss = TrainEpoch(net, optimizer, data.Train, stft, samples, window, device, rng, onBatch, architecture.FrameMultiple);
            double vv = double.NaN, va = double.NaN;
            if (data.Validation.Count > 0)
            {
                net.eval();
                using var sep = new LearnedSeparator(new MaskNetModel(net, Meta()), ownsModel: false);
                (vv, va) = StemValidation.MedianSdr(sep, data.Validation, stft.SampleRate, _o.ValidationSeconds);
            }
            var stats = new MaskNetEpoch(epoch, loss, vv, va, lr, sw.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
            history.Add(stats);
            bool improved = data.Validation.Count == 0 || vv > bestSdr;
            if (improved)
            {
                bestSdr = data.Validation.Count == 0 ? double.NaN : vv;
                bestEpoch = epoch;
                sinceBest = 0;
                if (checkpoint is not null) SaveWeights(net, Path.Combine(checkpoint, "best.bin"));
                else Remember(net);
                if (onBest is not null)
                {
                    net.eval();
                    onBest(new MaskNetModel(net, Meta()));
                }
            }
            else if (++sinceBest >= _o.Patience) stoppedEarly = epoch < _o.Epochs;
            if (checkpoint is not null) SaveCheckpoint(checkpoint, net, optimizer, new TrainState(history.ToArray(), bestEpoch, bestSdr, sinceBest, stoppedEarly));
            onEpoch?.Invoke(stats);
        }
        RestoreBest(net, checkpoint);
        net.eval();
        return new MaskNetTrainResult(new MaskNetModel(net, Meta()), history, bestEpoch, stoppedEarly, total.Elapsed.TotalSeconds);
    }

    private double TrainEpoch(nn.Module<Tensor, Tensor> net, optim.Optimizer optimizer, IReadOnlyList<StemSong> songs, MaskNetStft stft, int samples,
        Tensor window, Device device, Random rng, Action<int, int>? onBatch, int multipleOf)
    {
        net.train();
        double sum = 0;
        int n = 0, batches = (_o.CropsPerEpoch + _o.BatchSize - 1) / _o.BatchSize, done = 0, multiple = multipleOf;
        foreach (var b in MixBatches.Draw(songs, _o.CropsPerEpoch, _o.BatchSize, samples, stft.Bins, _o.Augmentation, rng))
        {
            using var scope = torch.NewDisposeScope();
            var (V, A) = Spectra(b, stft, window, device);
            long keep = V.shape[2] / multiple * multiple;                        // the U-Net needs frames divisible by 2^depth
            if (keep != V.shape[2]) (V, A) = (V.narrow(2, 0, keep), A.narrow(2, 0, keep));
            var X = V + A;                                                       // (n, bins, frames, 2)
            var mag = X.pow(2).sum(-1).sqrt();
            optimizer.zero_grad();
            var mask = net.forward(mag).unsqueeze(-1);
            var err = (mask * X - V).pow(2).sum([1, 2, 3]);
            var floor = X.pow(2).sum([1, 2, 3]) * 1e-3 + 1e-8;
            var loss = ((err + floor) / (V.pow(2).sum([1, 2, 3]) + floor)).log10().mul(10).mean();
            loss.backward();
            nn.utils.clip_grad_norm_(net.parameters(), _o.MaxGradNorm);
            optimizer.step();
            sum += loss.cpu().item<float>() * b.N;
            n += b.N;
            onBatch?.Invoke(++done, batches);
        }
        return sum / Math.Max(1, n);
    }

    /// <summary>STFTs (n, bins, frames, 2) of the batch's vocal and accompaniment crops, EQ applied.</summary>
    private static (Tensor V, Tensor A) Spectra(MixBatch b, MaskNetStft stft, Tensor window, Device device)
    {
        Tensor Spec(float[] wave, float[] eq)
        {
            var x = TensorCopy.Float(wave, b.N, b.Samples).to(device);
            var s = torch.view_as_real(torch.stft(x, stft.NFft, stft.HopLength, window: window, center: true, pad_mode: PaddingModes.Constant, return_complex: true));
            return s * TensorCopy.Float(eq, b.N, stft.Bins, 1, 1).to(device);
        }
        return (Spec(b.Vocals, b.VocalsEq), Spec(b.Accompaniment, b.AccompanimentEq));
    }

    /// <summary>Sets the input normaliser to the per-bin mean and std of log(|X| + floor) over 8 batches of un-augmented training mixtures.</summary>
    private void SetNormalizer(nn.Module<Tensor, Tensor> net, IReadOnlyList<StemSong> songs, MaskNetStft stft, int samples, Tensor window, Device device)
    {
        var normalizer = net is BlstmMaskNet bl ? bl.Normalizer : ((UNetMaskNet)net).Normalizer;
        using var scope = torch.NewDisposeScope();
        using var _ = torch.no_grad();
        var logs = new List<Tensor>();
        foreach (var b in MixBatches.Draw(songs, 8 * _o.BatchSize, _o.BatchSize, samples, stft.Bins, MixAugmentOptions.None, new Random(_o.Seed)))
        {
            var (V, A) = Spectra(b, stft, window, device);
            logs.Add((V + A).pow(2).sum(-1).sqrt().add(SpectrumNormalizer.Floor).log().permute(1, 0, 2).reshape(stft.Bins, -1));
        }
        var all = torch.cat(logs, 1);
        normalizer.SetStatistics(all.mean([1]), all.std(1));
    }

    private Dictionary<string, Tensor>? best;

    private void Remember(nn.Module<Tensor, Tensor> net)
    {
        if (best is not null) foreach (var t in best.Values) t.Dispose();
        best = net.state_dict().ToDictionary(kv => kv.Key, kv => { using var d = kv.Value.detach(); return d.clone(); });
    }

    private void RestoreBest(nn.Module<Tensor, Tensor> net, string? checkpoint)
    {
        if (checkpoint is not null)
        {
            string f = Path.Combine(checkpoint, "best.bin");
            if (File.Exists(f)) net.load(f);
            return;
        }
        if (best is null) return;
        net.load_state_dict(best);
        foreach (var t in best.Values) t.Dispose();
        best = null;
    }

    /// <summary>Resumable state written beside the checkpoint weights.</summary>
    private sealed record TrainState(MaskNetEpoch[] History, int BestEpoch, double BestSdr, int SinceBest, bool Stopped);

    private static void SaveWeights(nn.Module<Tensor, Tensor> net, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.Write(path, tmp => net.save(tmp));
    }

    private static void SaveCheckpoint(string dir, nn.Module<Tensor, Tensor> net, TorchSharp.Modules.OptimizerHelper optimizer, TrainState state)
    {
        SaveWeights(net, Path.Combine(dir, "last.bin"));
        AtomicFile.Write(Path.Combine(dir, "optimizer.bin"), tmp => optimizer.save_state_dict(tmp));
        AtomicFile.WriteAllText(Path.Combine(dir, "state.json"), JsonSerializer.Serialize(state, MaskNetMetadata.Json));
    }

    private static bool TryResume(string dir, nn.Module<Tensor, Tensor> net, TorchSharp.Modules.OptimizerHelper optimizer, out TrainState state)
    {
        state = null!;
        string s = Path.Combine(dir, "state.json"), w = Path.Combine(dir, "last.bin"), o = Path.Combine(dir, "optimizer.bin");
        if (!File.Exists(s) || !File.Exists(w) || !File.Exists(o)) return false;
        try
        {
            state = JsonSerializer.Deserialize<TrainState>(File.ReadAllText(s), MaskNetMetadata.Json) ?? throw new JsonException("empty");
            net.load(w);
            optimizer.load_state_dict(o);
            return true;
        }
        catch (Exception e) when (e is not AlchemyException)
        {
            throw new AlchemyException($"{dir}: cannot resume from the checkpoint ({e.Message}); delete the folder to start again", e);
        }
    }
}
