using System.CommandLine;
using AudioAlchemy.Recommendation;
using AudioAlchemy.Reporting;
using AudioAlchemy.Studies;
using Spectre.Console;

namespace AudioAlchemy.Cli.Commands;

/// <summary>
/// <c>alchemy study rec --library TABLE [--out results/rec] [--k 10] [--seed 0] [--repeats 3] [--users 300] [--ratings LOG] [--als-factors 8 --als-lambda 10 --hybrid-content-weight 2 --language-weight 0.5]</c>:
/// popularity, ALS, content and hybrid recommenders on simulated listeners (or a real log), held-out per user.
/// </summary>
internal static class StudyRecCommand
{
    public static Command Create()
    {
        var library = new Option<string>("--library") { Description = "Song-embedding table from `alchemy embed`", Required = true };
        var outDir = new Option<string>("--out") { Description = "Results folder", DefaultValueFactory = _ => new ResultsLayout("results").Rec };
        var k = new Option<int>("--k") { Description = "Recommendation list length", DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { Description = "First seed (repeat r uses seed + r)", DefaultValueFactory = _ => 0 };
        var repeats = new Option<int>("--repeats") { Description = "Independent repeats (new listeners and split)", DefaultValueFactory = _ => 3 };
        var users = new Option<int>("--users") { Description = "Simulated listeners", DefaultValueFactory = _ => 300 };
        var perUser = new Option<int>("--ratings-per-user") { Description = "Songs each simulated listener rates", DefaultValueFactory = _ => 40 };
        var ratings = new Option<string?>("--ratings") { Description = "Real interaction log (CSV user,item,rating or user,item,plays) instead of simulated listeners" };
        var factors = new Option<int>("--als-factors") { Description = "ALS latent factors", DefaultValueFactory = _ => 8 };
        var lambda = new Option<double>("--als-lambda") { Description = "ALS L2 regularisation", DefaultValueFactory = _ => 10.0 };
        var hybridWeight = new Option<double>("--hybrid-content-weight") { Description = "Weight of the content part of the hybrid", DefaultValueFactory = _ => 2.0 };
        var languageWeight = new Option<double>("--language-weight") { Description = "Weight of the language-preference term of language-aware content", DefaultValueFactory = _ => 0.5 };
        var cmd = new Command("rec", "Recommendation: popularity, ALS, content (language-aware/blind) and hybrid on held-out ratings, cold-start songs and single-language listeners")
        {
            library, outDir, k, seed, repeats, users, perUser, ratings, factors, lambda, hybridWeight, languageWeight,
        };
        cmd.SetAction(p => CliRunner.Run(() =>
        {
            var o = new RecommendationStudyOptions(p.GetValue(outDir)!, p.GetValue(k), p.GetValue(seed), p.GetValue(repeats),
                new ListenerOptions(p.GetValue(users), p.GetValue(perUser)), Als: new AlsOptions(p.GetValue(factors), p.GetValue(lambda)),
                RatingsLog: p.GetValue(ratings), HybridContentWeight: p.GetValue(hybridWeight), LanguageWeight: p.GetValue(languageWeight)).Validate();
            var lib = SongLibrary.Load(p.GetValue(library)!);
            var r = RecommendationStudy.Run(lib, o, s => AnsiConsole.MarkupLine($"[grey]{Markup.Escape(s)}[/]"));
            foreach (var t in new[] { r.Metrics, r.Language })
            {
                var table = new Table().AddColumns(t.Columns.Select(c => Markup.Escape(c)).ToArray());
                foreach (var row in t.Rows) table.AddRow(row.Select(c => Markup.Escape(c is double d ? ExperimentCommand.F(d) : Experiments.TidyTable.Format(c))).ToArray());
                AnsiConsole.Write(table);
            }
            foreach (var n in r.Notes) AnsiConsole.MarkupLine($"[yellow]note:[/] {Markup.Escape(n)}");
            AnsiConsole.MarkupLine($"{r.Files.Count} files in [green]{Markup.Escape(o.OutDir)}[/], {r.Seconds:0.0} s");
            return 0;
        }));
        return cmd;
    }
}
