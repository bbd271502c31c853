using System.CommandLine;
using AudioAlchemy.Corpus;
using AudioAlchemy.Corpus.Batch;
using AudioAlchemy.Demo;
using AudioAlchemy.Models.Cnn;
using AudioAlchemy.Reporting;
using Spectre.Console;

namespace AudioAlchemy.Cli.Commands;

/// <summary>
/// <c>alchemy study cnn</c> (alias <c>q2-cnn</c>): the CNN sweep on mel images (grey/viridis) with a budget for small
/// machines, for genre (Q2) or sung language (Q1) from any track type.
/// </summary>
internal static class StudyCnnCommand
{
    /// <summary>The <c>cnn</c> subcommand (alias <c>q2-cnn</c>).</summary>
    public static Command Cnn()
    {
        var mels = new Option<string?>("--mels") { Description = "Folder of mel .npy files (n_mels × frames, dB) + labels.csv (file,label[,group]) + optional mel_params.json" };
        var manifest = new Option<string?>("--manifest") { Description = "Instead of --mels: a corpus manifest; the full mixes' mels are computed (librosa parity) and cached under --cache" };
        var cache = CacheOption.Create(CorpusMelSource.Stage);
        var trackType = new Option<string>("--track-type") { Description = "With --manifest: which rows: full (0, or no track_type), vocals (1) or no_vocals (2)", DefaultValueFactory = _ => "full" };
        var dryRun = new Option<bool>("--dry-run") { Description = "List the configurations the budget selects and stop" };
        var synthetic = new Option<int>("--synthetic") { Description = "Instead of --mels: N synthetic tracks over 10 classes (128 mels × 1292 frames), for speed checks" };
        var output = new Option<string?>("--out") { Description = "Output folder (default: results/q2-cnn for genre, results/q1-cnn for language)" };
        var image = new Option<string>("--image") { Description = "grey, viridis or both", DefaultValueFactory = _ => "both" };
        var maxConfigs = new Option<int>("--max-configs") { Description = "Random subset of the 108-config seed grid per image mode (0 = all)", DefaultValueFactory = _ => 6 };
        var maxEpochs = new Option<int>("--max-epochs") { Description = "Cap on every config's epochs (0 = none)", DefaultValueFactory = _ => 15 };
        var byArtist = new Option<bool>("--by-artist") { Description = "Split by the group (artist) column so no artist is in two parts" };
        var seed = new Option<int>("--seed") { Description = "Seed of split, subset, torch and crops", DefaultValueFactory = _ => 0 };
        var crop = new Option<int>("--crop-frames") { Description = "Crop length in frames (130 ≈ 3 s)", DefaultValueFactory = _ => CnnDefaults.CropFrames };
        var channels = new Option<int>("--base-channels") { Description = "Channels of the first conv block", DefaultValueFactory = _ => 16 };
        var batch = new Option<int>("--batch-size") { Description = "Crops per training batch", DefaultValueFactory = _ => 32 };
        var crops = new Option<int>("--crops-per-track") { Description = "Random training crops per track per epoch", DefaultValueFactory = _ => 8 };
        var mixup = new Option<double>("--mixup") { Description = "Mixup alpha (0 = off)", DefaultValueFactory = _ => 0 };
        var threads = new Option<int?>("--jobs") { Description = "Torch threads (default: all cores)" };
        var layers = new Option<int[]>("--conv-layers") { Description = "Override the grid's conv layers {2,3}", AllowMultipleArgumentsPerToken = true };
        var epochs = new Option<int[]>("--epochs") { Description = "Override the grid's epochs {10,15,30}", AllowMultipleArgumentsPerToken = true };
        var patience = new Option<int[]>("--patience") { Description = "Override the grid's patience {2,5}", AllowMultipleArgumentsPerToken = true };
        var dropout = new Option<double[]>("--dropout") { Description = "Override the grid's dropout {0.2,0.3,0.5}", AllowMultipleArgumentsPerToken = true };
        var lr = new Option<double[]>("--lr") { Description = "Override the grid's learning rates {1e-2,1e-3,1e-4}", AllowMultipleArgumentsPerToken = true };
        var task = new Option<string>("--label") { Description = "Manifest column to predict: genre (Q2) or language (Q1); stored in the models as their task", DefaultValueFactory = _ => "genre" };
        var fmin = new Option<double?>("--fmin") { Description = "With --manifest: lowest mel frequency, Hz (librosa's fmin; default 0)" };
        var fmax = new Option<double?>("--fmax") { Description = "With --manifest: highest mel frequency, Hz (librosa's fmax; default sr/2). 8000 spends every band on the voice's range" };
        var activeCrop = new Option<float?>("--active-crop-db") { Description = "Train and vote only on crops where at least half the frames have a band within this many dB of the track's maximum (skips a stem's silences); default: all crops" };
        var trueStems = new Option<bool>("--true-stems") { Description = "With --manifest and --track-type vocals/no_vocals: each row's own vocals_path / accompaniment_path (the corpus' real stems) instead of rows of that track_type" };
        var cmd = new Command("cnn", "CNN on mel images (genre or language, any track type): sweep of the seed grid (budgeted), early stopping, track-level voting; writes results.csv and models")
            { mels, manifest, cache, trackType, dryRun, synthetic, output, image, maxConfigs, maxEpochs, byArtist, seed, crop, channels, batch, crops, mixup, threads, layers, epochs, patience, dropout, lr, task, fmin, fmax, activeCrop, trueStems };
        cmd.Aliases.Add("q2-cnn");
        cmd.SetAction(parse => CliRunner.Run(() =>
        {
            string label = parse.GetValue(task)!;
            if (string.IsNullOrWhiteSpace(label)) throw new ParameterException("--label: give a manifest column, e.g. genre or language");
            bool bands = parse.GetValue(fmin) is not null || parse.GetValue(fmax) is not null;
            if (bands && parse.GetValue(manifest) is null) throw new ParameterException("--fmin/--fmax: only with --manifest (a --mels folder's mels are already computed)");
            var melParams = new MelParams(FMin: parse.GetValue(fmin) ?? 0, FMax: parse.GetValue(fmax)).Validate();
            string outDir = parse.GetValue(output) ?? (label == "language" ? new ResultsLayout("results").Q1Cnn : new ResultsLayout("results").Q2Cnn);
            IMelSource source = parse.GetValue(mels) is { } folder ? new NpyMelFolder(folder)
                : parse.GetValue(manifest) is { } m ? new CorpusMelSource(RowsOfType(Manifest.Load(m).Rows, parse.GetValue(trackType)!, parse.GetValue(trueStems)), parse.GetValue(cache)!, label, melParams)
                : parse.GetValue(synthetic) is > 0 and var n ? new SyntheticMels(new SyntheticMelOptions(TracksPerClass: Math.Max(1, n / 10), Seed: parse.GetValue(seed)))
                : throw new AlchemyException("study cnn: give --mels FOLDER, --manifest CSV or --synthetic N");
            var modes = parse.GetValue(image)!.ToLowerInvariant() switch
            {
                "grey" or "gray" => new[] { MelImageMode.Grey },
                "viridis" => [MelImageMode.Viridis],
                "both" => [MelImageMode.Grey, MelImageMode.Viridis],
                var other => throw new AlchemyException($"--image: expected grey, viridis or both, got '{other}'"),
            };
            int s = parse.GetValue(seed);
            var grid = CnnSweepGrid.Seed(modes);
            grid = grid with
            {
                ConvLayers = Or(parse.GetValue(layers), grid.ConvLayers),
                Epochs = Or(parse.GetValue(epochs), grid.Epochs),
                Patience = Or(parse.GetValue(patience), grid.Patience),
                Dropout = Or(parse.GetValue(dropout), grid.Dropout),
                LearningRate = Or(parse.GetValue(lr), grid.LearningRate),
            };
            var options = new CnnSweepOptions(grid, new CnnSweepBudget(parse.GetValue(maxConfigs), parse.GetValue(maxEpochs), s),
                new CnnTrainOptions(BatchSize: parse.GetValue(batch), CropsPerTrack: parse.GetValue(crops), Seed: s, Threads: parse.GetValue(threads) ?? 0,
                    Augment: new AugmentOptions(MixupAlpha: parse.GetValue(mixup))),
                BaseChannels: parse.GetValue(channels), CropFrames: parse.GetValue(crop), SplitByGroup: parse.GetValue(byArtist), SplitSeed: s, Task: label, ActiveCropDb: parse.GetValue(activeCrop));
            if (parse.GetValue(dryRun))
            {
                foreach (var c in options.Grid.Select(options.Budget)) AnsiConsole.WriteLine(c.Key);
                return 0;
            }
            var r = new CnnSweep(options).Run(source, outDir, line => AnsiConsole.MarkupLine(Markup.Escape(line)));
            foreach (var skipped in r.Skipped) AnsiConsole.MarkupLine($"[yellow]skipped:[/] {Markup.Escape(skipped)}");
            var table = new Table().AddColumns("config", "epochs run", "val acc", "test acc", "test macro-F1", "s/epoch");
            foreach (var row in r.Rows)
                table.AddRow(row.Config.Key, $"{row.EpochsRun} (best {row.BestEpoch})", $"{row.ValAccuracy:0.000}", $"{row.TestAccuracy:0.000}", $"{row.TestMacroF1:0.000}", $"{row.SecondsPerEpoch:0.0}");
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"split train/val/test tracks: {r.Split.Train}/{r.Split.Validation}/{r.Split.Test}");
            foreach (var (mode, best) in r.Best)
                AnsiConsole.MarkupLine($"best {mode}: [green]{best.Config.Key}[/] test accuracy {best.TestAccuracy:0.000}, macro-F1 {best.TestMacroF1:0.000} → {Markup.Escape(best.ModelDir)}");
            AnsiConsole.MarkupLine($"inference: {r.InferenceSecondsPer30s:0.000} s per 30 s clip (mel → probabilities); results: [green]{Markup.Escape(r.ResultsCsv)}[/]");
            return 0;
        }));
        return cmd;
    }

    /// <summary>
    /// Manifest rows of one track type, read as the feature pipeline reads it (<see cref="TrackTypes.TryParse"/>):
    /// full = 0 (also rows without a track_type), vocals = 1, no_vocals = 2. With <paramref name="trueStems"/>, vocals /
    /// no_vocals are each row's own stem (<see cref="ManifestRow.VocalsPath"/> / <see cref="ManifestRow.AccompanimentPath"/>),
    /// as <c>alchemy features</c> expands a corpus manifest.
    /// </summary>
    internal static List<ManifestRow> RowsOfType(IReadOnlyList<ManifestRow> rows, string type, bool trueStems)
    {
        if (!TrackTypes.TryParse(type, out var wanted)) throw new ParameterException($"--track-type: expected full, vocals or no_vocals (or 0, 1, 2), got '{type}'");
        if (trueStems)
        {
            if (wanted == TrackType.Full) throw new ParameterException("--true-stems: give --track-type vocals or no_vocals");
            var stems = rows.Where(r => (wanted == TrackType.Vocals ? r.VocalsPath : r.AccompanimentPath) is not null)
                .Select(r => r with { Path = (wanted == TrackType.Vocals ? r.VocalsPath : r.AccompanimentPath)!, TrackType = wanted.Code().ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToList();
            return stems.Count > 0 ? stems : throw new AlchemyException(
                $"study cnn --true-stems: no manifest row has a {(wanted == TrackType.Vocals ? "vocals_path" : "accompaniment_path")}");
        }
        var picked = rows.Where(r => (string.IsNullOrWhiteSpace(r.TrackType) ? TrackType.Full : TrackTypes.TryParse(r.TrackType, out var t) ? t : (TrackType?)null) == wanted).ToList();
        return picked.Count > 0 ? picked : throw new AlchemyException(
            $"study cnn: the manifest has no rows of track_type '{type}' (it has: {string.Join(", ", rows.Select(r => r.TrackType ?? "(none)").Distinct())})");
    }

    private static T[] Or<T>(T[]? given, T[] fallback) => given is { Length: > 0 } ? given : fallback;
}
