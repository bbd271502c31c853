using System.CommandLine;
using AudioAlchemy.Experiments;
using AudioAlchemy.Studies;
using Spectre.Console;

namespace AudioAlchemy.Cli.Commands;

/// <summary><c>alchemy study q1|q2-classical --features TABLE</c>: the research-question studies into results/.</summary>
internal static class StudyCommand
{
    public static Command Create()
    {
        var cmd = new Command("study", "Run a research-question study on a feature table");
        cmd.Subcommands.Add(Verb("q1", "Q1 sung language: ablation complete/vocal/no_vocal x LogReg, RF, SVM-linear, LightGBM (+GMM with --frames)", q1: true));
        cmd.Subcommands.Add(Verb("q2-classical", "Q2 genre, classical models: KNN LOOCV sweep, RF sweep, learning curves, held-out test", q1: false));
        cmd.Subcommands.Add(StudyCnnCommand.Cnn());
        cmd.Subcommands.Add(StudyRecCommand.Create());
        return cmd;
    }

    private static Command Verb(string name, string description, bool q1)
    {
        var features = new Option<string>("--features") { Description = "Feature table (.csv/.parquet): track_id, track_type, genre, language, artist, numeric features", Required = true };
        var frames = new Option<string?>("--frames") { Description = "q1: frame table (track_id, track_type, frame, f_0.., from `alchemy frames`) for the GMM and GMM-UBM" };
        var models = new Option<string?>("--models") { Description = "q1: table models, comma-separated ModelSpecs (default logreg,rf(n_estimators=100),svm,lightgbm; 'none' = frame models only)" };
        var frameModels = new Option<string>("--frame-models") { Description = "q1: frame models run with --frames: gmm, gmm-ubm, gmm-sv", DefaultValueFactory = _ => "gmm,gmm-ubm" };
        var components = new Option<int>("--components") { Description = "q1: GMM-UBM components", DefaultValueFactory = _ => 64 };
        var sv = new Models.GmmSupervectorOptions();
        var svComponents = new Option<int>("--sv-components") { Description = "q1: GMM-SV UBM components", DefaultValueFactory = _ => sv.Ubm.Ubm.Components };
        var svRelevance = new Option<double>("--sv-relevance") { Description = "q1: GMM-SV per-track MAP relevance factor r", DefaultValueFactory = _ => sv.Ubm.RelevanceFactor };
        var svL2 = new Option<double>("--sv-l2") { Description = "q1: L2 weight of the GMM-SV logistic regression", DefaultValueFactory = _ => sv.L2 };
        var svUbmFrames = new Option<int>("--sv-ubm-frames") { Description = "q1: frames (equal per language) the GMM-SV UBM is trained on", DefaultValueFactory = _ => sv.Ubm.MaxUbmFrames };
        var relevance = new Option<double>("--relevance") { Description = "q1: GMM-UBM MAP relevance factor r", DefaultValueFactory = _ => 16 };
        var trueFeatures = new Option<string?>("--true-features") { Description = "q1: feature table of the corpus manifest (true stems: track_type 1/2 → vocal_true/no_vocal_true)" };
        var trueFrames = new Option<string?>("--true-frames") { Description = "q1: frame table of the corpus manifest's true stems" };
        var outDir = new Option<string>("--out") { Description = "Results folder", DefaultValueFactory = _ => "results" };
        var seed = new Option<int>("--seed") { Description = "Seed of folds, shuffles and models (same seed, same numbers)", DefaultValueFactory = _ => 0 };
        var degree = new Option<int>("--jobs") { Description = "Folds/configurations run in parallel (results do not depend on it)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds", DefaultValueFactory = _ => 5 };
        var noPng = new Option<bool>("--no-png") { Description = "Skip PNG rendering of charts" };
        var rfIter = new Option<int>("--rf-iter") { Description = "q2: random-search size of the RF sweep (0 = full grid)", DefaultValueFactory = _ => 12 };
        var testSplit = new Option<string?>("--test-split") { Description = "q2: score on exactly the tracks whose part is 'test' in this CSV (track,...,part), e.g. results/q2-cnn/split.csv" };
        var cnn = new Option<bool>("--cnn") { Description = "q1: add the mel CNN rows (mels of each row's path, cached; 5-fold CV like the other models)" };
        var cnnEpochs = new Option<int>("--cnn-epochs") { Description = "q1: CNN epochs per fold (early stopping on 15 % of the training fold, patience 5)", DefaultValueFactory = _ => 15 };
        var cnnLr = new Option<double>("--cnn-lr") { Description = "q1: CNN learning rate (AdamW, cosine decay)", DefaultValueFactory = _ => 0.01 };
        var cropFrames = new Option<int>("--crop-frames") { Description = "q1: CNN crop length in frames (130 ≈ 3 s)", DefaultValueFactory = _ => Models.Cnn.CnnDefaults.CropFrames };
        var fmax = new Option<double?>("--fmax") { Description = "q1: CNN mel upper edge, Hz (default sr/2)" };
        var activeCrop = new Option<float?>("--active-crop-db") { Description = "q1: CNN crops only where half the frames have a band within this many dB of the track's maximum" };
        var cache = CacheOption.Create("mels");
        var cnnAblations = new Option<string?>("--cnn-ablations") { Description = "q1: only these ablations get CNN rows, comma-separated (e.g. vocal,vocal_true; default all)" };
        var impute = ImputeOption.Create();
        var cmd = new Command(name, description) { features, outDir, seed, degree, folds, noPng, impute };
        if (q1) foreach (var x in new Option[] { frames, models, frameModels, components, relevance, svComponents, svRelevance, svL2, svUbmFrames, trueFeatures, trueFrames, cnn, cnnEpochs, cnnLr, cropFrames, fmax, activeCrop, cache, cnnAblations }) cmd.Options.Add(x); else { cmd.Options.Add(rfIter); cmd.Options.Add(testSplit); }
        cmd.SetAction(p => CliRunner.Run(() =>
        {
            var o = new StudyOptions(p.GetValue(outDir)!, p.GetValue(seed), Math.Max(1, p.GetValue(degree)), !p.GetValue(noPng), p.GetValue(folds));
            var cols = new StudyColumns();
            var df = ImputeOption.Load(p.GetValue(features)!, p.GetValue(impute)!, cols.Metadata);
            var progress = new Progress<string>(s => AnsiConsole.MarkupLine($"[grey]{Markup.Escape(s)}[/]"));
            StudyResult r;
            if (q1)
            {
                var fr = p.GetValue(frames) is { } f ? FrameTable.Load(f, cols.Id, cols.TrackType, cols.Metadata) : null;
                var specs = p.GetValue(models) is { } ms
                    ? ms.Trim() == "none" ? [] : ms.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Models.ModelSpec.Parse).ToList()
                    : null;
                Q1TrueStems? ts = p.GetValue(trueFeatures) is { } tf
                    ? new Q1TrueStems(TableReader.Load(tf), p.GetValue(trueFrames) is { } tfr ? FrameTable.Load(tfr, cols.Id, cols.TrackType, cols.Metadata) : null)
                    : p.GetValue(trueFrames) is not null ? throw new AlchemyException("--true-frames needs --true-features") : null;
                var ubm = new Models.GmmUbmOptions(new Models.GmmOptions(Components: p.GetValue(components), MaxIterations: 20, Degree: o.Degree), p.GetValue(relevance));
                var svo = new Models.GmmSupervectorOptions(new Models.GmmUbmOptions(sv.Ubm.Ubm with { Components = p.GetValue(svComponents), Degree = o.Degree },
                    p.GetValue(svRelevance), p.GetValue(svUbmFrames)), p.GetValue(svL2));
                Q1Cnn? cnnRows = p.GetValue(cnn)
                    ? new Q1Cnn(new Models.Cnn.CnnTrackOptions(new Models.Cnn.CnnTrainOptions(Epochs: p.GetValue(cnnEpochs), Patience: 5, LearningRate: p.GetValue(cnnLr), Seed: o.Seed, Threads: o.Degree),
                            CropFrames: p.GetValue(cropFrames), Image: new Models.Cnn.MelImageOptions(ActiveCropDb: p.GetValue(activeCrop))),
                        new Models.Cnn.MelParams(FMax: p.GetValue(fmax)), p.GetValue(cache)!,
                        p.GetValue(cnnAblations)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    : p.GetValue(fmax) is not null || p.GetValue(activeCrop) is not null ? throw new ParameterException("--fmax / --active-crop-db: only with --cnn") : null;
                var settings = new Q1Settings(p.GetValue(frameModels)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), Ubm: ubm, TrueStems: ts, Supervector: svo, Cnn: cnnRows);
                r = Q1Study.Run(df, o, cols, fr, progress: progress, models: specs, settings: settings);
            }
            else r = Q2ClassicalStudy.Run(df, o, cols, new Q2Settings(RfRandomIterations: p.GetValue(rfIter),
                TestIds: p.GetValue(testSplit) is { } ts ? Q2Settings.ReadTestIds(ts) : null), progress);
            Print(r.Summary);
            Print(r.MinMax);
            foreach (var n in r.Notes) AnsiConsole.MarkupLine($"[yellow]note:[/] {Markup.Escape(n)}");
            AnsiConsole.MarkupLine($"{r.Files.Count} files in [green]{Markup.Escape(o.OutDir)}[/], {r.Seconds:0.0} s");
            if (r.Summary.Rows.Count == 0)
            {
                AnsiConsole.MarkupLine("[red]error:[/] every configuration was skipped (notes above); the summary holds only its header");
                return ExitCodes.Failed;
            }
            return r.Notes.Any(n => n.Contains("skipped", StringComparison.OrdinalIgnoreCase)) ? ExitCodes.Skipped : ExitCodes.Ok;
        }));
        return cmd;
    }

    private static void Print(TidyTable t)
    {
        var table = new Table().AddColumns(t.Columns.Select(c => Markup.Escape(c)).ToArray());
        foreach (var row in t.Rows)
            table.AddRow(row.Select(c => Markup.Escape(c is double d ? ExperimentCommand.F(d) : TidyTable.Format(c))).ToArray());
        AnsiConsole.Write(table);
    }
}
