using System.CommandLine;
using AudioAlchemy.Experiments;
using Microsoft.Data.Analysis;
using Spectre.Console;

namespace AudioAlchemy.Cli.Commands;

/// <summary><c>--impute none|mean|median|drop</c>, shared by every verb where a feature table meets a model.</summary>
internal static class ImputeOption
{
    public static Option<string> Create()
    {
        var o = new Option<string>("--impute")
        {
            Description = "Empty/non-finite feature cells: none (error naming the row), mean, median (column value over the whole table) or drop (rows)",
            DefaultValueFactory = _ => "none",
        };
        o.AcceptOnlyFromAmong("none", "mean", "median", "drop");
        return o;
    }

    /// <summary>Reads the table and applies the strategy to its feature columns, printing one note per change.</summary>
    public static DataFrame Load(string path, string strategy, IReadOnlyCollection<string> nonFeatures)
    {
        var (df, notes) = TableImputer.Apply(TableReader.Load(path), TableImputer.Parse(strategy), nonFeatures);
        foreach (var n in notes) AnsiConsole.MarkupLine($"[yellow]impute:[/] {Markup.Escape(n)}");
        return df;
    }
}
