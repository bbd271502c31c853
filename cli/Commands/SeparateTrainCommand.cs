using System.CommandLine;
using System.Diagnostics;
using AudioAlchemy.Audio;
using AudioAlchemy.Reporting;
using AudioAlchemy.Models.MaskNet;
using Spectre.Console;

namespace AudioAlchemy.Cli.Commands;

/// <summary><c>alchemy separate train MANIFEST --out DIR</c>: trains the learned separator's mask network on true stems.</summary>
internal static class SeparateTrainCommand
{
    private static readonly MaskNetTrainOptions T = new();
    private static readonly MixAugmentOptions Aug = new();

    public static Command Create()
    {
        var manifest = new Argument<string>("manifest") { Description = "Training corpus manifest with vocals_path and accompaniment_path (never the evaluation corpus)" };
        var outDir = new Option<string>("--out") { Description = "Model folder to write (model.bin + model.json)", DefaultValueFactory = _ => Path.Combine("data", "models", "separator") };
        var checkpoint = new Option<string?>("--checkpoint") { Description = "Folder for resumable per-epoch state (default: <out>.checkpoint; a rerun resumes there)" };
        var arch = new Option<MaskNetKind>("--arch") { Description = "Blstm (Open-Unmix-style) or UNet", DefaultValueFactory = _ => MaskNetKind.Blstm };
        var hidden = new Option<int>("--hidden") { Description = "BLSTM width", DefaultValueFactory = _ => 128 };
        var layers = new Option<int>("--layers") { Description = "BLSTM layers", DefaultValueFactory = _ => 3 };
        var channels = new Option<int>("--channels") { Description = "U-Net channels of the first level", DefaultValueFactory = _ => 12 };
        var depth = new Option<int>("--depth") { Description = "U-Net levels", DefaultValueFactory = _ => 4 };
        var nFft = new Option<int>("--n-fft") { Description = "STFT size", DefaultValueFactory = _ => 1024 };
        var hop = new Option<int>("--hop-length") { Description = "STFT hop", DefaultValueFactory = _ => 256 };
        var sr = new Option<int>("--sr") { Description = "Sample rate to train at", DefaultValueFactory = _ => AudioFile.DefaultSampleRate };
        var epochs = new Option<int>("--epochs") { Description = "Maximum epochs", DefaultValueFactory = _ => T.Epochs };
        var crops = new Option<int>("--crops-per-epoch") { Description = "Random crops per epoch", DefaultValueFactory = _ => T.CropsPerEpoch };
        var batch = new Option<int>("--batch-size") { Description = "Crops per batch", DefaultValueFactory = _ => T.BatchSize };
        var cropSec = new Option<double>("--crop-seconds") { Description = "Crop length", DefaultValueFactory = _ => T.CropSeconds };
        var lr = new Option<double>("--lr") { Description = "Adam learning rate (cosine to 10 %)", DefaultValueFactory = _ => T.LearningRate };
        var patience = new Option<int>("--patience") { Description = "Epochs without better validation vocals SDR before stopping", DefaultValueFactory = _ => T.Patience };
        var valFraction = new Option<double>("--val-fraction") { Description = "Songs held out for validation", DefaultValueFactory = _ => 0.1 };
        var valSeconds = new Option<double>("--val-seconds") { Description = "Seconds of each validation song scored per epoch", DefaultValueFactory = _ => T.ValidationSeconds };
        var gain = new Option<double>("--gain-db") { Description = "Random gain per stem, ± dB", DefaultValueFactory = _ => Aug.GainDb };
        var remix = new Option<double>("--remix") { Description = "Probability of another song's accompaniment", DefaultValueFactory = _ => Aug.RemixProbability };
        var eq = new Option<double>("--eq-db") { Description = "Random smooth EQ per stem, ± dB", DefaultValueFactory = _ => Aug.EqDb };
        var seed = new Option<int>("--seed") { Description = "Seed (split, weights, crops, augmentation)", DefaultValueFactory = _ => 0 };
        var threads = new Option<int?>("--jobs") { Description = "Torch threads (default: all cores)" };
        var limit = new Option<int?>("--limit") { Description = "Only the first N manifest rows" };
        var init = new Option<string?>("--init") { Description = "Warm start: a model folder written by `separate train`, or 'shipped' (the library's model); its --arch/--hidden/--layers/STFT are used unless given (a different value is refused); fresh optimizer and schedule" };
        var chart = new Option<string>("--chart") { Description = "Validation-curve chart (HTML, and PNG when Chromium is present)", DefaultValueFactory = _ => Path.Combine("results", "separator_training.html") };
        var cmd = new Command("train", "Train the learned separator (mask network on magnitude STFT) on true stems: seeded, resumable, early stopping on validation SDR; --out always holds the best model so far")
            { manifest, outDir, checkpoint, arch, hidden, layers, channels, depth, nFft, hop, sr, epochs, crops, batch, cropSec, lr, patience, valFraction, valSeconds, gain, remix, eq, seed, threads, limit, init, chart };
        cmd.SetAction(p => CliRunner.Run(() =>
        {
            string path = p.GetValue(manifest)!, outPath = p.GetValue(outDir)!;
            string ckpt = p.GetValue(checkpoint) ?? Path.GetFullPath(outPath).TrimEnd(Path.DirectorySeparatorChar) + ".checkpoint";
            using var initModel = p.GetValue(init) is { } initFolder ? MaskNetModel.LoadFolderOrShipped(initFolder) : null;
            // A warm start keeps the init model's STFT and architecture unless an option is given explicitly (then the
            // trainer refuses a mismatch with one clear error).
            var im = initModel?.Metadata;
            T Pick<T>(Option<T> o, T? fromInit) where T : struct =>
                fromInit is { } v && p.GetResult(o) is null or { Implicit: true } ? v : p.GetValue(o);
            var stft = new MaskNetStft(Pick(sr, im?.Stft.SampleRate), Pick(nFft, im?.Stft.NFft), Pick(hop, im?.Stft.HopLength)).Validate();
            var architecture = new MaskNetArchitecture(Pick(arch, im?.Architecture.Kind), stft.Bins, Pick(hidden, im?.Architecture.Hidden),
                Pick(layers, im?.Architecture.Layers), Pick(channels, im?.Architecture.Channels), Pick(depth, im?.Architecture.Depth)).Validate();
            var options = new MaskNetTrainOptions(p.GetValue(epochs), p.GetValue(crops), p.GetValue(batch), p.GetValue(cropSec), p.GetValue(lr), p.GetValue(patience),
                p.GetValue(valSeconds), new MixAugmentOptions(p.GetValue(gain), p.GetValue(remix), p.GetValue(eq)), p.GetValue(seed), p.GetValue(threads) ?? 0).Validate();
            var sw = Stopwatch.StartNew();
            var data = StemSet.Load(path, stft.SampleRate, p.GetValue(valFraction), p.GetValue(seed), p.GetValue(limit));
            foreach (var s in data.Skipped) AnsiConsole.MarkupLine($"[yellow]skipped[/] {Markup.Escape(s)}");
            AnsiConsole.MarkupLine($"{data.Train.Count} training / {data.Validation.Count} validation songs loaded in {sw.Elapsed.TotalSeconds:0.0} s " +
                $"(manifest sha256 {data.ManifestSha256[..12]}); {architecture.Describe()}, n_fft {stft.NFft}, hop {stft.HopLength}, {stft.SampleRate} Hz; checkpoint {Markup.Escape(ckpt)}");
            var trainer = new MaskNetTrainer(options);
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var lastReport = Stopwatch.StartNew();
            var result = trainer.Fit(architecture, stft, data, path, ckpt,
                onEpoch: e => AnsiConsole.MarkupLine($"epoch {e.Epoch,3}: loss {e.TrainLoss:0.00} dB, validation vocals SDR {e.ValVocalsSdr:0.00} dB, accompaniment {e.ValAccompanimentSdr:0.00} dB, " +
                    $"lr {e.LearningRate:0.#####}, {e.Seconds:0.0} s wall, {e.CpuSeconds:0.0} CPU-s"),
                onBest: m => m.Save(outPath), init: initModel,
                onBatch: (done, total) =>
                {
                    if (done == total || lastReport.Elapsed.TotalSeconds >= 30)
                    {
                        AnsiConsole.MarkupLine($"  batch {done}/{total}");
                        lastReport.Restart();
                    }
                });
            using var model = result.Model;
            model.Save(outPath); // the best epoch's weights with the complete history
            double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
            string html = p.GetValue(chart)!;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(html))!);
            var png = ChartHtml.SaveWithPng(SeparatorCharts.TrainingCurve(result.History, $"Learned separator ({architecture.Describe()}): validation SDR per epoch"), html, 900, 500, out var note);
            AnsiConsole.MarkupLine($"best epoch {result.BestEpoch} of {result.History.Count}{(result.StoppedEarly ? " (early stop)" : "")}; {model.ParameterCount:N0} parameters; " +
                $"this run {result.Seconds:0} s wall, {cpu:0} CPU-s; wrote [green]{Markup.Escape(outPath)}[/], chart [green]{Markup.Escape(png ?? html)}[/]{(note is null ? "" : $" ({Markup.Escape(note)})")}");
            return 0;
        }));
        return cmd;
    }
}
