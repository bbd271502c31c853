using System.CommandLine;
using AudioAlchemy.Corpus;
using AudioAlchemy.Corpus.Frames;
using AudioAlchemy.Corpus.Batch;
using AudioAlchemy.Features.Frames;
using Spectre.Console;

namespace AudioAlchemy.Cli.Commands;

/// <summary>
/// <c>alchemy frames MANIFEST --out results/frames.parquet [--vad pyin|energy|none] [--sdc 7-1-3-7|none] [--delta-order N]
/// [--sr N --n-fft N --hop-length N --n-mels N --n-mfcc N --fmin F --fmax F] [--no-cmvn] [--track-type T] [--jobs N]</c>:
/// the frame table (track_id, track_type, frame, f_0..) of every (track, track_type) of a manifest.
/// </summary>
internal static class FramesCommand
{
    public static Command Create()
    {
        var d = new FrameFeatureOptions();
        var manifest = new Argument<string>("manifest") { Description = "Corpus or ablation manifest (CSV/JSON): id, path, optional track_type, vocals_path, accompaniment_path" };
        var output = new Option<string>("--out") { Description = "Output frame table (.parquet or .csv)", DefaultValueFactory = _ => "results/frames.parquet" };
        var duration = new Option<double?>("--duration") { Description = "Analyse only the first S seconds of each file" };
        var cache = new Option<string>("--cache") { Description = "Cache folder (one .npy per file content + parameters)", DefaultValueFactory = _ => "data/cache/frames" };
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
        var cmd = new Command("frames", "Frame-level MFCC + delta + SDC features (voice-activity gated, CMVN) of every file of a manifest → Parquet frame table, parallel, cached")
        {
            manifest, output, duration, cache, noCache, jobs, trackType, sr, nFft, hop, nMels, nMfcc, fmin, fmax, deltaOrder, sdc, vad, noCmvn,
        };
        cmd.SetAction(parse => CliRunner.Run(() =>
        {
            var fo = new FrameFeatureOptions(parse.GetValue(sr), parse.GetValue(nMfcc), parse.GetValue(nFft), parse.GetValue(hop), parse.GetValue(nMels),
                parse.GetValue(fmin), parse.GetValue(fmax), parse.GetValue(deltaOrder), Sdc: parse.GetValue(sdc)!, Vad: parse.GetValue(vad),
                Cmvn: !parse.GetValue(noCmvn)).Validate();
            var options = new FrameBatchOptions(fo, parse.GetValue(noCache) ? null : parse.GetValue(cache), parse.GetValue(duration), parse.GetValue(jobs)).Validate();
            string outPath = parse.GetValue(output)!;
            if (Path.GetExtension(outPath).ToLowerInvariant() is not (".csv" or ".parquet"))
                throw new AlchemyException($"--out {outPath}: use a .parquet or .csv file name");
            IFeatureManifest m = CorpusManifestAdapter.Load(parse.GetValue(manifest)!);
            foreach (var p in m.Problems) AnsiConsole.MarkupLine($"[yellow]skipped manifest {Markup.Escape(p)}[/]");
            var jobList = m.Jobs.ToList();
            if (parse.GetValue(trackType) is { } tt)
            {
                int code = TrackTypes.Parse(tt).Code();
                jobList = jobList.Where(j => j.TrackType == code).ToList();
            }
            FrameBatchResult r = null!;
            AnsiConsole.Progress().AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask($"{jobList.Count} signals", maxValue: Math.Max(1, jobList.Count));
                    r = FrameBatch.Run(jobList, options, (_, _) => task.Increment(1));
                    task.Value = task.MaxValue;
                });
            long rows = r.WithFrames.Any() ? FrameTableFile.Save(r.Results, outPath) : 0;
            int cached = r.Results.Count(x => x.FromCache);
            AnsiConsole.MarkupLine($"{r.Results.Count} signals ({cached} from cache), {rows} frames x {fo.Dimension} values in {r.Seconds:0.0} s" +
                (r.AudioSeconds > 0 ? $"; computed {r.AudioSeconds:0} s of audio = {r.AudioSeconds / fo.FramePeriod / r.Seconds:0} frames/s, {r.Results.Count(x => !x.FromCache) / r.Seconds:0.00} files/s" : "") +
                (rows > 0 ? $" → [green]{Markup.Escape(outPath)}[/]" : ""));
            foreach (var e in r.Empty) AnsiConsole.MarkupLine($"[yellow]no frames[/] {Markup.Escape(e.Job.Label)}: {Markup.Escape(e.Features.Note ?? "")}");
            if (r.Failures.Count > 0)
            {
                AnsiConsole.MarkupLine($"[red]{r.Failures.Count} file(s) skipped:[/]");
                foreach (var f in r.Failures) AnsiConsole.MarkupLine($"  [red]{Markup.Escape(f.Job.Label)}[/]: {Markup.Escape(f.Error)}");
            }
            return rows == 0 && jobList.Count > 0 ? 1 : r.Failures.Count > 0 || r.Empty.Any() ? 2 : 0;
        }));
        return cmd;
    }
}
