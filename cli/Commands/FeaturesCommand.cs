using System.CommandLine;
using AudioAlchemy.Features;
using AudioAlchemy.Features.Batch;
using Spectre.Console;

namespace AudioAlchemy.Cli.Commands;

/// <summary>
/// <c>alchemy features MANIFEST --out results/features.parquet [--duration S] [--cache DIR] [--no-cache] [--jobs N]
/// [--sr N --n-fft N --hop N --n-mels N --fmin F --fmax F --n-mfcc N]</c>: Table-1 summary of every (track, track_type).
/// </summary>
internal static class FeaturesCommand
{
    public static Command Create()
    {
        var manifest = new Argument<string>("manifest") { Description = "Corpus manifest (CSV or JSON, docs/corpus.md): id, path and optional track_type, genre, language, artist, vocals_path, accompaniment_path" };
        var output = new Option<string>("--out") { Description = "Output table (.parquet or .csv)", DefaultValueFactory = _ => "results/features.parquet" }.Extensions(".parquet", ".csv");
        var duration = new Option<double?>("--duration") { Description = "Analyse only the first S seconds of each file" };
        var cache = new Option<string>("--cache") { Description = "Cache folder (one JSON per file content + parameters)", DefaultValueFactory = _ => "data/cache/features" };
        var noCache = new Option<bool>("--no-cache") { Description = "Neither read nor write the cache" };
        var jobs = new Option<int?>("--jobs") { Description = "Files processed in parallel (default: all cores)" };
        var sr = new Option<int>("--sr") { Description = "Sample rate to load at", DefaultValueFactory = _ => Dsp.Defaults.SampleRate };
        var nFft = new Option<int>("--n-fft") { Description = "FFT size / frame length", DefaultValueFactory = _ => Dsp.Defaults.NFft };
        var hop = new Option<int>("--hop") { Description = "Hop length", DefaultValueFactory = _ => Dsp.Defaults.HopLength };
        var nMels = new Option<int>("--n-mels") { Description = "Mel bands", DefaultValueFactory = _ => Dsp.Defaults.NMels };
        var fmin = new Option<double>("--fmin") { Description = "Lowest mel frequency", DefaultValueFactory = _ => 0.0 };
        var fmax = new Option<double?>("--fmax") { Description = "Highest mel frequency (default sr/2)" };
        var nMfcc = new Option<int>("--n-mfcc") { Description = "MFCC coefficients", DefaultValueFactory = _ => Dsp.Defaults.NMfcc };
        var cmd = new Command("features", "Table-1 features (pyin f0, top-energy bins, key, ZCR, MFCC mean/std, tempo, RMS, moments) for every file of a manifest, in parallel, cached")
        {
            manifest, output, duration, cache, noCache, jobs, sr, nFft, hop, nMels, fmin, fmax, nMfcc,
        };
        cmd.SetAction(parse => CliRunner.Run(() =>
        {
            IFeatureManifest m = CorpusManifestAdapter.Load(parse.GetValue(manifest)!);
            foreach (var p in m.Problems) AnsiConsole.MarkupLine($"[yellow]skipped manifest {Markup.Escape(p)}[/]");
            var t1 = new Table1Options(parse.GetValue(sr), parse.GetValue(nFft), parse.GetValue(hop), parse.GetValue(nMels), parse.GetValue(fmin),
                parse.GetValue(fmax), parse.GetValue(nMfcc)).Validate();
            var options = new FeatureBatchOptions(t1, parse.GetValue(noCache) ? null : parse.GetValue(cache), parse.GetValue(duration), parse.GetValue(jobs));
            IReadOnlyList<FeatureResult> results = [];
            IReadOnlyList<FeatureFailure> failures = [];
            var warnings = new System.Collections.Concurrent.ConcurrentQueue<string>();
            var sw = System.Diagnostics.Stopwatch.StartNew();
            AnsiConsole.Progress().AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask($"{m.Jobs.Count} signals", maxValue: Math.Max(1, m.Jobs.Count));
                    (results, failures) = FeatureBatch.Run(m.Jobs, options, (_, _) => task.Increment(1), warning: warnings.Enqueue);
                    task.Value = task.MaxValue;
                });
            foreach (var w in warnings) AnsiConsole.MarkupLine($"[yellow]warning:[/] {Markup.Escape(w)}");
            string outPath = parse.GetValue(output)!;
            // Always written, even with no rows (header only): an older table under this name must not pass for this run's.
            FeatureTable.Save(results, outPath, t1.NMfcc);
            int cached = results.Count(r => r.FromCache);
            AnsiConsole.MarkupLine($"{results.Count} rows ({cached} from cache) in {sw.Elapsed.TotalSeconds:0.0} s → [green]{Markup.Escape(outPath)}[/]");
            if (failures.Count > 0)
            {
                AnsiConsole.MarkupLine($"[red]{failures.Count} file(s) skipped:[/]");
                foreach (var f in failures) AnsiConsole.MarkupLine($"  [red]{Markup.Escape(f.Job.Label)}[/]: {Markup.Escape(f.Error)}");
            }
            if (results.Count == 0)
            {
                AnsiConsole.MarkupLine($"[red]error:[/] no rows: {(m.Jobs.Count == 0 ? "the manifest lists no usable file" : "every file failed")}; {Markup.Escape(outPath)} holds only the header");
                return ExitCodes.Failed;
            }
            return ExitCodes.ForBatch(results.Count, failures.Count + m.Problems.Count, m.Jobs.Count);
        }));
        return cmd;
    }
}
