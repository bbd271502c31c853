using System.Globalization;
using AudioAlchemy.Experiments;
using AudioAlchemy.Models;
using Microsoft.Data.Analysis;

namespace AudioAlchemy.Studies;

/// <summary>
/// Does a model trained on one version of the tracks (WAV) still work on another (MP3)? One stratified train/test split
/// of the reference table's tracks; the model (with its scaler) is fitted on the reference training rows and scored on
/// the reference test rows (the baseline) and on each variant's rows of the same test tracks. Same split, same fitted
/// model, so the difference is the effect of the encoding alone.
/// </summary>
public static class TransferAccuracy
{
    /// <summary>Columns of the table <see cref="Evaluate"/> returns.</summary>
    public static readonly string[] Columns = ["model", "trained_on", "tested_on", "test_tracks", "accuracy", "macro_f1"];

    /// <summary>
    /// Trains <paramref name="model"/> on the training split of <paramref name="reference"/> (label column
    /// <paramref name="label"/>, rows matched by <paramref name="idColumn"/>) and tests it on the reference and on each
    /// variant. Feature columns: the numeric columns that are not study metadata, identical in every table.
    /// </summary>
    public static TidyTable Evaluate(DataFrame reference, IReadOnlyList<(string Name, DataFrame Table)> variants, ModelSpec model, string label = "genre",
        string referenceName = "wav", double testFraction = 0.3, int seed = 0, string idColumn = "track_id")
    {
        var sel = new ColumnSelection(label, null, idColumn, Exclude: new StudyColumns().Metadata);
        var baseData = DatasetBuilder.Build(reference, sel);
        var parts = new List<(string Name, Dataset Data)> { (referenceName, baseData) };
        foreach (var (name, variant) in variants)
        {
            var d = DatasetBuilder.Build(variant, sel with { Features = baseData.FeatureNames });
            parts.Add((name, d));
        }
        var combined = new Dataset(parts.SelectMany(p => p.Data.X).ToArray(), parts.SelectMany(p => p.Data.Labels).ToArray(), null,
            parts.SelectMany(p => p.Data.Ids.Select(id => p.Name + "|" + id)).ToArray(), baseData.FeatureNames);
        var enc = new LabelEncoder(baseData.Labels);
        var split = StratifiedSplit.Split(enc.Transform(baseData.Labels), testFraction, 0, seed);
        var testIds = split.Test.Select(i => baseData.Ids[i]).ToHashSet(StringComparer.Ordinal);
        var table = new TidyTable(Columns);
        int offset = 0;
        foreach (var (name, data) in parts)
        {
            var test = Enumerable.Range(0, data.Count).Where(i => testIds.Contains(data.Ids[i])).Select(i => i + offset).ToArray();
            offset += data.Count;
            if (test.Length == 0) throw new AlchemyException($"transfer: table '{name}' has none of the {testIds.Count} test tracks");
            var (m, _, _, _) = CrossValidation.HoldOut(combined, model, split.Train, test, new CvOptions(seed, Standardize: true));
            table.Add(Q1Study.ModelName(model), referenceName, name, test.Length, m.Accuracy, m.Macro.F1);
        }
        return table;
    }
}
