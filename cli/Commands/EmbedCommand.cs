using System.CommandLine;
using AudioAlchemy.Corpus.Batch;
using AudioAlchemy.Recommendation;
using AudioAlchemy.Sharding;
using Spectre.Console;

namespace AudioAlchemy.Cli.Commands;

/// <summary>
/// <c>alchemy embed MANIFEST --out TABLE [--model DIR] [--language-model DIR [--language-separator learned]] [--cache DIR] [--duration S] [--jobs N] [--shard K/N|auto]</c>:
/// one song-embedding row per full mix (CNN penultimate layer + probabilities, standardised Table-1 features).
/// </summary>
internal static class EmbedCommand
{
    public static Command Create()
    {
        var manifest = new Argument<string>("manifest") { Description = "Corpus manifest (CSV or JSON): id, path and optional title, artist, genre, language" };
        var output = new Option<string>("--out") { Description = "Output table (.parquet or .csv)", DefaultValueFactory = _ => "results/embeddings.parquet" };
        var model = new Option<string?>("--model") { Description = "Genre CNN model folder (model.bin + model.json from `study cnn`); omit for Table-1 features only" };
        var language = new Option<string?>("--language-model") { Description = "Sung-language CNN model folder" };
        var languageSeparator = new Option<string?>("--language-separator") { Description = "Feed the language CNN the vocals of this separator (best, learned, repet-sim), for a model trained on separated vocals; default: the full mix" };
        var cache = CacheOption.Create(FeatureCache.Stage, SongEmbedder.EmbeddingStage);
        var noCache = new Option<bool>("--no-cache") { Description = "Neither read nor write the cache" };
        var duration = new Option<double?>("--duration") { Description = "Analyse only the first S seconds of each file" };
        var jobs = new Option<int?>("--jobs") { Description = "Files analysed in parallel for the Table-1 features (default: all cores)" };
        var cmd = new Command("embed", "Song embeddings of a manifest (genre/language CNN penultimate layer and probabilities, standardised Table-1 features) as a cached table")
        {
            manifest, output, model, language, languageSeparator, cache, noCache, duration, jobs,
        };
        var shard = new ShardOption();
        shard.AddTo(cmd);
        cmd.SetAction(parse => CliRunner.Run(() =>
        {
            var spec = shard.Resolve(parse);
            var o = new EmbedOptions(parse.GetValue(model), parse.GetValue(language), parse.GetValue(noCache) ? null : parse.GetValue(cache),
                parse.GetValue(duration), parse.GetValue(jobs), LanguageSeparator: parse.GetValue(languageSeparator)).Validate();
            string outPath = parse.GetValue(output)!;
            var sw = System.Diagnostics.Stopwatch.StartNew();
            EmbedResult r = null!;
            int done = 0;
            AnsiConsole.Progress().AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(ctx =>
                {
                    var features = ctx.AddTask("Table-1 features", maxValue: 1);
                    var cnn = o.GenreModel is null && o.LanguageModel is null ? null : ctx.AddTask("CNN embeddings", maxValue: 1);
                    r = SongEmbedder.Run(parse.GetValue(manifest)!, outPath, o,
                        log: _ => { if (cnn is null) return; cnn.MaxValue = Math.Max(cnn.MaxValue, ++done); cnn.Value = done; },
                        progress: () => { features.MaxValue = Math.Max(features.MaxValue, features.Value + 1); features.Increment(1); }, shard: spec);
                    features.Value = features.MaxValue;
                    if (cnn is not null) cnn.Value = cnn.MaxValue;
                });
            if (spec is not null) ShardOption.Report(spec, r.Rows, r.InputSongs, Path.ChangeExtension(r.Table, ".json"));
            AnsiConsole.MarkupLine($"{r.Rows} songs x {r.Columns} columns ({r.FromCache} CNN outputs from cache) in {sw.Elapsed.TotalSeconds:0.0} s → [green]{Markup.Escape(r.Table)}[/]");
            if (r.Skipped.Count > 0)
            {
                AnsiConsole.MarkupLine($"[red]{r.Skipped.Count} song(s) skipped:[/]");
                foreach (var s in r.Skipped) AnsiConsole.MarkupLine($"  [red]{Markup.Escape(s)}[/]");
            }
            return r.Skipped.Count > 0 ? 1 : 0;
        }));
        return cmd;
    }
}
