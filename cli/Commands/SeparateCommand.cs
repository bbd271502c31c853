using System.CommandLine;
using System.Diagnostics;
using AudioAlchemy.Audio;
using AudioAlchemy.Corpus;
using AudioAlchemy.Corpus.Batch;
using AudioAlchemy.Separation;
using AudioAlchemy.Sharding;
using Spectre.Console;

namespace AudioAlchemy.Cli.Commands;

/// <summary><c>alchemy separate run AUDIO --out DIR</c> (shorthand <c>alchemy separate AUDIO</c>), <c>separate eval MANIFEST</c>,
/// <c>separate sweep MANIFEST</c> and <c>separate train MANIFEST</c>.</summary>
internal static class SeparateCommand
{
    public static Command Create()
    {
        var cmd = new Command("separate", "Vocal separation: `run` splits one song (REPET-SIM, learned or Demucs; `alchemy separate AUDIO` is short for `separate run AUDIO`), `eval` scores a separator against true stems, `sweep` tunes REPET-SIM, `train` trains the learned one");
        cmd.Subcommands.Add(RunOne());
        cmd.Subcommands.Add(Eval());
        cmd.Subcommands.Add(Sweep());
        cmd.Subcommands.Add(SeparateTrainCommand.Create());
        return cmd;
    }

    private static Command RunOne()
    {
        var audio = new Argument<string>("audio") { Description = "Audio file to separate" };
        var outDir = new Option<string>("--out") { Description = "Folder for vocals.wav and no_vocals.wav", DefaultValueFactory = _ => "." };
        var sr = new Option<int>("--sr") { Description = "Sample rate to load and write at", DefaultValueFactory = _ => AudioFile.DefaultSampleRate };
        var sep = new SeparatorArguments();
        var cmd = new Command("run", "Split one song into vocals.wav and no_vocals.wav (REPET-SIM, learned, or Demucs when installed)") { audio, outDir, sr };
        sep.AddTo(cmd);
        cmd.SetAction(parse => CliRunner.Run(() =>
        {
            string path = parse.GetValue(audio)!, dir = parse.GetValue(outDir)!;
            int rate = parse.GetValue(sr);
            var separator = sep.Factory(parse, null)();
            using var owned = separator as IDisposable;
            var y = AudioFile.Load(path, sr: rate).Samples;
            var sw = Stopwatch.StartNew();
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            SeparationResult r = null!;
            if (separator is DemucsSeparator d) r = d.SeparateFile(path, rate);
            else if (separator is RepetSimSeparator repet)
                AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                    .Start(ctx =>
                    {
                        var task = ctx.AddTask($"separating {y.Length / (double)rate:0} s", maxValue: 1.0);
                        r = repet.Separate(y, rate, new Progress<double>(f => task.Value = Math.Max(task.Value, f)));
                        task.Value = 1.0;
                    });
            else r = separator.Separate(y, rate);
            double seconds = sw.Elapsed.TotalSeconds, cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
            Directory.CreateDirectory(dir);
            var format = new SaveOptions(AudioEncoding.Float32);
            AudioFile.Save(Path.Combine(dir, "vocals.wav"), r.Vocals, rate, format);
            AudioFile.Save(Path.Combine(dir, "no_vocals.wav"), r.Accompaniment, rate, format);
            double minutes = y.Length / (double)rate / 60;
            AnsiConsole.MarkupLine($"wrote [green]{Markup.Escape(Path.Combine(dir, "vocals.wav"))}[/] and [green]no_vocals.wav[/] " +
                $"({separator.Settings}; {seconds:0.00} s wall, {cpu:0.00} CPU-s in this process = {seconds / Math.Max(minutes, 1e-9):0.00} s wall / " +
                $"{cpu / Math.Max(minutes, 1e-9):0.00} CPU-s per audio-minute)");
            return 0;
        }));
        return cmd;
    }

    private static Command Eval()
    {
        var manifest = new Argument<string>("manifest") { Description = "Manifest with vocals_path and accompaniment_path (e.g. data/demo/manifest.csv)" };
        var results = new Option<string>("--out") { Description = "CSV to write (atomically)", DefaultValueFactory = _ => Path.Combine("results", "separation_eval.csv") };
        var limit = new Option<int?>("--limit") { Description = "Only the first N rows" };
        var jobs = new Option<int?>("--jobs") { Description = "Files in parallel (default: all cores; each separator then uses one core)" };
        var sr = new Option<int>("--sr") { Description = "Sample rate to evaluate at", DefaultValueFactory = _ => AudioFile.DefaultSampleRate };
        var quiet = new Option<bool>("--quiet") { Description = "Print only the summary, not the per-track table" };
        var sep = new SeparatorArguments();
        var shard = new ShardOption();
        var cmd = new Command("eval", "Score the separator against true stems: museval-v4 SDR and SI-SDR per track, medians, and the mixture/silence baselines") { manifest, results, limit, jobs, sr, quiet };
        sep.AddTo(cmd);
        shard.AddTo(cmd);
        cmd.SetAction(parse => CliRunner.Run(() =>
        {
            var spec = shard.Resolve(parse);
            string manifestPath = parse.GetValue(manifest)!;
            var all = Manifest.Load(manifestPath);
            var selection = ShardSelection<ManifestRow>.Of(all.Rows.Take(parse.GetValue(limit) ?? int.MaxValue).ToList(), r => r.Id, spec);
            var m = all.WithRows(selection.Items);
            int parallel = parse.GetValue(jobs) ?? Environment.ProcessorCount;
            var evaluator = new SeparationEvaluator(sep.Factory(parse, parallel > 1 ? 1 : null, withStems: true), parse.GetValue(sr), parallel);
            string settings = sep.Settings(parse, withStems: true);
            int n = m.Rows.Count;
            EvaluationRun run = null!;
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("tracks", maxValue: n);
                    run = evaluator.Evaluate(m, n, () => task.Increment(1));
                });
            if (!parse.GetValue(quiet))
            {
                var table = new Table().AddColumns("id", "voc SDR", "acc SDR", "voc SI-SDR", "acc SI-SDR", "mix voc SDR", "mix voc SI-SDR", "sep s");
                foreach (var t in run.Tracks)
                    table.AddRow(Markup.Escape(t.Id), D(t.Separator.VocalsSdr), D(t.Separator.AccompanimentSdr), D(t.Separator.VocalsSiSdr),
                        D(t.Separator.AccompanimentSiSdr), D(t.Mixture.VocalsSdr), D(t.Mixture.VocalsSiSdr), $"{t.SeparateSeconds:0.00}");
                AnsiConsole.Write(table);
            }
            string csv = parse.GetValue(results)!;
            if (spec is null) SeparationEvaluator.WriteCsv(csv, run.Tracks);
            else
            {
                var position = selection.Items.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => selection.PositionOf(g.First()));
                string parameters = FormattableString.Invariant($"stage=separate-eval;manifest={PartWriter.FileHash(manifestPath)};limit={parse.GetValue(limit)?.ToString() ?? "all"};sr={evaluator.SampleRate};separator={settings}");
                string json = PartWriter.Write(PartWriter.PartsFolder(csv), spec, ".csv", "separate-eval", parameters, ["id"], selection.InputItems, selection.Items.Count,
                    run.Tracks.Select(t => position[t.Id]).ToList(), run.Skipped.Select(s => new PartSkip($"row {s.Row} ({s.Id})", s.Reason)).ToList(),
                    path => SeparationEvaluator.WriteCsv(path, run.Tracks));
                ShardOption.Report(spec, selection.Items.Count, selection.InputItems, json);
                csv = Path.ChangeExtension(json, ".csv");
            }
            var summary = new Table().Title($"median over {run.Tracks.Count} tracks (dB)").AddColumns("estimate", "vocals SDR", "accomp. SDR", "vocals SI-SDR", "accomp. SI-SDR");
            foreach (var (name, pick) in new (string, Func<TrackEvaluation, StemScores>)[] { ("separator", t => t.Separator), ("mixture as estimate", t => t.Mixture), ("silence", t => t.Silence) })
            {
                var s = run.Tracks.Select(pick).ToList();
                summary.AddRow(name, D(Median(s.Select(x => x.VocalsSdr))), D(Median(s.Select(x => x.AccompanimentSdr))),
                    D(Median(s.Select(x => x.VocalsSiSdr))), D(Median(s.Select(x => x.AccompanimentSiSdr))));
            }
            AnsiConsole.Write(summary);
            double audioMin = run.Tracks.Sum(t => t.AudioSeconds) / 60, sepSec = run.Tracks.Sum(t => t.SeparateSeconds);
            AnsiConsole.MarkupLine($"separator: {Markup.Escape(settings)}");
            AnsiConsole.MarkupLine($"speed: {sepSec / Math.Max(audioMin, 1e-9):0.00} s of separation per audio-minute per worker ({parallel} workers); " +
                $"whole run {run.WallSeconds:0.0} s wall, {run.CpuSeconds:0.0} CPU-s for {audioMin:0.0} audio-minutes (incl. loading and scoring) = " +
                $"{run.WallSeconds / Math.Max(audioMin, 1e-9):0.00} s wall / {run.CpuSeconds / Math.Max(audioMin, 1e-9):0.00} CPU-s per audio-minute");
            AnsiConsole.MarkupLine("silence baseline: all-zero estimates scored by the SDR formula (0 dB in every window; museval itself refuses silent estimates); its SI-SDR is −∞.");
            foreach (var s in run.Skipped) AnsiConsole.MarkupLine($"[yellow]skipped[/] row {s.Row} ({Markup.Escape(s.Id)}): {Markup.Escape(s.Reason)}");
            AnsiConsole.MarkupLine($"wrote [green]{Markup.Escape(csv)}[/]");
            return ExitCodes.ForBatch(run.Tracks.Count, run.Skipped.Count, n);
        }));
        return cmd;
    }

    private static Command Sweep()
    {
        var manifest = new Argument<string>("manifest") { Description = "Manifest with true stems" };
        var stride = new Option<int>("--stride") { Description = "Use every N-th row", DefaultValueFactory = _ => 5 };
        var limit = new Option<int?>("--limit") { Description = "At most N rows" };
        var jobs = new Option<int?>("--jobs") { Description = "Files in parallel (default: all cores)" };
        var margins = new Option<string>("--margins-vocals") { Description = "Comma-separated margin_v values", DefaultValueFactory = _ => "1,2,4,10" };
        var powers = new Option<string>("--powers") { Description = "Comma-separated mask powers", DefaultValueFactory = _ => "1,2" };
        var hpss = new Option<string>("--hpss-kernels") { Description = "Comma-separated HPSS kernels (0 = off)", DefaultValueFactory = _ => "0,31" };
        var lows = new Option<string>("--vocal-low-hz") { Description = "Comma-separated vocal-band lower edges (0 = off)", DefaultValueFactory = _ => "0,120" };
        var highs = new Option<string>("--vocal-high-hz") { Description = "Comma-separated vocal-band upper edges (0 = off)", DefaultValueFactory = _ => "0" };
        var repeats = new Option<string>("--min-repeat-seconds") { Description = "Comma-separated nn_filter widths in seconds", DefaultValueFactory = _ => "2" };
        var cmd = new Command("sweep", "Median SDR of REPET-SIM over a grid of settings (background computed once per track)") { manifest, stride, limit, jobs, margins, powers, hpss, lows, highs, repeats };
        cmd.SetAction(parse => CliRunner.Run(() =>
        {
            var m = Manifest.Load(parse.GetValue(manifest)!);
            static double[] L(string s) => s.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(x => double.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var grid = (from rep in L(parse.GetValue(repeats)!) from mv in L(parse.GetValue(margins)!) from p in L(parse.GetValue(powers)!)
                        from h in L(parse.GetValue(hpss)!) from lo in L(parse.GetValue(lows)!) from hi in L(parse.GetValue(highs)!)
                        select new RepetSimOptions(MinRepeatSeconds: rep, MarginVocals: mv, MaskPower: p, HpssKernel: (int)h, VocalLowHz: lo, VocalHighHz: hi > 0 ? hi : null)).ToList();
            int n = m.Rows.Where((_, i) => i % Math.Max(1, parse.GetValue(stride)) == 0).Take(parse.GetValue(limit) ?? int.MaxValue).Count();
            IReadOnlyList<SweepResult> res = [];
            AnsiConsole.Progress().Start(ctx =>
            {
                var task = ctx.AddTask("tracks", maxValue: n);
                res = RepetSimSweep.Run(m, grid, parse.GetValue(stride), parse.GetValue(limit), parallelFiles: parse.GetValue(jobs), onTrackDone: () => task.Increment(1));
            });
            var table = new Table().Title($"median over {n} tracks (dB)").AddColumns("settings", "vocals SDR", "accomp. SDR", "vocals SI-SDR");
            foreach (var r in res.OrderByDescending(r => r.VocalsSdr))
                table.AddRow(Markup.Escape(r.Options.Describe()), D(r.VocalsSdr), D(r.AccompanimentSdr), D(r.VocalsSiSdr));
            AnsiConsole.Write(table);
            return 0;
        }));
        return cmd;
    }

    private static double Median(IEnumerable<double> v) => BssEvalV4.NanMedian(v);

    private static string D(double v) => SeparationEvaluator.F(Math.Round(v, 2));
}
