using System.CommandLine;
using System.Globalization;
using AudioAlchemy.Experiments;
using AudioAlchemy.Models;
using AudioAlchemy.Reporting;
using Spectre.Console;

namespace AudioAlchemy.Cli.Commands;

/// <summary><c>alchemy experiment run|sweep|synth</c>: the experiment engine on any feature table.</summary>
internal static class ExperimentCommand
{
    public static Command Create()
    {
        var cmd = new Command("experiment", "Cross-validate models on any feature table (CSV/Parquet)");
        cmd.Subcommands.Add(Run());
        cmd.Subcommands.Add(SweepVerb());
        cmd.Subcommands.Add(Synth());
        return cmd;
    }

    private sealed record TableOptions(Option<string> Table, Option<string> Label, Option<string?> Group, Option<string?> Id,
        Option<string?> Features, Option<string?> Exclude, Option<string> Cv, Option<int> Seed, Option<int> Jobs, Option<string> Out, Option<bool> NoPng, Option<string> Impute)
    {
        public static TableOptions Add(Command c)
        {
            var o = new TableOptions(
                new Option<string>("--table") { Description = "Feature table (.csv or .parquet)", Required = true },
                new Option<string>("--label") { Description = "Class-label column", Required = true },
                new Option<string?>("--group") { Description = "Group column (e.g. artist) for group:K / stratified-group:K" },
                new Option<string?>("--id") { Description = "Row-id column" },
                new Option<string?>("--features") { Description = "Comma-separated feature columns (default: every numeric column but label/group/id)" },
                new Option<string?>("--exclude") { Description = "Comma-separated columns never used as features" },
                new Option<string>("--cv") { Description = "stratified:K[:shuffle:SEED] | stratified:K:repeats:R[:seed:S] (RepeatedStratifiedKFold, random_state = --seed) | group:K | stratified-group:K | loo", DefaultValueFactory = _ => "stratified:5" },
                new Option<int>("--seed") { Description = "Seed of models and shuffles", DefaultValueFactory = _ => 0 },
                new Option<int>("--jobs") { Description = "Folds/configurations run in parallel", DefaultValueFactory = _ => Environment.ProcessorCount },
                new Option<string>("--out") { Description = "Results folder", DefaultValueFactory = _ => Path.Combine("results", "experiment") },
                new Option<bool>("--no-png") { Description = "Skip PNG rendering of charts" },
                ImputeOption.Create());
            foreach (var opt in new Option[] { o.Table, o.Label, o.Group, o.Id, o.Features, o.Exclude, o.Cv, o.Seed, o.Jobs, o.Out, o.NoPng, o.Impute }) c.Options.Add(opt);
            return o;
        }

        public Dataset Load(ParseResult p)
        {
            var sel = new ColumnSelection(p.GetValue(Label)!, p.GetValue(Group), p.GetValue(Id), List(p.GetValue(Features)), List(p.GetValue(Exclude)));
            var df = ImputeOption.Load(p.GetValue(Table)!, p.GetValue(Impute)!,
                [sel.Label, .. new[] { sel.Group, sel.Id }.OfType<string>(), .. sel.Exclude ?? []]);
            var data = DatasetBuilder.Build(df, sel);
            AnsiConsole.MarkupLine($"{data.Count} rows, {data.FeatureCount} features, {data.Labels.Distinct().Count()} classes of '{Markup.Escape(sel.Label)}'");
            AnsiConsole.MarkupLine($"feature columns: {Markup.Escape(string.Join(", ", data.FeatureNames))}");
            foreach (var w in FeatureAudit.Check(data)) AnsiConsole.MarkupLine($"[yellow]warning:[/] {Markup.Escape(w.Message)}");
            return data;
        }

        private static string[]? List(string? s) => s is null ? null : s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static Command Run()
    {
        var cmd = new Command("run", "Cross-validate one or more models and write summary, per-class, confusion CSVs and charts");
        var t = TableOptions.Add(cmd);
        var models = new Option<string>("--models") { Description = "Comma-separated models, e.g. logreg,rf(n_estimators=300),svc(C=1,gamma=scale),linearsvc,fastforest,knn(n_neighbors=3,p=1),svm,lightgbm", DefaultValueFactory = _ => "logreg,rf,svc,linearsvc,lightgbm,knn" };
        cmd.Options.Add(models);
        cmd.SetAction(p => CliRunner.Run(() =>
        {
            var data = t.Load(p);
            var splitter = SplitterParser.Parse(p.GetValue(t.Cv)!, p.GetValue(t.Seed));
            var o = new CvOptions(p.GetValue(t.Seed), Degree: Math.Max(1, p.GetValue(t.Jobs)));
            var w = new ResultsWriter(p.GetValue(t.Out)!, !p.GetValue(t.NoPng));
            var summary = MetricTables.Summary("cv", "model");
            var perClass = MetricTables.PerClass("cv", "model");
            var confusion = MetricTables.Confusion("cv", "model");
            var table = new Table().AddColumns("model", "accuracy", "macro precision", "macro recall", "macro F1", "AUC (OvR)", "seconds");
            foreach (var spec in SplitModels(p.GetValue(models)!).Select(ModelSpec.Parse))
            {
                var sw = System.Diagnostics.Stopwatch.StartNew();
                var r = CrossValidation.Run(data, spec, splitter, o);
                string name = spec.ToString();
                MetricTables.AddSummary(summary, r, splitter.Name, name);
                var pooled = r.Pooled;
                MetricTables.AddPerClass(perClass, pooled, r.Classes, splitter.Name, name);
                MetricTables.AddConfusion(confusion, pooled, r.Classes, splitter.Name, name);
                string slug = Slug(name);
                w.Chart($"confusion_{slug}", ExperimentCharts.ConfusionMatrix(pooled.Confusion, r.Classes, $"{name}, {splitter.Name} (out-of-fold)"), 800, 700);
                var roc = r.Roc();
                w.Chart($"roc_{slug}", ExperimentCharts.Roc(roc, r.Classes, $"{name}, {splitter.Name} (out-of-fold ROC)"));
                var row = summary.Rows[^1];
                table.AddRow(Markup.Escape(name), Pm(row, 2), Pm(row, 4), Pm(row, 6), Pm(row, 8), F((double)row[10]!), F(sw.Elapsed.TotalSeconds));
            }
            w.Table("summary", summary);
            w.Table("per_class", perClass);
            w.Table("confusion", confusion);
            AnsiConsole.Write(table);
            Report(w);
            return 0;
        }));
        return cmd;
    }

    private static Command SweepVerb()
    {
        var cmd = new Command("sweep", "Grid or random search of one model kind with cross-validation (loo = LOOCV), best configuration refit report, learning curve");
        var t = TableOptions.Add(cmd);
        var model = new Option<string>("--model") { Description = "Model kind: " + string.Join(", ", ModelFactory.Kinds), Required = true };
        var grid = new Option<string>("--grid") { Description = "Grid, e.g. \"n_neighbors=1|3|5;p=1|2;weights=uniform|distance\"", Required = true };
        var random = new Option<int>("--random") { Description = "Random search: number of configurations drawn (0 = full grid)", DefaultValueFactory = _ => 0 };
        var scoring = new Option<string>("--scoring") { Description = "accuracy | f1_macro", DefaultValueFactory = _ => "accuracy" };
        var x = new Option<string?>("--x") { Description = "Parameter on the sweep chart's x axis" };
        foreach (var o in new Option[] { model, grid, random, scoring, x }) cmd.Options.Add(o);
        cmd.SetAction(p => CliRunner.Run(() =>
        {
            var data = t.Load(p);
            var splitter = SplitterParser.Parse(p.GetValue(t.Cv)!, p.GetValue(t.Seed));
            var g = ParameterGrid.Parse(p.GetValue(grid)!);
            int n = p.GetValue(random);
            var configs = n > 0 ? g.Sample(n, p.GetValue(t.Seed)) : g.All();
            var sc = ScoringExtensions.Parse(p.GetValue(scoring)!);
            var o = new CvOptions(p.GetValue(t.Seed), Degree: Math.Max(1, p.GetValue(t.Jobs)));
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var result = AudioAlchemy.Experiments.Sweep.Run(data, p.GetValue(model)!.ToLowerInvariant(), configs, splitter, sc, o);
            var w = new ResultsWriter(p.GetValue(t.Out)!, !p.GetValue(t.NoPng));
            w.Table("sweep", result.ToTable());
            w.Chart("sweep", ExperimentCharts.Sweep(result, $"{p.GetValue(model)} sweep, {splitter.Name}", p.GetValue(x)));
            var lcSplit = splitter is LeaveOneOut ? new StratifiedKFold(5, true, p.GetValue(t.Seed)) : splitter;
            var lc = LearningCurve.Run(data, result.Best.Model, lcSplit, sc, null, o);
            w.Table("learning_curve", LearningCurve.ToTable(lc, result.Best.Model.ToString()));
            w.Chart("learning_curve", ExperimentCharts.LearningCurve(lc, $"{result.Best.Model} learning curve ({lcSplit.Name})", sc.Name()));
            var table = new Table().AddColumns("rank", "configuration", sc.Name() + " mean ± std");
            foreach (var r in result.Rows.OrderBy(r => r.Rank).Take(15)) table.AddRow(r.Rank.ToString(CultureInfo.InvariantCulture), Markup.Escape(r.Model.ToString()), $"{F(r.Mean)} ± {F(r.Std)}");
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"best: [green]{Markup.Escape(result.Best.Model.ToString())}[/] ({configs.Count} configurations in {sw.Elapsed.TotalSeconds:0.0} s)");
            Report(w);
            return 0;
        }));
        return cmd;
    }

    private static Command Synth()
    {
        var cmd = new Command("synth", "Write a seeded synthetic feature table (tracks × track_type 0/1/2; genre, language, artist) for trying the engine");
        var outPath = new Option<string>("--out") { Description = "Output .csv or .parquet", Required = true };
        var tracks = new Option<int>("--tracks") { Description = "Tracks (rows = 3 × tracks)", DefaultValueFactory = _ => 200 };
        var artists = new Option<int>("--artists") { Description = "Artists", DefaultValueFactory = _ => 30 };
        var frames = new Option<string?>("--frames") { Description = "Also write a frame-level MFCC table here" };
        var nFrames = new Option<int>("--frames-per-track") { Description = "Frames per track and type", DefaultValueFactory = _ => 40 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated table", DefaultValueFactory = _ => 0 };
        var separation = new Option<double>("--separation") { Description = "Class-mean spread relative to unit noise", DefaultValueFactory = _ => 0.6 };
        foreach (var o in new Option[] { outPath, tracks, artists, frames, nFrames, seed, separation }) cmd.Options.Add(o);
        cmd.SetAction(p => CliRunner.Run(() =>
        {
            var (table, fr) = SyntheticFeatures.WithFrames(p.GetValue(tracks), p.GetValue(artists), p.GetValue(seed), p.GetValue(frames) is null ? 0 : p.GetValue(nFrames), p.GetValue(separation));
            TableWriter.Save(table, p.GetValue(outPath)!);
            AnsiConsole.MarkupLine($"wrote [green]{Markup.Escape(p.GetValue(outPath)!)}[/] ({table.Rows.Count} rows)");
            if (p.GetValue(frames) is { } f)
            {
                TableWriter.Save(fr, f);
                AnsiConsole.MarkupLine($"wrote [green]{Markup.Escape(f)}[/] ({fr.Rows.Count} frame rows)");
            }
            return 0;
        }));
        return cmd;
    }

    /// <summary>Splits "a,b(x=1,y=2),c" at top-level commas.</summary>
    internal static IEnumerable<string> SplitModels(string text)
    {
        int depth = 0, start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || (text[i] == ',' && depth == 0))
            {
                var s = text[start..i].Trim();
                if (s.Length > 0) yield return s;
                start = i + 1;
            }
            else if (text[i] == '(') depth++;
            else if (text[i] == ')') depth--;
        }
    }

    internal static void Report(ResultsWriter w)
    {
        foreach (var n in w.Notes) AnsiConsole.MarkupLine($"[yellow]note:[/] {Markup.Escape(n)}");
        AnsiConsole.MarkupLine($"wrote {w.Files.Count} files into [green]{Markup.Escape(w.Folder)}[/]");
    }

    internal static string F(double v) => double.IsFinite(v) ? v.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";

    private static string Pm(object?[] row, int j) => $"{F((double)row[j]!)} ± {F((double)row[j + 1]!)}";

    private static string Slug(string s) => new(s.Select(ch => char.IsLetterOrDigit(ch) ? ch : '_').ToArray());
}
