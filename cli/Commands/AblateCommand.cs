using System.CommandLine;
using AudioAlchemy.Audio;
using AudioAlchemy.Corpus;
using AudioAlchemy.Corpus.Batch;
using AudioAlchemy.Separation;
using AudioAlchemy.Sharding;
using Spectre.Console;

namespace AudioAlchemy.Cli.Commands;

/// <summary><c>alchemy ablate MANIFEST</c>: full / vocals / no_vocals WAVs for every song and a manifest with track_type 0/1/2.</summary>
internal static class AblateCommand
{
    public static Command Create()
    {
        var manifest = new Argument<string>("manifest") { Description = "Manifest of songs (e.g. data/demo/manifest.csv)" };
        var outDir = new Option<string>("--out") { Description = "Folder for the cached stems and the ablation manifest", DefaultValueFactory = _ => Path.Combine("data", "ablation") };
        var jobs = new Option<int?>("--jobs") { Description = "Files in parallel (default: all cores; each separator then uses one core)" };
        var sr = new Option<int>("--sr") { Description = "Sample rate of the written WAVs", DefaultValueFactory = _ => AudioFile.DefaultSampleRate };
        var sep = new SeparatorArguments();
        var shard = new ShardOption();
        var cmd = new Command("ablate", "Write full / vocals / no_vocals WAVs for every song (cached by content + settings, resumable) and a manifest with track_type 0/1/2")
            { manifest, outDir, jobs, sr };
        sep.AddTo(cmd);
        shard.AddTo(cmd);
        cmd.SetAction(parse => CliRunner.Run(() =>
        {
            var spec = shard.Resolve(parse);
            string manifestPath = parse.GetValue(manifest)!;
            var m = Manifest.Load(manifestPath);
            var selection = ShardSelection<ManifestRow>.Of(m.Rows, r => r.Id, spec);
            int parallel = parse.GetValue(jobs) ?? Environment.ProcessorCount;
            // Sharded: the part is written as the ablation manifest's sibling PART-K-of-N.csv, so its relative paths are
            // those of the merged manifest.csv (alchemy table merge OUT/PART-*-of-N.csv --out OUT/manifest.csv).
            var options = new AblationOptions(parse.GetValue(outDir)!, parse.GetValue(sr), parallel);
            if (spec is not null) options = options with { ManifestName = spec.PartName + ".csv" };
            var builder = new AblationBuilder(sep.Factory(parse, parallel > 1 ? 1 : null), options);
            AblationResult result = null!;
            void Run() => AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("songs", maxValue: selection.Items.Count);
                    result = builder.Build(m.WithRows(selection.Items), () => task.Increment(1));
                });
            if (spec is null) Run();
            else
            {
                string settings = sep.Settings(parse);
                string parameters = FormattableString.Invariant($"stage=ablate;manifest={PartWriter.FileHash(manifestPath)};sr={options.SampleRate};separator={settings}");
                var order = new List<long>();
                var skips = new List<PartSkip>();
                string json = PartWriter.Write(builder.Options.OutputDirectory, spec, ".csv", "ablate", parameters, ["id"], selection.InputItems, selection.Items.Count,
                    order, skips, _ =>
                    {
                        Run();
                        var failed = result.Skipped.Select(s => s.Row).ToHashSet();
                        foreach (var row in selection.Items.Where(r => !failed.Contains(r.RowNumber)))
                            for (int t = 0; t < TrackTypes.All.Count; t++) order.Add(selection.PositionOf(row) * TrackTypes.All.Count + t);
                        skips.AddRange(result.Skipped.Select(s => new PartSkip($"row {s.Row} ({s.Id})", s.Reason)));
                        if (spec.Index == 0) skips.AddRange(m.ReadProblems.Select(p => new PartSkip("manifest", p.ToString() ?? "")));
                    });
                ShardOption.Report(spec, selection.Items.Count, selection.InputItems, json);
            }
            foreach (var p in m.ReadProblems) AnsiConsole.MarkupLine($"[yellow]manifest[/] {Markup.Escape(p.ToString() ?? "")}");
            foreach (var s in result.Skipped) AnsiConsole.MarkupLine($"[yellow]skipped[/] row {s.Row} ({Markup.Escape(s.Id)}): {Markup.Escape(s.Reason)}");
            AnsiConsole.MarkupLine($"separated {result.Separated}, cached {result.Cached}, skipped {result.Skipped.Count}; " +
                $"manifest ({3 * (result.Separated + result.Cached)} rows, track_type 0 full / 1 vocals / 2 no_vocals): [green]{Markup.Escape(result.ManifestPath)}[/]");
            return ExitCodes.ForBatch(result.Separated + result.Cached,
                result.Skipped.Count + (spec is null || spec.Index == 0 ? m.ReadProblems.Count(p => p.RowUnusable) : 0), selection.Items.Count);
        }));
        return cmd;
    }
}
