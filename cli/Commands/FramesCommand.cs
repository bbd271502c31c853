using System.CommandLine;
using AudioAlchemy.Corpus;
using AudioAlchemy.Corpus.Frames;
using AudioAlchemy.Corpus.Batch;
using AudioAlchemy.Features.Frames;
using AudioAlchemy.Sharding;
using Spectre.Console;

namespace AudioAlchemy.Cli.Commands;

/// <summary>
/// <c>alchemy frames MANIFEST --out results/frames.parquet [--vad pyin|energy|none] [--sdc 7-1-3-7|none] [--delta-order N]
/// [--sr N --n-fft N --hop-length N --n-mels N --n-mfcc N --fmin F --fmax F] [--no-cmvn] [--track-type T] [--jobs N] [--shard K/N|auto]</c>:
/// the frame table (track_id, track_type, frame, f_0..) of every (track, track_type) of a manifest. With <c>--shard</c>
/// a part (<c>PART-K-of-N</c> + JSON with each track's position and frame count) that <c>alchemy table merge</c> joins
/// into the single-process table.
/// </summary>
internal static class FramesCommand
{
    public static Command Create()
    {
        var d = new FrameFeatureOptions();
        var manifest = new Argument<string>("manifest") { Description = "Corpus or ablation manifest (CSV/JSON): id, path, optional track_type, vocals_path, accompaniment_path" };
        var output = new Option<string>("--out") { Description = "Output frame table (.parquet or .csv)", DefaultValueFactory = _ => "results/frames.parquet" }.Extensions(".parquet", ".csv");
        var duration = new Option<double?>("--duration") { Description = "Analyse only the first S seconds of each file" };
        var cache = CacheOption.Create(FrameCache.Stage);
        var noCache = new Option<bool>("--no-cache") { Description = "Neither read nor write the cache" };
        var jobs = new Option<int?>("--jobs") { Description = "Files processed in parallel (default: all cores)" };
        var trackType = new Option<string?>("--track-type") { Description = "Keep only this track type (0/1/2 or full/vocals/no_vocals)" };
        var sr = new Option<double>("--sr") { Description = "Analysis sample rate (mel bands span 0..sr/2)", DefaultValueFactory = _ => d.Sr };
        var nFft = new Option<int>("--n-fft") { Description = "FFT size", DefaultValueFactory = _ => d.NFft };
        var hop = new Option<int>("--hop-length") { Description = "Hop length in samples", DefaultValueFactory = _ => d.HopLength };
        var nMels = new Option<int>("--n-mels") { Description = "Mel bands", DefaultValueFactory = _ => d.NMels };
        var nMfcc = new Option<int>("--n-mfcc") { Description = "MFCCs per frame", DefaultValueFactory = _ => d.NMfcc };
        var fmin = new Option<double>("--fmin") { Description = "Lowest mel frequency", DefaultValueFactory = _ => d.Fmin };
        var fmax = new Option<double?>("--fmax") { Description = "Highest mel frequency (default sr/2)" };
        var deltaOrder = new Option<int>("--delta-order") { Description = "0 none, 1 delta, 2 delta + delta-delta", DefaultValueFactory = _ => d.DeltaOrder };
        var sdc = new Option<string>("--sdc") { Description = "Shifted-delta cepstra N-d-P-k, or none", DefaultValueFactory = _ => d.Sdc };
        var vad = new Option<VoiceActivityMode>("--vad") { Description = "Voice-activity gating: pyin (voiced frames), energy, none", DefaultValueFactory = _ => d.Vad };
        var noCmvn = new Option<bool>("--no-cmvn") { Description = "Skip per-track mean/variance normalisation" };
        var shard = new ShardOption();
        var cmd = new Command("frames", "Frame-level MFCC + delta + SDC features (voice-activity gated, CMVN) of every file of a manifest → Parquet frame table, parallel, cached")
        {
            manifest, output, duration, cache, noCache, jobs, trackType, sr, nFft, hop, nMels, nMfcc, fmin, fmax, deltaOrder, sdc, vad, noCmvn,
        };
        shard.AddTo(cmd);
        cmd.SetAction(parse => CliRunner.Run(() =>
        {
            var spec = shard.Resolve(parse);
            var fo = new FrameFeatureOptions(parse.GetValue(sr), parse.GetValue(nMfcc), parse.GetValue(nFft), parse.GetValue(hop), parse.GetValue(nMels),
                parse.GetValue(fmin), parse.GetValue(fmax), parse.GetValue(deltaOrder), Sdc: parse.GetValue(sdc)!, Vad: parse.GetValue(vad),
                Cmvn: !parse.GetValue(noCmvn)).Validate();
            var options = new FrameBatchOptions(fo, parse.GetValue(noCache) ? null : parse.GetValue(cache), parse.GetValue(duration), parse.GetValue(jobs)).Validate();
            string manifestPath = parse.GetValue(manifest)!, outPath = parse.GetValue(output)!;
            IFeatureManifest m = CorpusManifestAdapter.Load(manifestPath);
            foreach (var p in m.Problems) AnsiConsole.MarkupLine($"[yellow]skipped manifest {Markup.Escape(p)}[/]");
            var jobList = m.Jobs.ToList();
            int? typeCode = parse.GetValue(trackType) is { } tt ? TrackTypes.Parse(tt).Code() : null;
            if (typeCode is { } code) jobList = jobList.Where(j => j.TrackType == code).ToList();
            var selection = ShardSelection<FeatureJob>.Of(jobList, j => j.TrackId, spec);
            FrameBatchResult r = null!;
            AnsiConsole.Progress().AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask($"{selection.Items.Count} signals", maxValue: Math.Max(1, selection.Items.Count));
                    r = FrameBatch.Run(selection.Items, options, (_, _) => task.Increment(1));
                    task.Value = task.MaxValue;
                });
            int manifestSkips = spec is null || spec.Index == 0 ? m.Problems.Count : 0;
            long rows = 0;
            if (spec is not null)
            {
                string ext = Path.GetExtension(outPath).ToLowerInvariant();
                string types = typeCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all";
                string parameters = FormattableString.Invariant(
                    $"stage=frames;manifest={PartWriter.FileHash(manifestPath)};track_type={types};{fo.CacheKey};duration={options.Duration?.ToString("R") ?? "all"}");
                var skipped = (spec.Index == 0 ? m.Problems.Select(p => new PartSkip("manifest", p)) : [])
                    .Concat(r.Failures.Select(f => new PartSkip(f.Job.Label, f.Error)))
                    .Concat(r.Empty.Select(e => new PartSkip(e.Job.Label, "no frames: " + e.Features.Note))).ToList();
                (string json, rows) = FrameParts.Write(outPath, selection, r.Results, parameters, skipped, fo.Dimension);
                ShardOption.Report(spec, selection.Items.Count, selection.InputItems, json);
                outPath = Path.ChangeExtension(json, ext);
            }
            // Always written, even with no rows (header / schema only): an older table under this name must not pass for this run's.
            else rows = FrameTableFile.Save(r.Results, outPath, fo.Dimension);
            int cached = r.Results.Count(x => x.FromCache);
            AnsiConsole.MarkupLine($"{r.Results.Count} signals ({cached} from cache), {rows} frames x {fo.Dimension} values in {r.Seconds:0.0} s" +
                (r.AudioSeconds > 0 ? $"; computed {r.AudioSeconds:0} s of audio = {r.AudioSeconds / fo.FramePeriod / r.Seconds:0} frames/s, {r.Results.Count(x => !x.FromCache) / r.Seconds:0.00} files/s" : "") +
                $" → [green]{Markup.Escape(outPath)}[/]");
            foreach (var e in r.Empty) AnsiConsole.MarkupLine($"[yellow]no frames[/] {Markup.Escape(e.Job.Label)}: {Markup.Escape(e.Features.Note ?? "")}");
            if (r.Failures.Count > 0)
            {
                AnsiConsole.MarkupLine($"[red]{r.Failures.Count} file(s) skipped:[/]");
                foreach (var f in r.Failures) AnsiConsole.MarkupLine($"  [red]{Markup.Escape(f.Job.Label)}[/]: {Markup.Escape(f.Error)}");
            }
            if (rows == 0 && (selection.Items.Count > 0 || spec is null))
            {
                AnsiConsole.MarkupLine($"[red]error:[/] no frames: {(selection.Items.Count > 0 ? "no file gave voiced frames" : "the manifest lists no usable file")}; " +
                    $"{Markup.Escape(outPath)} holds only the header");
                return ExitCodes.Failed;
            }
            // A shard with no tracks of its own is a complete (empty) part: exit 0. A track with no frames counts as skipped.
            return ExitCodes.ForBatch(r.WithFrames.Count, r.Failures.Count + r.Empty.Count() + manifestSkips, selection.Items.Count);
        }));
        return cmd;
    }
}
