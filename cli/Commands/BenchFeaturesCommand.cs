using System.CommandLine;
using AudioAlchemy.Benchmarks;
using AudioAlchemy.Features;
using Spectre.Console;

namespace AudioAlchemy.Cli.Commands;

/// <summary><c>alchemy bench features FILE [--duration 30] [--runs 5] [--copies N] [--librosa-json F]</c>.</summary>
internal static class BenchFeaturesCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Audio file (e.g. tests/data/reference/audio/nutcracker.ogg)" };
        var duration = new Option<double>("--duration") { Description = "Seconds analysed from the start", DefaultValueFactory = _ => 30.0 };
        var runs = new Option<int>("--runs") { Description = "Timed runs after one warm-up (median reported)", DefaultValueFactory = _ => 5 };
        var copies = new Option<int?>("--copies") { Description = "Files in the all-cores throughput run (default 4 × cores)" };
        var librosa = new Option<string?>("--librosa-json") { Description = "librosa timing from oracle/time_table1.py --json, for the comparison columns" };
        var cmd = new Command("features", "Per-feature and whole Table-1 times on one clip (single thread) and corpus throughput on all cores") { file, duration, runs, copies, librosa };
        cmd.SetAction(parse => CliRunner.Run(() =>
        {
            var lib = parse.GetValue(librosa) is { } lj ? LibrosaTiming.Load(lj) : null;
            AnsiConsole.MarkupLine($"[grey]load average before: {Markup.Escape(LoadAverage())}[/]");
            var r = FeatureBenchmark.Run(parse.GetValue(file)!, parse.GetValue(duration), parse.GetValue(runs), parse.GetValue(copies), new Table1Options(),
                msg => AnsiConsole.MarkupLine($"[grey]{Markup.Escape(msg)}…[/]"));
            var t = new Table().AddColumns("Table-1 step (single thread)", "ours wall (ms)", "ours cpu (ms)");
            if (lib is not null) t.AddColumns("librosa wall (ms)", "speed-up (wall)");
            foreach (var (name, sec) in r.Steps)
            {
                double cpu = r.StepsCpu.GetValueOrDefault(name, double.NaN);
                var row = new List<string> { Markup.Escape(name), $"{sec * 1000:0.0}", $"{cpu * 1000:0.0}" };
                if (lib is not null)
                    row.AddRange(lib.Steps.TryGetValue(name, out var ls) ? [$"{ls * 1000:0.0}", $"{ls / sec:0.0}×"] : ["", ""]);
                t.AddRow(row.ToArray());
            }
            var total = new List<string> { "[bold]total (load + summary)[/]", $"[bold]{r.Total * 1000:0.0}[/]", $"[bold]{r.TotalCpu * 1000:0.0}[/]" };
            if (lib is not null) total.AddRange([$"{lib.Total * 1000:0.0}", $"[bold]{lib.Total / r.Total:0.0}×[/]"]);
            t.AddRow(total.ToArray());
            AnsiConsole.MarkupLine($"{Markup.Escape(r.File)}: {r.AudioSeconds:0.00} s of audio, median of {r.Runs} runs after a warm-up");
            AnsiConsole.Write(t);
            var f = new Table().AddColumns("feature alone (single thread)", "wall ms", "cpu ms");
            foreach (var (name, sec) in r.Features) f.AddRow(Markup.Escape(name), $"{sec * 1000:0.0}", $"{r.FeaturesCpu.GetValueOrDefault(name, double.NaN) * 1000:0.0}");
            AnsiConsole.Write(f);
            AnsiConsole.MarkupLine($"corpus throughput: {r.CorpusFiles} × {r.AudioSeconds:0} s clips on {r.CorpusThreads} threads: [bold]{r.CorpusFilesPerSecond:0.00} files/s[/]" +
                (lib is not null ? $" (librosa single process: {1 / lib.Total:0.00} files/s)" : ""));
            if (lib is not null && lib.Steps.TryGetValue("pyin+fundamental_freq", out var lp) && r.Steps.TryGetValue("pyin+fundamental_freq", out var op))
            {
                AnsiConsole.MarkupLine($"pyin speed-up {lp / op:0.0}× wall (target ≥ 30×); whole Table-1 {lib.Total / r.Total:0.0}× wall (target ≥ 20×)");
            }
            if (lib is not null)
                AnsiConsole.MarkupLine("[grey]" + Markup.Escape(LibrosaLoadNote(lib)) + "[/]");
            AnsiConsole.MarkupLine($"[grey]load average after: {Markup.Escape(LoadAverage())}[/]");
            return 0;
        }));
        return cmd;
    }

    /// <summary>What the librosa JSON says about the load it was measured at (librosa's side is wall time only).</summary>
    internal static string LibrosaLoadNote(LibrosaTiming lib) =>
        (lib.LoadBefore, lib.LoadAfter) switch
        {
            ({ } b, { } a) => FormattableString.Invariant($"librosa's numbers were measured at 1-minute load {b:0.00} (before) / {a:0.00} (after), wall clock only; compare on a quiet machine"),
            _ => "the librosa JSON records no load average; its numbers are wall clock only: compare on a quiet machine",
        };

    private static string LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Trim(); } catch (IOException) { return "n/a"; }
    }
}
