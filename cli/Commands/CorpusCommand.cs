using System.CommandLine;
using AudioAlchemy.Corpus;
using AudioAlchemy.Corpus.Synth;
using Spectre.Console;

namespace AudioAlchemy.Cli.Commands;

/// <summary><c>alchemy corpus synth …</c> (the synthetic demo corpus) and <c>alchemy corpus check MANIFEST</c>.</summary>
internal static class CorpusCommand
{
    public static Command Create()
    {
        var corpus = new Command("corpus", "Generate the synthetic demo corpus; validate manifests of real music libraries");
        corpus.Subcommands.Add(Synth());
        corpus.Subcommands.Add(Check());
        corpus.Subcommands.Add(Accuracy());
        return corpus;
    }

    private static Command Accuracy()
    {
        var manifest = new Argument<string>("manifest") { Description = "Manifest with the truth (key, mode, tempo_bpm), e.g. data/demo/manifest.csv" };
        var features = new Option<string>("--features") { Description = "Table-1 feature table from `alchemy features` (.csv or .parquet)", Required = true };
        var tolerance = new Option<double>("--tolerance") { Description = "Relative tempo tolerance", DefaultValueFactory = _ => 0.04 };
        var output = new Option<string>("--out") { Description = "CSV written with the counts", DefaultValueFactory = _ => "results/estimator_accuracy.csv" };
        var cmd = new Command("accuracy", "Key and tempo estimators against the corpus truth: key exact/fifth/relative/parallel, tempo within 4 % and octave errors")
            { manifest, features, tolerance, output };
        cmd.SetAction(parse => CliRunner.Run(() =>
        {
            var m = Manifest.Load(parse.GetValue(manifest)!);
            var cases = AudioAlchemy.Studies.EstimatorCases.Join(m, AudioAlchemy.Experiments.TableReader.Load(parse.GetValue(features)!));
            var rows = AudioAlchemy.Studies.EstimatorAccuracy.Evaluate(cases, parse.GetValue(tolerance));
            var table = new Table().AddColumns("group", "songs", "key exact", "fifth", "relative", "parallel", "other", "MIREX score",
                "tempo ok", "×2", "×½", "×3/×⅓", "other", "tempo ok (any level)");
            var csv = new System.Text.StringBuilder("group,songs,key_exact,key_fifth,key_relative,key_parallel,key_other,key_missing,key_mirex_score,tempo_correct,tempo_double,tempo_half,tempo_third_or_triple,tempo_other,tempo_missing\n");
            foreach (var r in rows)
            {
                int K(AudioAlchemy.Studies.KeyMatch k) => r.Keys[k];
                int T(AudioAlchemy.Studies.TempoMatch t) => r.Tempos[t];
                table.AddRow(r.Group, r.Songs.ToString(), K(AudioAlchemy.Studies.KeyMatch.Exact).ToString(), K(AudioAlchemy.Studies.KeyMatch.Fifth).ToString(),
                    K(AudioAlchemy.Studies.KeyMatch.Relative).ToString(), K(AudioAlchemy.Studies.KeyMatch.Parallel).ToString(), K(AudioAlchemy.Studies.KeyMatch.Other).ToString(),
                    $"{r.KeyWeightedScore:0.000}", T(AudioAlchemy.Studies.TempoMatch.Correct).ToString(), T(AudioAlchemy.Studies.TempoMatch.Double).ToString(),
                    T(AudioAlchemy.Studies.TempoMatch.Half).ToString(), T(AudioAlchemy.Studies.TempoMatch.ThirdOrTriple).ToString(), T(AudioAlchemy.Studies.TempoMatch.Other).ToString(),
                    $"{r.TempoAnyMetricalLevel:0.000}");
                csv.AppendLine(string.Join(',', r.Group, r.Songs, string.Join(',', Enum.GetValues<AudioAlchemy.Studies.KeyMatch>().Select(K)),
                    r.KeyWeightedScore.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                    string.Join(',', Enum.GetValues<AudioAlchemy.Studies.TempoMatch>().Select(T))));
            }
            AnsiConsole.Write(table);
            AtomicFile.WriteAllText(parse.GetValue(output)!, csv.ToString());
            AnsiConsole.MarkupLine($"wrote [green]{Markup.Escape(parse.GetValue(output)!)}[/]");
            return 0;
        }));
        return cmd;
    }

    private static Command Synth()
    {
        var outDir = new Option<string>("--out") { Description = "Output folder", DefaultValueFactory = _ => "data/demo" };
        var perGenre = new Option<int>("--per-genre") { Description = "Songs per genre", DefaultValueFactory = _ => 20 };
        var seconds = new Option<double>("--seconds") { Description = "Seconds per song", DefaultValueFactory = _ => 30 };
        var seed = new Option<ulong>("--seed") { Description = "Corpus seed (same seed → same bytes)", DefaultValueFactory = _ => 1 };
        var sr = new Option<int>("--sr") { Description = "Sample rate of the outputs in Hz", DefaultValueFactory = _ => AudioAlchemy.Dsp.Defaults.SampleRate };
        var genres = new Option<string?>("--genres") { Description = $"Comma-separated genres (default: {string.Join(",", GenreCatalog.Names)})" };
        var languages = new Option<string?>("--languages") { Description = $"Comma-separated espeak-ng languages (default: {string.Join(",", LyricsBank.DefaultLanguages)}; also available: {string.Join(",", LyricsBank.Languages.Except(LyricsBank.DefaultLanguages))})" };
        var jobs = new Option<int?>("--jobs") { Description = "Songs rendered in parallel (default: all cores)" };
        var soundFont = new Option<string?>("--soundfont") { Description = "General-MIDI SoundFont (default: the system's FluidR3_GM.sf2)" };
        var cmd = new Command("synth", "Generate the synthetic demo corpus (genre, language, key, tempo and stems known); resumes an interrupted run")
            { outDir, perGenre, seconds, seed, sr, genres, languages, jobs, soundFont };
        cmd.SetAction(parse => CliRunner.Run(() =>
        {
            var options = new SynthOptions(parse.GetValue(outDir)!, parse.GetValue(perGenre), parse.GetValue(seconds), parse.GetValue(seed),
                parse.GetValue(sr), List(parse.GetValue(genres)), List(parse.GetValue(languages)), null, parse.GetValue(jobs), parse.GetValue(soundFont));
            var synth = new CorpusSynthesizer(options);
            AnsiConsole.MarkupLine($"[bold]{synth.Plans.Count}[/] songs x {options.Seconds:0.#} s at {options.SampleRate} Hz → {Markup.Escape(synth.OutDir)} " +
                $"({options.MaxParallelism ?? Environment.ProcessorCount} in parallel)");
            SynthReport report = null!;
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("songs", maxValue: synth.Plans.Count);
                    report = synth.Run(o =>
                    {
                        if (o.Status == SongStatus.Failed) AnsiConsole.MarkupLine($"[red]failed[/] {Markup.Escape(o.Error ?? "")}");
                        task.Increment(1);
                    });
                });
            AnsiConsole.MarkupLine($"generated {report.Generated}, skipped (complete) {report.Skipped}, failed {report.Failed.Count} " +
                $"in {report.WallSeconds:0.0} s wall; {report.MeanSecondsPerSong:0.00} s per generated song (one core each)");
            AnsiConsole.MarkupLine($"manifest: [green]{Markup.Escape(report.ManifestPath)}[/]");
            var checkReport = ManifestChecker.Check(Manifest.Load(report.ManifestPath), new CheckOptions(CountLabels: ["genre", "language"]));
            WriteCounts(checkReport);
            return ExitCodes.ForBatch(report.Generated + report.Skipped, report.Failed.Count, synth.Plans.Count);
        }));
        return cmd;
    }

    private static Command Check()
    {
        var manifest = new Argument<string>("manifest") { Description = "Manifest file (.csv, .tsv or .json)" };
        var labels = new Option<string[]>("--labels")
        {
            Description = "Known labels per column, e.g. --labels genre=blues,rock,pop (repeatable); 'genre=demo' means the ten demo genres",
            AllowMultipleArgumentsPerToken = true,
        };
        var count = new Option<string?>("--count") { Description = "Comma-separated label columns to tabulate (default: genre,language)" };
        var stems = new Option<bool>("--stems") { Description = "Also run the listen-free stem checks (vocal activity, accompaniment level, mixture = vocals + accompaniment)" };
        var cmd = new Command("check", "Validate a manifest: missing/unreadable files, duplicate ids, unknown labels, empty classes, class counts") { manifest, labels, count, stems };
        cmd.SetAction(parse => CliRunner.Run(() =>
        {
            var m = Manifest.Load(parse.GetValue(manifest)!);
            var known = ParseLabels(parse.GetValue(labels) ?? []);
            var report = ManifestChecker.Check(m, new CheckOptions(known, List(parse.GetValue(count))));
            var problems = report.Problems.ToList();
            if (parse.GetValue(stems)) problems.AddRange(RunStemChecks(report.Usable));
            if (problems.Count > 0)
            {
                var t = new Table().AddColumns("row", "id", "problem", "detail");
                foreach (var p in problems.OrderBy(p => p.Row))
                    t.AddRow(p.Row > 0 ? p.Row.ToString() : "-", Markup.Escape(p.Id ?? ""), p.Kind.ToString(), Markup.Escape(p.Message));
                AnsiConsole.Write(t);
            }
            WriteCounts(report);
            AnsiConsole.MarkupLine($"{report.Usable.Count} of {report.TotalRows} rows usable, {problems.Count} problem(s)");
            return report.AnyUsable ? 0 : 1;
        }));
        return cmd;
    }

    private static List<ManifestProblem> RunStemChecks(IReadOnlyList<ManifestRow> rows)
    {
        var withStems = rows.Where(r => r.HasStems && File.Exists(r.VocalsPath) && File.Exists(r.AccompanimentPath)).ToList();
        var stats = new StemStats?[withStems.Count];
        var problems = new List<ManifestProblem>();
        Parallel.For(0, withStems.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            try { stats[i] = StemChecker.Measure(withStems[i]); }
            catch (AlchemyException e)
            {
                lock (problems) problems.Add(new ManifestProblem(withStems[i].RowNumber, withStems[i].Id, ManifestProblemKind.StemCheck, e.Message, false));
            }
        });
        var ok = stats.Where(s => s != null).Select(s => s!).ToList();
        foreach (var s in ok) problems.AddRange(StemChecker.Problems(s));
        if (ok.Count == 0)
        {
            AnsiConsole.MarkupLine("stem checks: no rows with both stems");
            return problems;
        }
        var t = new Table().AddColumns("stem check (" + ok.Count + " songs)", "min", "mean", "max");
        void Row(string name, Func<StemStats, double> f, string fmt) =>
            t.AddRow(name, ok.Min(f).ToString(fmt), ok.Average(f).ToString(fmt), ok.Max(f).ToString(fmt));
        Row("vocal active fraction", s => s.VocalActiveFraction, "0.000");
        Row("vocal energy in voiced frames", s => s.VocalEnergyInVoicedFrames, "0.0000");
        Row("vocal/accompaniment in voiced frames (dB)", s => s.VocalToAccompanimentDb, "0.00");
        Row("accompaniment RMS (dBFS)", s => s.AccompanimentRmsDb, "0.00");
        Row("accompaniment active fraction", s => s.AccompanimentActiveFraction, "0.000");
        Row("max |mix - (voc + acc)|", s => s.MaxSumError, "0.0e+0");
        Row("mixture peak", s => s.MixturePeak, "0.000");
        AnsiConsole.Write(t);
        int failing = problems.Select(p => p.Row).Distinct().Count();
        AnsiConsole.MarkupLine($"stem checks: {ok.Count - failing} of {ok.Count} songs pass (sum tolerance {StemChecker.SumTolerance:G2})");
        return problems;
    }

    private static void WriteCounts(ManifestReport report)
    {
        foreach (var (label, counts) in report.ClassCounts)
        {
            var t = new Table().AddColumns(label, "songs");
            foreach (var (cls, n) in counts) t.AddRow(Markup.Escape(cls), n == 0 ? "[red]0[/]" : n.ToString());
            t.AddRow("[bold]total[/]", counts.Values.Sum().ToString());
            AnsiConsole.Write(t);
        }
        var genre = report.ClassCounts.ContainsKey("genre") && report.ClassCounts.ContainsKey("language");
        if (genre && report.Usable.Count > 0)
        {
            var langs = report.ClassCounts["language"].Keys.ToList();
            var t = new Table().AddColumns(["genre \\ language", .. langs.Select(Markup.Escape)]);
            foreach (var g in report.ClassCounts["genre"].Keys)
                t.AddRow([Markup.Escape(g), .. langs.Select(l => report.Usable.Count(r => (r.Genre ?? "(none)") == g && (r.Language ?? "(none)") == l).ToString())]);
            AnsiConsole.Write(t);
        }
    }

    private static Dictionary<string, IReadOnlyList<string>>? ParseLabels(string[] specs)
    {
        if (specs.Length == 0) return null;
        var d = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            int eq = spec.IndexOf('=');
            if (eq <= 0) throw new AlchemyException($"--labels '{spec}': expected COLUMN=value1,value2,...");
            string col = ManifestColumns.Canonical(spec[..eq]);
            var values = spec[(eq + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            if (values is ["demo"]) values = col == "language" ? [.. LyricsBank.DefaultLanguages] : [.. GenreCatalog.Names];
            if (values.Count == 0) throw new AlchemyException($"--labels '{spec}': no values");
            d[col] = values;
        }
        return d;
    }

    private static IReadOnlyList<string>? List(string? csv) =>
        string.IsNullOrWhiteSpace(csv) ? null : csv.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
