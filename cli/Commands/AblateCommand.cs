using System.CommandLine;
using AudioAlchemy.Audio;
using AudioAlchemy.Corpus;
using AudioAlchemy.Separation;
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
        var cmd = new Command("ablate", "Write full / vocals / no_vocals WAVs for every song (cached by content + settings, resumable) and a manifest with track_type 0/1/2")
            { manifest, outDir, jobs, sr };
        sep.AddTo(cmd);
        cmd.SetAction(parse => CliRunner.Run(() =>
        {
            var m = Manifest.Load(parse.GetValue(manifest)!);
            int parallel = parse.GetValue(jobs) ?? Environment.ProcessorCount;
            var builder = new AblationBuilder(sep.Factory(parse, parallel > 1 ? 1 : null), new AblationOptions(parse.GetValue(outDir)!, parse.GetValue(sr), parallel));
            AblationResult result = null!;
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("songs", maxValue: m.Rows.Count);
                    result = builder.Build(m, () => task.Increment(1));
                });
            foreach (var p in m.ReadProblems) AnsiConsole.MarkupLine($"[yellow]manifest[/] {Markup.Escape(p.ToString() ?? "")}");
            foreach (var s in result.Skipped) AnsiConsole.MarkupLine($"[yellow]skipped[/] row {s.Row} ({Markup.Escape(s.Id)}): {Markup.Escape(s.Reason)}");
            AnsiConsole.MarkupLine($"separated {result.Separated}, cached {result.Cached}, skipped {result.Skipped.Count}; " +
                $"manifest ({3 * (result.Separated + result.Cached)} rows, track_type 0 full / 1 vocals / 2 no_vocals): [green]{Markup.Escape(result.ManifestPath)}[/]");
            return ExitCodes.ForBatch(result.Separated + result.Cached, result.Skipped.Count + m.ReadProblems.Count(p => p.RowUnusable), m.Rows.Count);
        }));
        return cmd;
    }
}
