using System.CommandLine;
using AudioAlchemy.Benchmarks;
using Spectre.Console;

namespace AudioAlchemy.Cli.Commands;

/// <summary><c>alchemy bench …</c>: speed measurements (decode; features once that verb exists).</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var bench = new Command("bench", "Measure speed (seconds per audio-minute, per feature) against reference tools");
        bench.Subcommands.Add(Decode());
        bench.Subcommands.Add(BenchFeaturesCommand.Create());
        bench.Subcommands.Add(Models());
        return bench;
    }

    private static Command Decode()
    {
        var files = new Argument<string[]>("files") { Description = "Audio files to decode", Arity = ArgumentArity.OneOrMore };
        var runs = new Option<int>("--runs") { Description = "Timed runs per file (median reported)", DefaultValueFactory = _ => 5 };
        var cmd = new Command("decode", "Decode speed of AudioFile.Load versus `ffmpeg -f f32le` piping, seconds per audio-minute") { files, runs };
        cmd.SetAction(parse => CliRunner.Run(() =>
        {
            var table = new Table().AddColumns("file", "minutes", "ours native (s/min)", "ours → 22050 (s/min)", "ffmpeg f32le (s/min)", "ffmpeg / ours");
            foreach (var f in parse.GetValue(files)!)
            {
                var r = DecodeBenchmark.Run(f, parse.GetValue(runs));
                table.AddRow(Markup.Escape(f), $"{r.AudioMinutes:0.00}", $"{r.OursSecondsPerMinute:0.0000}", $"{r.OursResampledSecondsPerMinute:0.0000}",
                    r.FfmpegSecondsPerMinute is { } ff ? $"{ff:0.0000}" : "n/a (no ffmpeg)",
                    r.FfmpegSecondsPerMinute is { } f2 ? $"{f2 / r.OursSecondsPerMinute:0.0}×" : "");
            }
            AnsiConsole.Write(table);
            return 0;
        }));
        return cmd;
    }

    private static Command Models()
    {
        var table = new Option<string>("--table") { Description = "Feature table (.csv/.parquet); e.g. the 1000x57 one from docs/bench/make_gtzan_like_table.py", Required = true };
        var label = new Option<string>("--label") { Description = "Class-label column", DefaultValueFactory = _ => "label" };
        var runs = new Option<int>("--runs") { Description = "Timed fits per model (median reported; fastforest once)", DefaultValueFactory = _ => 3 };
        var models = new Option<string?>("--models") { Description = "Semicolon-separated subset to time, e.g. \"svc;linearsvc\" (default: all: " + string.Join(";", ModelBenchmark.Models) + ")" };
        var cmd = new Command("models", "Fit times of rf(300), svc, linearsvc and ML.NET fastforest(300) against scikit-learn's (run via /usr/bin/python3) on one table") { table, label, runs, models };
        cmd.SetAction(parse => CliRunner.Run(() =>
        {
            var r = ModelBenchmark.Run(parse.GetValue(table)!, parse.GetValue(label)!, parse.GetValue(runs), log: m => AnsiConsole.MarkupLine(Markup.Escape(m)),
                only: parse.GetValue(models)?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            AnsiConsole.MarkupLine($"{r.Rows} rows x {r.Features} features, median of {r.Runs} fits; {Markup.Escape(r.SklearnVersion)}");
            var t = new Table().AddColumns("side", "model", "fit wall (s)", "fit CPU (s)", "train accuracy", "sklearn wall / ours");
            var sk = r.Sklearn.ToDictionary(m => m.Model);
            foreach (var m in r.Ours)
                t.AddRow("ours", Markup.Escape(m.Model), $"{m.Wall:0.000}", $"{m.Cpu:0.000}", $"{m.TrainAccuracy:0.000}",
                    sk.TryGetValue(m.Model, out var s) ? $"{s.Wall / m.Wall:0.0}x" : "");
            foreach (var m in r.Sklearn)
                t.AddRow("sklearn", Markup.Escape(m.Model), $"{m.Wall:0.000}", $"{m.Cpu:0.000}", $"{m.TrainAccuracy:0.000}", "");
            AnsiConsole.Write(t);
            return 0;
        }));
        return cmd;
    }
}
