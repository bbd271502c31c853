using System.CommandLine;
using AudioAlchemy.Sharding;
using Spectre.Console;

namespace AudioAlchemy.Cli.Commands;

/// <summary><c>alchemy table merge PARTS... --out TABLE</c>: one table from the parts of a sharded run (<see cref="TableMerge"/>).</summary>
internal static class TableCommand
{
    public static Command Create()
    {
        var cmd = new Command("table", "Work with result tables (merge the parts of a sharded run)");
        cmd.Subcommands.Add(Merge());
        return cmd;
    }

    private static Command Merge()
    {
        var parts = new Argument<string[]>("parts") { Description = "Part tables PART-K-of-N.parquet|.csv (each with its .json beside it), or folders holding them", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "Merged table (same format as the parts), written atomically", Required = true };
        var cmd = new Command("merge", "Merge PART-K-of-N tables into the table a single-process run writes; refuses a missing part, mixed parameter hashes or duplicate ids")
            { parts, output };
        cmd.SetAction(parse => CliRunner.Run(() =>
        {
            var files = new List<string>();
            foreach (var p in parse.GetValue(parts)!)
            {
                if (Directory.Exists(p))
                {
                    var found = Directory.GetFiles(p, "PART-*-of-*.*").Where(f => Path.GetExtension(f) is ".parquet" or ".csv").Order(StringComparer.Ordinal).ToList();
                    if (found.Count == 0) throw new AlchemyException($"{p}: no PART-K-of-N.parquet or .csv in this folder");
                    files.AddRange(found);
                }
                else files.Add(p);
            }
            var r = TableMerge.Merge(files, parse.GetValue(output)!);
            foreach (var s in r.Skipped) AnsiConsole.MarkupLine($"[yellow]skipped[/] {Markup.Escape(s.Item)}: {Markup.Escape(s.Reason)}");
            AnsiConsole.MarkupLine($"merged {r.Parts} parts of '{Markup.Escape(r.Stage)}' (parameters {r.ParametersHash}): {r.Rows} rows from {r.InputItems} input items, " +
                $"{r.Skipped.Count} skipped → [green]{Markup.Escape(r.Output)}[/]");
            return 0;
        }));
        return cmd;
    }
}
