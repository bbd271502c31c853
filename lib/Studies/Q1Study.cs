using System.Diagnostics;
using System.Globalization;
using AudioAlchemy.Corpus;
using AudioAlchemy.Experiments;
using AudioAlchemy.Models;
using AudioAlchemy.Reporting;
using Microsoft.Data.Analysis;

namespace AudioAlchemy.Studies;


/// <summary>
/// Research question 1 (sung language from audio): ablation complete / vocal / no_vocal (track_type 0/1/2 of the
/// separated ablation manifest), plus vocal_true / no_vocal_true (the corpus' real stems) when given, × models
/// (logistic regression, random forest, linear SVM, LightGBM on Table-1 rows; the per-language GMM, GMM-UBM and GMM-SV on
/// frame-level features when frames are given; the mel CNN when <see cref="Q1Settings.Cnn"/> is set), each under stratified k-fold and stratified group k-fold by artist.
/// Writes the seed's table layout (ablation, model, accuracy, precision, recall, F1 + column min/max), per-class
/// reports, confusion matrices and charts. A track without frames (silent/unvoiced) is left out of the frame models'
/// scoring in its fold, with a note.
/// </summary>
public static class Q1Study
{
    /// <summary>Ablation names (the seed's complete / vocal / no_vocal, <see cref="AudioAlchemy.Corpus.TrackTypes.StudyLabel"/>) by track-type code.</summary>
    public static readonly IReadOnlyList<(string Name, string TrackType)> Ablations =
        AudioAlchemy.Corpus.TrackTypes.All.Select(t => (t.StudyLabel(), t.Code().ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();

    /// <summary>Ablation names by track type for the corpus' true stems.</summary>
    public static readonly IReadOnlyList<(string Name, string TrackType)> TrueStemAblations = [("vocal_true", "1"), ("no_vocal_true", "2")];

    /// <summary>Table models of the study (the frame models are added when frames are available).</summary>
    public static readonly IReadOnlyList<ModelSpec> Models =
        [ModelSpec.Parse("logreg"), ModelSpec.Parse("rf(n_estimators=100)"), ModelSpec.Parse("svm"), ModelSpec.Parse("lightgbm")];

    /// <summary>Runs the study on <paramref name="features"/> (label: language) and optional <paramref name="frames"/>;
    /// <paramref name="models"/> replaces the table models (default <see cref="Models"/>).</summary>
    public static StudyResult Run(DataFrame features, StudyOptions options, StudyColumns? columns = null, FrameTable? frames = null,
        GmmOptions? gmm = null, IProgress<string>? progress = null, IReadOnlyList<ModelSpec>? models = null, Q1Settings? settings = null)
    {
        var o = options.Validate();
        var st = (settings ?? new Q1Settings()).Validate();
        if (gmm is not null) st = st with { Gmm = gmm };
        var c = columns ?? new StudyColumns();
        var sw = Stopwatch.StartNew();
        var w = new ResultsWriter(o.OutDir, o.Png);
        var summary = MetricTables.Summary("cv", "ablation", "model");
        var perClass = MetricTables.PerClass("cv", "ablation", "model");
        var confusion = MetricTables.Confusion("cv", "ablation", "model");
        var confusionCharts = new Dictionary<(string Cv, string Ablation, string Model), string>();
        if (frames is null) w.Note("GMM skipped: no frame-level features given (--frames <table> from `alchemy frames`)");
        var inputs = new List<(DataFrame Features, FrameTable? Frames, IReadOnlyList<(string Name, string TrackType)> Ablations)> { (features, frames, Ablations) };
        if (st.TrueStems is { } ts) inputs.Add((ts.Features, ts.Frames, TrueStemAblations));
        foreach (var (table, fr, ablations) in inputs)
            RunInput(table, fr, ablations, o, st, c, w, models ?? Models, progress, summary, perClass, confusion, confusionCharts);
        var minmax = MetricTables.MinMax(summary, ["ablation", "model"], "cv");
        w.Table("q1_summary", summary);
        w.Table("q1_minmax", minmax);
        w.Table("q1_per_class", perClass);
        w.Table("q1_confusion", confusion);
        foreach (var cv in summary.Column("cv").Select(TidyTable.Format).Distinct().ToArray())
        {
            var rows = summary.Rows.Where(r => TidyTable.Format(r[0]) == cv).ToArray();
            var modelNames = rows.Select(r => (string)r[2]!).Distinct().ToArray();
            var ablationNames = rows.Select(r => (string)r[1]!).Distinct().ToArray();
            var series = ablationNames.ToDictionary(a => a, a => modelNames.Select(m =>
                rows.FirstOrDefault(r => (string)r[1]! == a && (string)r[2]! == m) is { } row ? (double)row[9]! : double.NaN).ToArray());
            w.Chart($"q1_f1_{cv}", ExperimentCharts.GroupedBars(modelNames, series, $"Q1 language macro-F1 by ablation ({cv} CV)", "macro F1 (fold mean)"),
                highlight: cv == "stratified");
        }
        // Highlights: the stratified F1 chart, then per ablation the confusion matrix of its best model (macro-F1).
        int f1 = summary.Columns.ToList().IndexOf("f1");
        foreach (var g in summary.Rows.Where(r => TidyTable.Format(r[0]) == "stratified").GroupBy(r => (string)r[1]!))
        {
            var best = g.OrderByDescending(r => Convert.ToDouble(r[f1], System.Globalization.CultureInfo.InvariantCulture)).First();
            if (confusionCharts.TryGetValue(("stratified", g.Key, (string)best[2]!), out var chart)) w.Highlight(chart);
        }
        return new StudyResult(summary, minmax, w.Files, w.Notes, sw.Elapsed.TotalSeconds) { Charts = w.Highlights };
    }

    private static void RunInput(DataFrame features, FrameTable? frames, IReadOnlyList<(string Name, string TrackType)> ablations, StudyOptions o,
        Q1Settings st, StudyColumns c, ResultsWriter w, IReadOnlyList<ModelSpec> models, IProgress<string>? progress,
        TidyTable summary, TidyTable perClass, TidyTable confusion, Dictionary<(string Cv, string Ablation, string Model), string> confusionCharts)
    {
        var all = DatasetBuilder.Build(features, new ColumnSelection(c.Language, c.Artist, c.Id, Exclude: c.Metadata));
        var types = TrackTypes(features, c);
        var cvOptions = new CvOptions(o.Seed, Standardize: true, Degree: o.Degree);
        foreach (var (ablation, type) in ablations)
        {
            var rows = Enumerable.Range(0, all.Count).Where(i => types[i] == type).ToArray();
            if (rows.Length == 0) { w.Note($"ablation {ablation}: no rows with {c.TrackType}={type}; skipped"); continue; }
            var data = all.Subset(rows);
            var schemes = new List<ISplitter> { new StratifiedKFold(o.Folds, Shuffle: true, Seed: o.Seed) };
            int artists = data.Groups!.Distinct().Count();
            if (artists >= o.Folds) schemes.Add(new StratifiedGroupKFold(o.Folds, Shuffle: false));
            else w.Note($"ablation {ablation}: only {artists} artists, grouped CV skipped");
            float[][][]? fr = null;
            if (frames is not null)
            {
                fr = data.Ids.Select(id => frames.Get(id, type) ?? []).ToArray();
                var empty = Enumerable.Range(0, fr.Length).Where(i => fr[i].Length == 0).ToArray();
                foreach (int i in empty)
                    w.Note($"{ablation}: track {data.Ids[i]} has no frames ({frames.NoteOf(data.Ids[i], type) ?? "not in the frame table"}); left out of the frame models' scoring");
            }
            float[][][]? mels = null;
            if (st.Cnn is { } cnn && cnn.Covers(ablation))
            {
                try { mels = Q1CnnRows.Mels(features, c, data.Ids, type, cnn, note => w.Note($"{ablation}: {note}")); }
                catch (AlchemyException e) { w.Note($"{ablation}: CNN skipped: {e.Message}"); }
            }
            foreach (var splitter in schemes)
            {
                string cvName = splitter is StratifiedGroupKFold ? "grouped_by_artist" : "stratified";
                var results = new List<CvResult>();
                foreach (var m in models)
                {
                    progress?.Report($"{cvName} {ablation} {m.Kind}");
                    try { results.Add(CrossValidation.Run(data, m, splitter, cvOptions)); }
                    catch (AlchemyException e) { w.Note($"{cvName} {ablation} {ModelName(m)} skipped: {e.Message}"); }
                }
                if (fr is not null && fr.Count(f => f.Length > 0) >= o.Folds)
                    foreach (var fm in st.EffectiveFrameModels)
                    {
                        progress?.Report($"{cvName} {ablation} {fm}");
                        var fd = new FrameDataset(data, fr);
                        try
                        {
                            var fcv = fm switch
                            {
                                "gmm" => fd.CrossValidate(st.Gmm ?? new GmmOptions(), splitter, cvOptions),
                                "gmm-sv" => fd.CrossValidate(st.Supervector ?? new GmmSupervectorOptions(), splitter, cvOptions),
                                _ => fd.CrossValidate(st.Ubm ?? new GmmUbmOptions(), splitter, cvOptions),
                            };
                            results.Add(fcv.Result);
                        }
                        catch (AlchemyException e) { w.Note($"{cvName} {ablation} {fm} skipped: {e.Message}"); }
                    }
                else if (fr is not null) w.Note($"{cvName} {ablation}: fewer than {o.Folds} tracks have frames; frame models skipped");
                if (mels is not null)
                {
                    progress?.Report($"{cvName} {ablation} cnn");
                    try { results.Add(Q1CnnRows.CrossValidate(data, mels, st.Cnn!, splitter, cvOptions)); }
                    catch (AlchemyException e) { w.Note($"{cvName} {ablation} CNN skipped: {e.Message}"); }
                }
                foreach (var r in results)
                {
                    string model = ModelName(r.Model);
                    MetricTables.AddSummary(summary, r, cvName, ablation, model);
                    var pooled = r.Pooled;
                    MetricTables.AddPerClass(perClass, pooled, r.Classes, cvName, ablation, model);
                    MetricTables.AddConfusion(confusion, pooled, r.Classes, cvName, ablation, model);
                    confusionCharts[(cvName, ablation, model)] = w.Chart($"q1_confusion_{cvName}_{ablation}_{model}",
                        ExperimentCharts.ConfusionMatrix(pooled.Confusion, r.Classes, $"Q1 language, {ablation}, {model}, {cvName} CV"), 700, 600);
                }
            }
        }
    }

    /// <summary>Readable model name for tables: the kind (the study's parameters are fixed and documented).</summary>
    public static string ModelName(ModelSpec m) => m.Kind switch
    {
        "logreg" => "LogReg",
        "rf" => "RF",
        "svm" => "SVM-linear",
        "lightgbm" => "LightGBM",
        "gmm" => "GMM",
        "gmm-ubm" => "GMM-UBM",
        "gmm-sv" => "GMM-SV",
        "cnn" => "CNN",
        "knn" => "KNN",
        _ => m.Kind,
    };

    /// <summary>The track type of each row as text ("0" when the column is absent).</summary>
    public static string[] TrackTypes(DataFrame df, StudyColumns c)
    {
        if (!df.Columns.Select(x => x.Name).Contains(c.TrackType)) return Enumerable.Repeat("0", (int)df.Rows.Count).ToArray();
        var col = df.Columns[c.TrackType];
        return Enumerable.Range(0, (int)df.Rows.Count).Select(i => col[i] switch
        {
            null => throw new AlchemyException($"row {i + 1}: {c.TrackType} is missing"),
            float f => ((int)f).ToString(CultureInfo.InvariantCulture),
            double d => ((int)d).ToString(CultureInfo.InvariantCulture),
            var v => Convert.ToString(v, CultureInfo.InvariantCulture)!,
        }).ToArray();
    }
}
