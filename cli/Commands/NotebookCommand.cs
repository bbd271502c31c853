using System.CommandLine;
using AudioAlchemy.Notebooks;
using Spectre.Console;

namespace AudioAlchemy.Cli.Commands;

/// <summary><c>alchemy notebook run FILE.ipynb... [--out DIR] [--param name=value ...]</c>: headless notebook execution.</summary>
internal static class NotebookCommand
{
    public static Command Create()
    {
        var notebook = new Command("notebook", "Polyglot (.ipynb, C#) notebooks: run them headless");
        notebook.Subcommands.Add(Run());
        return notebook;
    }

    private static Command Run()
    {
        var files = new Argument<string[]>("files") { Description = "Notebooks (.ipynb) to run, in order", Arity = ArgumentArity.OneOrMore };
        var outDir = new Option<string>("--out") { Description = "Folder for the executed .ipynb and its .html", DefaultValueFactory = _ => Path.Combine("results", "notebooks") };
        var parameters = new Option<string[]>("--param", "-p")
        {
            Description = "Override a variable of the cell tagged 'parameters' (papermill convention), e.g. --param seconds=5; repeatable",
            AllowMultipleArgumentsPerToken = false,
        };
        var cellTimeout = new Option<double?>("--cell-timeout")
        {
            Description = "Stop the run when one cell takes longer than this many seconds (default: no limit, as papermill); the cell gets a CellTimeoutError",
        };
        var cmd = new Command("run", "Execute every C# cell in order, write the executed notebook and a standalone HTML page; exit 1 at the first failing cell. " +
            "The .ipynb is saved after every cell with papermill metadata (status, duration), and also when the run is stopped by SIGINT/SIGTERM")
        {
            files, outDir, parameters, cellTimeout,
        };
        cmd.SetAction(parse => CliRunner.Run(() =>
        {
            var values = ParseParameters(parse.GetValue(parameters) ?? []);
            string dir = parse.GetValue(outDir)!;
            var timeout = parse.GetValue(cellTimeout) is { } seconds
                ? seconds > 0 && double.IsFinite(seconds) ? TimeSpan.FromSeconds(seconds) : throw new ParameterException($"--cell-timeout must be a positive number of seconds, got {seconds}")
                : (TimeSpan?)null;
            int failed = 0;
            var inputs = parse.GetValue(files)!;
            var names = OutputNames.Unique(inputs);
            for (int i = 0; i < inputs.Length; i++)
            {
                string file = inputs[i];
                AnsiConsole.MarkupLine($"[bold]{Markup.Escape(file)}[/]");
                var options = new NotebookRunOptions
                {
                    Parameters = values,
                    CellTimeout = timeout,
                    Save = NotebookArtifacts.Saver(file, dir, names[i]),
                    Progress = p => AnsiConsole.MarkupLine(
                        $"  cell {p.CellNumber,3} ({p.CodeCellIndex}/{p.CodeCellCount}) {p.Elapsed.TotalSeconds,7:0.00} s{(p.Failed ? " [red]failed[/]" : "")}"),
                };
                var result = NotebookRunner.RunAsync(file, options).GetAwaiter().GetResult();
                var written = NotebookArtifacts.Write(result, file, dir, names[i]);
                foreach (var w in result.Warnings) AnsiConsole.MarkupLine($"  [yellow]note:[/] {Markup.Escape(w)}");
                if (result.Failure is { } f)
                {
                    failed++;
                    AnsiConsole.MarkupLine($"  [red]error:[/] {Markup.Escape(file)}: {Markup.Escape(f.ToString())}");
                }
                AnsiConsole.MarkupLine($"  {(result.Succeeded ? "[green]ok[/]" : "[red]stopped[/]")} in {result.Elapsed.TotalSeconds:0.00} s → " +
                    $"{Markup.Escape(written.Notebook)}, {Markup.Escape(written.Html)}");
            }
            return failed == 0 ? 0 : 1;
        }));
        return cmd;
    }

    private static Dictionary<string, string> ParseParameters(IEnumerable<string> items)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            int eq = item.IndexOf('=');
            if (eq <= 0) throw new AlchemyException($"--param {item}: expected name=value");
            string name = item[..eq].Trim();
            if (!values.TryAdd(name, item[(eq + 1)..]))
                throw new AlchemyException($"--param {name} given twice");
        }
        return values;
    }
}
