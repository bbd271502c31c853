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
}
