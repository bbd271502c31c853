using System.CommandLine;
using System.Globalization;
using System.Text;
using AudioAlchemy.Corpus;
using AudioAlchemy.Models.Cnn;
using AudioAlchemy.Corpus.Batch;
using AudioAlchemy.Sharding;
using Spectre.Console;

namespace AudioAlchemy.Cli.Commands;

/// <summary>
/// <c>alchemy mels MANIFEST --cache DIR --out TABLE.csv [--track-type T] [--jobs N] [--shard K/N|auto]</c>: the CNN's mel
/// spectrograms (<see cref="CorpusMelSource"/>: librosa-parity mel, power_to_db ref=max) of every row, into the mel stage
/// (<c>DIR/mels</c>) of the cache root that <c>study cnn --manifest M --cache DIR</c> reads, plus an index table (id,
/// track_type, path, n_mels, frames).
/// The mel stage of a Slurm run (deploy/slurm/mels.sbatch).
/// </summary>
internal static class MelsCommand
{
    public static Command Create()
    {
        var manifest = new Argument<string>("manifest") { Description = "Corpus or ablation manifest (CSV or JSON)" };
        var cache = CacheOption.Create(CorpusMelSource.Stage);
        var output = new Option<string>("--out") { Description = "Index table (.csv): id, track_type, path, n_mels, frames", DefaultValueFactory = _ => Path.Combine("results", "mels.csv") };
        var trackType = new Option<string>("--track-type") { Description = "Only rows of this track_type (full, vocals, no_vocals or 0/1/2); default all", DefaultValueFactory = _ => "all" };
        var jobs = new Option<int?>("--jobs") { Description = "Files in parallel (default: all cores)" };
        var shard = new ShardOption();
        var cmd = new Command("mels", "Compute and cache the CNN's mel spectrograms (dB) of every manifest row and write an index table") { manifest, cache, output, trackType, jobs };
        shard.AddTo(cmd);
        cmd.SetAction(parse => CliRunner.Run(() =>
        {
            var spec = shard.Resolve(parse);
            string manifestPath = parse.GetValue(manifest)!, outPath = parse.GetValue(output)!, type = parse.GetValue(trackType)!;
            if (!outPath.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) throw new AlchemyException($"--out {outPath}: the mel index is a .csv table");
            var m = Manifest.Load(manifestPath);
            bool all = type.Equals("all", StringComparison.OrdinalIgnoreCase);
            if (!all && !TrackTypes.TryParse(type, out _)) throw new ParameterException($"--track-type: expected all, full, vocals or no_vocals (or 0, 1, 2), got '{type}'");
            var wanted = all ? (TrackType?)null : TrackTypes.Parse(type);
            TrackType? Of(string? v) => string.IsNullOrWhiteSpace(v) ? TrackType.Full : TrackTypes.TryParse(v, out var t) ? t : null;
            var rows = m.Rows.Where(r => wanted is null || Of(r.TrackType) == wanted).ToList();
            var selection = ShardSelection<ManifestRow>.Of(rows, r => r.Id, spec);
            var source = new CorpusMelSource(selection.Items, parse.GetValue(cache)!);
            var lines = new string?[selection.Items.Count];
            var errors = new string?[selection.Items.Count];
            var sw = System.Diagnostics.Stopwatch.StartNew();
            AnsiConsole.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask($"{selection.Items.Count} files", maxValue: Math.Max(1, selection.Items.Count));
                    Parallel.For(0, selection.Items.Count, new ParallelOptions { MaxDegreeOfParallelism = parse.GetValue(jobs) ?? Environment.ProcessorCount }, i =>
                    {
                        var r = selection.Items[i];
                        try
                        {
                            var mel = source.MelDb(r.Path);
                            lines[i] = string.Join(',', Csv.Escape(r.Id), Csv.Escape(r.TrackType ?? "0"), Csv.Escape(r.Path),
                                mel.GetLength(0).ToString(CultureInfo.InvariantCulture), mel.GetLength(1).ToString(CultureInfo.InvariantCulture));
                        }
                        catch (Exception e) when (e is AlchemyException or IOException or UnauthorizedAccessException)
                        {
                            errors[i] = e.Message;
                        }
                        task.Increment(1);
                    });
                });
            var done = Enumerable.Range(0, lines.Length).Where(i => lines[i] is not null).ToList();
            void Write(string path) => AtomicFile.WriteAllText(path, "id,track_type,path,n_mels,frames\n" + string.Concat(done.Select(i => lines[i] + "\n")));
            var skipped = Enumerable.Range(0, errors.Length).Where(i => errors[i] is not null)
                .Select(i => new PartSkip($"row {selection.Items[i].RowNumber} ({selection.Items[i].Id})", errors[i]!)).ToList();
            if (spec is null) Write(outPath);
            else
            {
                var p = source.Params;
                string parameters = FormattableString.Invariant($"stage=mels;manifest={PartWriter.FileHash(manifestPath)};track_type={type};sr={p.SampleRate};n_fft={p.NFft};hop={p.HopLength};n_mels={p.NMels};top_db={p.TopDb}");
                string json = PartWriter.Write(PartWriter.PartsFolder(outPath), spec, ".csv", "mels", parameters, ["id"], selection.InputItems, selection.Items.Count,
                    done.Select(i => selection.PositionOf(selection.Items[i])).ToList(), skipped, Write);
                ShardOption.Report(spec, selection.Items.Count, selection.InputItems, json);
                outPath = Path.ChangeExtension(json, ".csv");
            }
            foreach (var s in skipped) AnsiConsole.MarkupLine($"[yellow]skipped[/] {Markup.Escape(s.Item)}: {Markup.Escape(s.Reason)}");
            AnsiConsole.MarkupLine($"{done.Count} mels ({skipped.Count} skipped) in {sw.Elapsed.TotalSeconds:0.0} s → cache [green]{Markup.Escape(parse.GetValue(cache)!)}[/], index [green]{Markup.Escape(outPath)}[/]");
            return done.Count > 0 || selection.Items.Count == 0 ? 0 : 1;
        }));
        return cmd;
    }
}
