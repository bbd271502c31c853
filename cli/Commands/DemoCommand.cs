using System.CommandLine;
using AudioAlchemy.Demo;
using AudioAlchemy.Player;
using Spectre.Console;

namespace AudioAlchemy.Cli.Commands;

/// <summary><c>alchemy demo [--full] [--out DIR] [--data DIR] [--only 00,04]</c>: the main job, end to end into results/.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var results = new Option<string>("--out") { Description = "Output folder", DefaultValueFactory = _ => "results" };
        var data = new Option<string>("--data") { Description = "Folder for the corpus, the caches and the separated stems", DefaultValueFactory = _ => "data" };
        var full = new Option<bool>("--full") { Description = $"{Size(DemoMode.Full)} and the complete sweeps (hours); default: quick mode ({Size(DemoMode.Quick)}, budgeted sweeps)" };
        var tiny = new Option<bool>("--tiny") { Description = $"The CI size ({Size(DemoMode.Tiny)}, one-config sweeps, no PNGs): a smoke test in a minute or two" };
        var only = new Option<string?>("--only") { Description = "Comma-separated notebook prefixes to run, e.g. 00,04 (default: all)" };
        var notebooks = new Option<string>("--notebooks") { Description = "Folder of the study notebooks", DefaultValueFactory = _ => "notebooks" };
        var cmd = new Command("demo", "Run the demo study end to end: corpus (generated if absent), every notebook headless, results/index.html")
            { results, data, full, tiny, only, notebooks };
        cmd.SetAction(parse => CliRunner.Run(() =>
        {
            if (parse.GetValue(full) && parse.GetValue(tiny)) throw new AlchemyException("--full and --tiny exclude each other");
            var mode = parse.GetValue(full) ? DemoMode.Full : parse.GetValue(tiny) ? DemoMode.Tiny : DemoMode.Quick;
            var prefixes = parse.GetValue(only)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var options = new DemoOptions(parse.GetValue(notebooks)!, parse.GetValue(results)!, parse.GetValue(data)!, mode, prefixes, [PlayerDemoStep.Create()]);
            AnsiConsole.MarkupLine($"[bold]alchemy demo[/] ({mode.ToString().ToLowerInvariant()} mode) → {Markup.Escape(Path.GetFullPath(options.ResultsDir))}");
            var report = DemoPipeline.Run(options, line => AnsiConsole.MarkupLine(line.StartsWith('[')
                ? $"[bold]{Markup.Escape(line)}[/]" : Markup.Escape(line)));
            var table = new Table().AddColumns("notebook", "status", "seconds");
            foreach (var s in report.Steps)
                table.AddRow(Markup.Escape(s.Name), s.Succeeded ? "[green]ok[/]" : $"[red]{Markup.Escape(s.Failure ?? "failed")}[/]", $"{s.Seconds:0.0}");
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"report: [green]{Markup.Escape(report.IndexHtml)}[/]  (total {report.Seconds / 60:0.0} min)");
            return report.Succeeded ? 0 : 1;
        }));
        return cmd;
    }

    /// <summary>"8 songs per genre × 15 s", read from the mode's own parameters so the help never drifts from the code.</summary>
    internal static string Size(DemoMode mode)
    {
        var (perGenre, seconds) = DemoPlan.Corpus(mode);
        return FormattableString.Invariant($"{perGenre} songs per genre × {seconds:0.#} s");
    }
}
