namespace AudioAlchemy.Reporting;

/// <summary>
/// The layout of a results folder (the demo's <c>results/</c>): one study per sub-folder and the tables other steps read
/// back. Readers take these paths from here (notebooks, the report index, the headlines, the CLI defaults), so none of them
/// rebuilds a file name; the study that writes a table still names it (e.g. <c>q1_summary</c> in Q1Study).
/// </summary>
/// <param name="Root">The results folder.</param>
public sealed record ResultsLayout(string Root)
{
    /// <summary>Notebook 00: corpus tables and figures.</summary>
    public string Corpus => Path.Combine(Root, "corpus");

    /// <summary>Notebook 01 / <c>study q1</c>: sung language.</summary>
    public string Q1 => Path.Combine(Root, "q1");

    /// <summary>The Table-1 features of the Q1 ablation (CSV).</summary>
    public string Q1Features => Path.Combine(Q1, "features.csv");

    /// <summary>The frame table of the Q1 ablation (Parquet), for the frame models.</summary>
    public string Q1Frames => Path.Combine(Q1, "frames.parquet");

    /// <summary>The Q1 summary table (cv, ablation, model, metrics).</summary>
    public string Q1Summary => Path.Combine(Q1, "q1_summary.csv");

    /// <summary>Notebook 02 / <c>study q2</c>: genre, classical models.</summary>
    public string Q2 => Path.Combine(Root, "q2");

    /// <summary>The Table-1 features of the full mixes (CSV) for Q2.</summary>
    public string Q2Features => Path.Combine(Q2, "features.csv");

    /// <summary>The Q2 held-out test metrics table.</summary>
    public string Q2TestMetrics => Path.Combine(Q2, "q2_test_metrics.csv");

    /// <summary><c>study cnn --label language</c>: sung-language CNN sweep (models under <c>models/</c>).</summary>
    public string Q1Cnn => Path.Combine(Root, "q1-cnn");

    /// <summary>Notebook 03 / <c>study cnn</c>: genre CNN sweep (models under <c>models/</c>).</summary>
    public string Q2Cnn => Path.Combine(Root, "q2-cnn");

    /// <summary>The CNN sweep's best configuration per image mode.</summary>
    public string Q2CnnBest => Path.Combine(Q2Cnn, "best.csv");

    /// <summary>Notebook 04: MP3 vs WAV.</summary>
    public string Mp3VsWav => Path.Combine(Root, "mp3-vs-wav");

    /// <summary>MP3-vs-WAV band-spectrum similarity per bitrate.</summary>
    public string Mp3Similarity => Path.Combine(Mp3VsWav, "similarity.csv");

    /// <summary>MP3-vs-WAV train-on-one, test-on-the-other accuracies.</summary>
    public string Mp3Transfer => Path.Combine(Mp3VsWav, "transfer.csv");

    /// <summary>Notebook 06 / <c>study rec</c>: recommendation.</summary>
    public string Rec => Path.Combine(Root, "rec");

    /// <summary>The song embedding table the recommender reads (Parquet).</summary>
    public string RecEmbeddings => Path.Combine(Rec, "embeddings.parquet");

    /// <summary>The recommendation metrics table.</summary>
    public string RecMetrics => Path.Combine(Rec, "rec_metrics.csv");

    /// <summary>The per-language recommendation table.</summary>
    public string RecLanguage => Path.Combine(Rec, "rec_language.csv");

    /// <summary>The player page's folder.</summary>
    public string Player => Path.Combine(Root, "player");

    /// <summary>
    /// The report's headline figures (PNG, rendered by <c>./alchemy demo</c>), in order: Q1 macro-F1 by ablation, Q2 random
    /// forest confusion and learning curve, CNN grey confusion, MP3 |ΔdB| per band. Those not rendered are left out.
    /// </summary>
    public IReadOnlyList<string> HeadlineFigures() =>
        new[] { Path.Combine(Q1, "q1_f1_stratified"), Path.Combine(Q2, "q2_confusion_test_RF"), Path.Combine(Q2, "q2_learning_curve_RF"),
                Path.Combine(Q2Cnn, "cnn_confusion_grey"), Path.Combine(Mp3VsWav, "band_abs_diff") }
            .Select(p => p + ".png").Where(File.Exists).ToList();
}
