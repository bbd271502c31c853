using System.CommandLine;
using AudioAlchemy.Models.Cnn;
using Spectre.Console;

namespace AudioAlchemy.Cli.Commands;

/// <summary><c>alchemy predict INPUT --model DIR [--language-model DIR]</c>: class probabilities of a track.</summary>
internal static class PredictCommand
{
    /// <summary>Audio → mel (dB, (n_mels, frames)) for prediction from an audio file: the features module's librosa-parity mel.</summary>
    internal static MelExtractor AudioMelExtractor { get; set; } = AudioMel.Extract;

    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "Audio file, or a mel spectrogram in dB as .npy of shape (n_mels, frames)" };
        var model = new Option<string>("--model") { Description = "Model folder (model.bin + model.json) written by `study cnn` or CnnClassifier.Save", Required = true };
        var language = new Option<string?>("--language-model") { Description = "Optional second model folder (e.g. sung language)" };
        var top = new Option<int>("--top") { Description = "Classes to show per model", DefaultValueFactory = _ => 10 };
        var cmd = new Command("predict", "Genre (and language) probabilities of a track from a trained CNN, voting over 3 s crops") { input, model, language, top };
        cmd.SetAction(parse => CliRunner.Run(() =>
        {
            string path = parse.GetValue(input)!;
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

    private static float[,] LoadMel(string path, MelParams melParams)
    {
        if (path.EndsWith(".npy", StringComparison.OrdinalIgnoreCase)) return NpyMelFolder.ReadMel(path);
        return AudioMelExtractor(path, melParams);
    }
}
