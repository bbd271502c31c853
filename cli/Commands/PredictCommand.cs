using System.CommandLine;
using AudioAlchemy.Models.Cnn;
using Spectre.Console;

namespace AudioAlchemy.Cli.Commands;

/// <summary><c>alchemy predict INPUT --model DIR [--language-model DIR]</c>: class probabilities of a track; with a
/// manifest as INPUT, every track's prediction scored against its label (held-out evaluation).</summary>
internal static class PredictCommand
{
    /// <summary>Audio → mel (dB, (n_mels, frames)) for prediction from an audio file: the features module's librosa-parity mel.</summary>
    internal static MelExtractor AudioMelExtractor { get; set; } = AudioMel.Extract;

    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "Audio file, a mel spectrogram in dB as .npy of shape (n_mels, frames), or a corpus manifest (.csv): every row predicted and scored against its label column (the model's task)" };
        var model = new Option<string>("--model") { Description = "Model folder (model.bin + model.json) written by `study cnn` or CnnClassifier.Save", Required = true };
        var language = new Option<string?>("--language-model") { Description = "Optional second model folder (e.g. sung language)" };
        var top = new Option<int>("--top") { Description = "Classes to show per model", DefaultValueFactory = _ => 10 };
        var trackType = new Option<string>("--track-type") { Description = "With a manifest: which rows: full (0, or no track_type), vocals (1) or no_vocals (2)", DefaultValueFactory = _ => "full" };
        var trueStems = new Option<bool>("--true-stems") { Description = "With a manifest and --track-type vocals/no_vocals: each row's own vocals_path / accompaniment_path" };
        var cache = CacheOption.Create(CorpusMelSource.Stage);
        var output = new Option<string?>("--out") { Description = "With a manifest: folder for predictions-TASK.csv, confusion-TASK.csv and metrics-TASK.csv (default: print only)" };
        var cmd = new Command("predict", "Genre (and language) probabilities of a track from a trained CNN, voting over crops; with a manifest, accuracy / macro-F1 / confusion on its labelled tracks")
            { input, model, language, top, trackType, trueStems, cache, output };
        cmd.SetAction(parse => CliRunner.Run(() =>
        {
            string path = parse.GetValue(input)!;
            if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                return EvaluateManifest(path, new[] { parse.GetValue(model)!, parse.GetValue(language) }.OfType<string>(), parse.GetValue(trackType)!,
                    parse.GetValue(trueStems), parse.GetValue(cache)!, parse.GetValue(output));
            foreach (var dir in new[] { parse.GetValue(model)!, parse.GetValue(language) })
            {
                if (dir is null) continue;
                using var clf = CnnClassifier.Load(dir);
                var mel = LoadMel(path, clf.Metadata.Mel);
                var p = clf.PredictProba(mel);
                var table = new Table().AddColumns($"{Markup.Escape(clf.Metadata.Task)} ({Markup.Escape(dir)})", "probability");
                foreach (int k in Enumerable.Range(0, p.Length).OrderByDescending(k => p[k]).Take(parse.GetValue(top)))
                    table.AddRow(Markup.Escape(clf.Classes[k]), $"{p[k]:0.0000}");
                AnsiConsole.Write(table);
            }
            return 0;
        }));
        return cmd;
    }

    private static int EvaluateManifest(string manifestPath, IEnumerable<string> modelDirs, string trackType, bool trueStems, string cacheRoot, string? outDir)
    {
        var rows = StudyCnnCommand.RowsOfType(AudioAlchemy.Corpus.Manifest.Load(manifestPath).Rows, trackType, trueStems);
        int skippedAny = 0;
        foreach (var dir in modelDirs)
        {
            using var clf = CnnClassifier.Load(dir);
            var source = new CorpusMelSource(rows, cacheRoot, clf.Metadata.Task, clf.Metadata.Mel);
            AnsiConsole.MarkupLine($"{Markup.Escape(dir)}: {rows.Count} {Markup.Escape(trackType)} rows of {Markup.Escape(manifestPath)}, label column '{Markup.Escape(clf.Metadata.Task)}' ...");
            var r = CnnEvaluation.Evaluate(clf, source.LoadTracks(), source.Skipped);
            foreach (var s in r.Skipped) AnsiConsole.MarkupLine($"[yellow]skipped:[/] {Markup.Escape(s)}");
            skippedAny += r.Skipped.Count;
            AnsiConsole.MarkupLine($"{Markup.Escape(r.Task)}: {r.Tracks.Count} tracks, accuracy [green]{r.Accuracy:0.000}[/], macro-F1 [green]{r.MacroF1:0.000}[/] (chance {1.0 / r.Classes.Count:0.000})");
            if (outDir is not null)
                foreach (var f in r.Write(outDir)) AnsiConsole.MarkupLine($"wrote {Markup.Escape(f)}");
        }
        return skippedAny > 0 ? ExitCodes.Skipped : ExitCodes.Ok;
    }

    private static float[,] LoadMel(string path, MelParams melParams)
    {
        if (path.EndsWith(".npy", StringComparison.OrdinalIgnoreCase)) return NpyMelFolder.ReadMel(path);
        return AudioMelExtractor(path, melParams);
    }
}
