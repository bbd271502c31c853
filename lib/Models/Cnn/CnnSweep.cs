using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace AudioAlchemy.Models.Cnn;

/// <summary>
/// Runs a CNN hyper-parameter sweep on one split: for each config, train with early stopping on the validation
/// tracks, measure track-level accuracy and macro-F1 on validation and test, save the model and its learning curve.
/// Writes into the output folder: <c>results.csv</c> (one row per config, rewritten atomically after each),
/// <c>split.csv</c>, <c>models/&lt;key&gt;/</c> (model.bin, model.json, history.csv) and, per image mode, the best
/// model's test confusion matrix <c>best-&lt;mode&gt;-confusion.csv</c> and per-track class probabilities
/// <c>best-&lt;mode&gt;-test-probabilities.csv</c> (track, label, one column per class; for ROC curves). A rerun with the same output folder skips
/// configs already in results.csv whose model folder exists (resume after an interruption).
/// </summary>
public sealed class CnnSweep(CnnSweepOptions options)
{
    /// <summary>Runs the sweep on <paramref name="source"/>; <paramref name="log"/> receives one line per config.</summary>
    public CnnSweepResult Run(IMelSource source, string outDir, Action<string>? log = null)
    {
        var o = options;
        var tracks = source.LoadTracks();
        var classes = tracks.Select(t => t.Label).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (classes.Length < 2) throw new AlchemyException($"CNN sweep: need at least 2 labels, got {classes.Length}");
        var split = TrackSplitter.Split(tracks, o.ValidationFraction, o.TestFraction, o.SplitSeed, o.SplitByGroup);
        if (split.Validation.Length == 0 || split.Test.Length == 0)
            throw new AlchemyException($"CNN sweep: too few tracks per label for a validation and a test part ({tracks.Count} tracks, {classes.Length} labels)");
        Directory.CreateDirectory(outDir);
        WriteSplit(Path.Combine(outDir, "split.csv"), tracks, split);

        string csv = Path.Combine(outDir, "results.csv");
        var done = ReadExisting(csv, outDir);
        var rows = new List<CnnSweepRow>();
        var data = new Dictionary<MelImageMode, (MelCropDataset Train, MelCropDataset Val, MelCropDataset Test)>();
        (MelCropDataset, MelCropDataset, MelCropDataset) Data(MelImageMode mode)
        {
            if (!data.TryGetValue(mode, out var d))
            {
                var image = new MelImageOptions(mode, o.Scaling, ActiveCropDb: o.ActiveCropDb).Validate();
                MelCropDataset Part(int[] idx) => new(idx.Select(i => tracks[i]).ToList(), classes, image, o.CropFrames);
                data[mode] = d = (Part(split.Train), Part(split.Validation), Part(split.Test));
            }
            return d;
        }

        foreach (var config in o.Grid.Select(o.Budget))
        {
            if (done.TryGetValue(config.Key, out var previous))
            {
                rows.Add(previous);
                log?.Invoke($"{config.Key}: already done (val {previous.ValAccuracy:0.000}, test {previous.TestAccuracy:0.000})");
                continue;
            }
            var (train, val, test) = Data(config.Image);
            var training = o.Training with { Epochs = config.Epochs, Patience = config.Patience, LearningRate = config.LearningRate };
            var arch = new CnnArchitecture(train.Channels, classes.Length, config.ConvLayers, o.BaseChannels, config.Dropout);
            var result = new CnnTrainer(training).Fit(arch, train, val, e => log?.Invoke(string.Create(CultureInfo.InvariantCulture,
                $"  {config.Key} epoch {e.Epoch}: train loss {e.TrainLoss:0.000} acc {e.TrainAccuracy:0.000}, val loss {e.ValLoss:0.000} acc {e.ValAccuracy:0.000}, {e.Seconds:0.0} s ({e.CpuSeconds:0.0} CPU s)")));
            using var clf = CnnClassifier.FromTraining(result, train, source.Params, training, o.Task);
            int hop = training.HopFor(o.CropFrames);
            var vp = CropEvaluator.Evaluate(result.Model, val, hop).Predicted;
            var tp = CropEvaluator.Evaluate(result.Model, test, hop).Predicted;
            string modelDir = Path.Combine("models", config.Key);
            clf.Save(Path.Combine(outDir, modelDir));
            WriteHistory(Path.Combine(outDir, modelDir, "history.csv"), result.History);
            var row = new CnnSweepRow(config, result.History.Count, result.BestEpoch,
                CnnMetrics.Accuracy(val.Labels, vp), CnnMetrics.MacroF1(val.Labels, vp),
                CnnMetrics.Accuracy(test.Labels, tp), CnnMetrics.MacroF1(test.Labels, tp),
                result.Seconds, result.History.Average(h => h.Seconds), modelDir);
            rows.Add(row);
            WriteAtomic(csv, CnnSweepRow.CsvHeader + "\n" + string.Concat(done.Values.Where(r => !rows.Contains(r)).Concat(rows).Select(r => r.ToCsv() + "\n")));
            log?.Invoke($"{config.Key}: {row.EpochsRun} epochs (best {row.BestEpoch}), val acc {row.ValAccuracy:0.000}, test acc {row.TestAccuracy:0.000} / F1 {row.TestMacroF1:0.000}, {row.SecondsPerEpoch:0.0} s/epoch");
        }

        var best = rows.GroupBy(r => r.Config.Image).ToDictionary(g => g.Key, g => Best(g));
        double inference = double.NaN;
        foreach (var (mode, row) in best)
        {
            using var clf = CnnClassifier.Load(Path.Combine(outDir, row.ModelDir));
            var (_, _, test) = Data(mode);
            var testTracks = split.Test.Select(i => tracks[i]).ToList();
            var sw = Stopwatch.StartNew();
            var probs = testTracks.Select(t => clf.PredictProba(t.MelDb)).ToArray();
            double seconds = sw.Elapsed.TotalSeconds;
            double clipSeconds = testTracks.Sum(t => source.Params.Seconds(t.Frames));
            if (double.IsNaN(inference)) inference = seconds / clipSeconds * 30.0;
            var predicted = new TrackPredictions(probs, double.NaN, 0).Predicted;
            string m = mode.ToString().ToLowerInvariant();
            WriteProbabilities(Path.Combine(outDir, $"best-{m}-test-probabilities.csv"), classes, testTracks, probs);
            WriteConfusion(Path.Combine(outDir, $"best-{m}-confusion.csv"), classes, CnnMetrics.Confusion(test.Labels, predicted, classes.Length));
        }
        return new CnnSweepResult(rows, best, csv, inference, (split.Train.Length, split.Validation.Length, split.Test.Length), source.Skipped);
    }

    /// <summary>
    /// The configuration a sweep reports: highest validation accuracy, then validation macro-F1, then fewer epochs run,
    /// then the config key (ordinal). Only deterministic quantities decide, so reruns pick the same model (wall time, which
    /// varies between runs, never does).
    /// </summary>
    public static CnnSweepRow Best(IEnumerable<CnnSweepRow> rows) =>
        rows.OrderByDescending(r => r.ValAccuracy).ThenByDescending(r => r.ValMacroF1).ThenBy(r => r.EpochsRun)
            .ThenBy(r => r.Config.Key, StringComparer.Ordinal).FirstOrDefault() ?? throw new AlchemyException("CNN sweep: no configurations to choose from");

    private static Dictionary<string, CnnSweepRow> ReadExisting(string csv, string outDir)
    {
        var done = new Dictionary<string, CnnSweepRow>();
        if (!File.Exists(csv)) return done;
        var lines = File.ReadAllLines(csv);
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            var row = CnnSweepRow.Parse(lines[i], $"{csv} line {i + 1}");
            if (File.Exists(Path.Combine(outDir, row.ModelDir, CnnClassifier.MetadataFile))) done[row.Config.Key] = row;
        }
        return done;
    }

    private static void WriteSplit(string path, IReadOnlyList<MelTrack> tracks, TrackSplit split)
    {
        var sb = new StringBuilder("track,label,group,part\n");
        foreach (var (name, idx) in new[] { ("train", split.Train), ("validation", split.Validation), ("test", split.Test) })
            foreach (int i in idx) sb.Append($"{tracks[i].TrackId},{tracks[i].Label},{tracks[i].SplitGroup},{name}\n");
        WriteAtomic(path, sb.ToString());
    }

    private static void WriteHistory(string path, IReadOnlyList<EpochStats> history)
    {
        var sb = new StringBuilder("epoch,train_loss,train_accuracy,val_loss,val_accuracy,learning_rate,seconds,cpu_seconds\n");
        foreach (var h in history)
            sb.Append(string.Join(',', new double[] { h.Epoch, h.TrainLoss, h.TrainAccuracy, h.ValLoss, h.ValAccuracy, h.LearningRate, h.Seconds, h.CpuSeconds }
                .Select(v => v.ToString("R", CultureInfo.InvariantCulture)))).Append('\n');
        WriteAtomic(path, sb.ToString());
    }

    private static void WriteProbabilities(string path, string[] classes, IReadOnlyList<MelTrack> tracks, float[][] probs)
    {
        var sb = new StringBuilder("track,label," + string.Join(',', classes) + "\n");
        for (int i = 0; i < tracks.Count; i++)
            sb.Append(tracks[i].TrackId).Append(',').Append(tracks[i].Label).Append(',')
              .Append(string.Join(',', probs[i].Select(v => v.ToString("R", CultureInfo.InvariantCulture)))).Append('\n');
        WriteAtomic(path, sb.ToString());
    }

    private static void WriteConfusion(string path, string[] classes, int[,] m)
    {
        var sb = new StringBuilder("true\\predicted," + string.Join(',', classes) + "\n");
        for (int i = 0; i < classes.Length; i++)
            sb.Append(classes[i]).Append(',').Append(string.Join(',', Enumerable.Range(0, classes.Length).Select(j => m[i, j]))).Append('\n');
        WriteAtomic(path, sb.ToString());
    }

    private static void WriteAtomic(string path, string text) => AtomicFile.WriteAllText(path, text);
}
