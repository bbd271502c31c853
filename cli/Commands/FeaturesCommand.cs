using System.CommandLine;
using AudioAlchemy.Corpus.Batch;
using AudioAlchemy.Features;
using AudioAlchemy.Sharding;
using Spectre.Console;

namespace AudioAlchemy.Cli.Commands;

/// <summary>
/// <c>alchemy features MANIFEST --out results/features.parquet [--duration S] [--cache DIR] [--no-cache] [--jobs N]
/// [--sr N --n-fft N --hop-length N --n-mels N --fmin F --fmax F --n-mfcc N] [--shard K/N|auto]</c>: Table-1 summary of every (track, track_type).
/// </summary>
internal static class FeaturesCommand
{
    public static Command Create()
    {
        var manifest = new Argument<string>("manifest") { Description = "Corpus manifest (CSV or JSON, docs/corpus.md): id, path and optional track_type, genre, language, artist, vocals_path, accompaniment_path" };
        var output = new Option<string>("--out") { Description = "Output table (.parquet or .csv)", DefaultValueFactory = _ => "results/features.parquet" }.Extensions(".parquet", ".csv");
        var duration = new Option<double?>("--duration") { Description = "Analyse only the first S seconds of each file" };
        var cache = CacheOption.Create(FeatureCache.Stage);
        var noCache = new Option<bool>("--no-cache") { Description = "Neither read nor write the cache" };
        var jobs = new Option<int?>("--jobs") { Description = "Files processed in parallel (default: all cores)" };
        var sr = new Option<int>("--sr") { Description = "Sample rate to load at", DefaultValueFactory = _ => Dsp.Defaults.SampleRate };
        var nFft = new Option<int>("--n-fft") { Description = "FFT size / frame length", DefaultValueFactory = _ => Dsp.Defaults.NFft };
        var hop = new Option<int>("--hop-length") { Description = "Hop length", DefaultValueFactory = _ => Dsp.Defaults.HopLength };
        var nMels = new Option<int>("--n-mels") { Description = "Mel bands", DefaultValueFactory = _ => Dsp.Defaults.NMels };
        var fmin = new Option<double>("--fmin") { Description = "Lowest mel frequency", DefaultValueFactory = _ => 0.0 };
        var fmax = new Option<double?>("--fmax") { Description = "Highest mel frequency (default sr/2)" };
        var nMfcc = new Option<int>("--n-mfcc") { Description = "MFCC coefficients", DefaultValueFactory = _ => Dsp.Defaults.NMfcc };
        var shard = new ShardOption();
        var cmd = new Command("features", "Table-1 features (pyin f0, top-energy bins, key, ZCR, MFCC mean/std, tempo, RMS, moments) for every file of a manifest, in parallel, cached")
        {
            manifest, output, duration, cache, noCache, jobs, sr, nFft, hop, nMels, fmin, fmax, nMfcc,
        };
        shard.AddTo(cmd);
        cmd.SetAction(parse => CliRunner.Run(() =>
        {
            var spec = shard.Resolve(parse);
            string manifestPath = parse.GetValue(manifest)!;
            IFeatureManifest m = CorpusManifestAdapter.Load(manifestPath);
            foreach (var p in m.Problems) AnsiConsole.MarkupLine($"[yellow]skipped manifest {Markup.Escape(p)}[/]");
            var t1 = new Table1Options(parse.GetValue(sr), parse.GetValue(nFft), parse.GetValue(hop), parse.GetValue(nMels), parse.GetValue(fmin),
                parse.GetValue(fmax), parse.GetValue(nMfcc)).Validate();
            var options = new FeatureBatchOptions(t1, parse.GetValue(noCache) ? null : parse.GetValue(cache), parse.GetValue(duration), parse.GetValue(jobs));
            var selection = ShardSelection<FeatureJob>.Of(m.Jobs, j => j.TrackId, spec);
            IReadOnlyList<FeatureResult> results = [];
            IReadOnlyList<FeatureFailure> failures = [];
            var warnings = new System.Collections.Concurrent.ConcurrentQueue<string>();
            var sw = System.Diagnostics.Stopwatch.StartNew();
            AnsiConsole.Progress().AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask($"{selection.Items.Count} signals", maxValue: Math.Max(1, selection.Items.Count));
                    (results, failures) = FeatureBatch.Run(selection.Items, options, (_, _) => task.Increment(1), warning: warnings.Enqueue);
                    task.Value = task.MaxValue;
                });
            foreach (var w in warnings) AnsiConsole.MarkupLine($"[yellow]warning:[/] {Markup.Escape(w)}");
            string outPath = parse.GetValue(output)!;
            if (spec is not null)
            {
                string parameters = FormattableString.Invariant($"stage=features;manifest={PartWriter.FileHash(manifestPath)};{t1.CacheKey};duration={options.Duration?.ToString("R") ?? "all"}");
                string json = PartWriter.Write(PartWriter.PartsFolder(outPath), spec, Path.GetExtension(outPath).ToLowerInvariant(), "features", parameters,
                    ["track_id", "track_type"], selection.InputItems, selection.Items.Count, results.Select(r => selection.PositionOf(r.Job)).ToList(),
                    (spec.Index == 0 ? m.Problems.Select(p => new PartSkip("manifest", p)) : [])
                        .Concat(failures.Select(f => new PartSkip(f.Job.Label, f.Error))).ToList(), path => FeatureTable.Save(results, path, t1.NMfcc));
                ShardOption.Report(spec, selection.Items.Count, selection.InputItems, json);
                outPath = Path.ChangeExtension(json, Path.GetExtension(outPath));
            }
            // Always written, even with no rows (header only): an older table under this name must not pass for this run's.
            else FeatureTable.Save(results, outPath, t1.NMfcc);
            int cached = results.Count(r => r.FromCache);
            AnsiConsole.MarkupLine($"{results.Count} rows ({cached} from cache) in {sw.Elapsed.TotalSeconds:0.0} s → [green]{Markup.Escape(outPath)}[/]");
            if (failures.Count > 0)
            {
                AnsiConsole.MarkupLine($"[red]{failures.Count} file(s) skipped:[/]");
                foreach (var f in failures) AnsiConsole.MarkupLine($"  [red]{Markup.Escape(f.Job.Label)}[/]: {Markup.Escape(f.Error)}");
            }
            if (results.Count == 0 && selection.Items.Count > 0)
            {
                AnsiConsole.MarkupLine($"[red]error:[/] no rows: every file failed; {Markup.Escape(outPath)} holds only the header");
                return ExitCodes.Failed;
            }
            if (results.Count == 0 && spec is null)
            {
                AnsiConsole.MarkupLine($"[red]error:[/] no rows: the manifest lists no usable file; {Markup.Escape(outPath)} holds only the header");
                return ExitCodes.Failed;
            }
            // A shard with no tracks of its own is a complete (empty) part: exit 0.
            return ExitCodes.ForBatch(results.Count, failures.Count + (spec is null || spec.Index == 0 ? m.Problems.Count : 0), selection.Items.Count);
        }));
        return cmd;
    }
}
