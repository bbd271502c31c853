using System.Globalization;
using System.Text;
using AudioAlchemy.Corpus;

namespace AudioAlchemy.Models.Cnn;

/// <summary>One track's prediction by a saved CNN.</summary>
/// <param name="TrackId">Track id.</param>
/// <param name="Label">True label.</param>
/// <param name="Predicted">Predicted class (argmax of the crop-averaged probabilities).</param>
/// <param name="Probabilities">Class probabilities, in the model's class order.</param>
public sealed record CnnTrackPrediction(string TrackId, string Label, string Predicted, float[] Probabilities);

/// <summary>A saved CNN scored on labelled tracks it never saw (e.g. another corpus seed).</summary>
/// <param name="Task">The model's task (the label column).</param>
/// <param name="Classes">The model's classes (order of <see cref="CnnTrackPrediction.Probabilities"/> and of the confusion matrix).</param>
/// <param name="Tracks">Per-track predictions.</param>
/// <param name="Accuracy">Track accuracy.</param>
/// <param name="MacroF1">Macro-F1 (scikit-learn semantics: labels present in truth or prediction).</param>
/// <param name="Confusion">Counts, shape (classes, classes): row = true, column = predicted.</param>
/// <param name="Skipped">Tracks not scored, each with its reason (label not a class of the model, unreadable audio...).</param>
public sealed record CnnEvaluationResult(string Task, IReadOnlyList<string> Classes, IReadOnlyList<CnnTrackPrediction> Tracks, double Accuracy,
    double MacroF1, int[,] Confusion, IReadOnlyList<string> Skipped)
{
    /// <summary>Writes <c>predictions-TASK.csv</c> (id, label, predicted, one probability column per class),
    /// <c>confusion-TASK.csv</c> and <c>metrics-TASK.csv</c> into <paramref name="folder"/>, each atomically;
    /// returns the three paths.</summary>
    public IReadOnlyList<string> Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var inv = CultureInfo.InvariantCulture;
        var p = new StringBuilder("id,label,predicted," + string.Join(",", Classes.Select(k => Csv.Escape("p_" + k))) + "\n");
        foreach (var t in Tracks)
            p.Append(Csv.Escape(t.TrackId)).Append(',').Append(Csv.Escape(t.Label)).Append(',').Append(Csv.Escape(t.Predicted)).Append(',')
                .Append(string.Join(",", t.Probabilities.Select(v => v.ToString("R", inv)))).Append('\n');
        var c = new StringBuilder("label," + string.Join(",", Classes.Select(k => Csv.Escape(k))) + "\n");
        for (int i = 0; i < Classes.Count; i++)
            c.Append(Csv.Escape(Classes[i])).Append(',').Append(string.Join(",", Enumerable.Range(0, Classes.Count).Select(j => Confusion[i, j].ToString(inv)))).Append('\n');
        string m = "task,tracks,skipped,accuracy,macro_f1\n" +
            $"{Csv.Escape(Task)},{Tracks.Count},{Skipped.Count},{Accuracy.ToString("R", inv)},{MacroF1.ToString("R", inv)}\n";
        var paths = new[] { "predictions", "confusion", "metrics" }.Select(n => Path.Combine(folder, $"{n}-{Task}.csv")).ToArray();
        AtomicFile.WriteAllText(paths[0], p.ToString());
        AtomicFile.WriteAllText(paths[1], c.ToString());
        AtomicFile.WriteAllText(paths[2], m);
        return paths;
    }
}

/// <summary>
/// Scores a saved <see cref="CnnClassifier"/> on labelled mel tracks, voting over crops exactly as
/// <see cref="CnnClassifier.PredictProba(IReadOnlyList{float[,]})"/> does: the held-out test a PyTorch user runs with
/// <c>model.eval()</c> on a test loader, e.g. a model trained on one corpus seed applied to another.
/// </summary>
public static class CnnEvaluation
{
    /// <summary>Evaluates <paramref name="model"/> on <paramref name="tracks"/> (their <see cref="MelTrack.Label"/> is the
    /// truth); tracks whose label is not one of the model's classes are skipped with a reason, as are the
    /// <paramref name="alreadySkipped"/> ones (e.g. <see cref="IMelSource.Skipped"/>). Throws when nothing is left to score.</summary>
    public static CnnEvaluationResult Evaluate(CnnClassifier model, IReadOnlyList<MelTrack> tracks, IEnumerable<string>? alreadySkipped = null)
    {
        var classes = model.Classes;
        var index = classes.Select((c, k) => (c, k)).ToDictionary(t => t.c, t => t.k, StringComparer.Ordinal);
        var skipped = (alreadySkipped ?? []).ToList();
        var scored = new List<MelTrack>();
        foreach (var t in tracks)
        {
            if (index.ContainsKey(t.Label)) scored.Add(t);
            else skipped.Add($"{t.TrackId}: {model.Metadata.Task} '{t.Label}' is not a class of the model ({string.Join(", ", classes)})");
        }
        if (scored.Count == 0)
            throw new AlchemyException($"CNN evaluation: no track to score ({skipped.Count} skipped{(skipped.Count > 0 ? ", first: " + skipped[0] : "")})");
        var proba = model.PredictProba(scored.Select(t => t.MelDb).ToList());
        var truth = scored.Select(t => index[t.Label]).ToArray();
        var predicted = new TrackPredictions(proba, 0, 0).Predicted;
        var rows = scored.Select((t, i) => new CnnTrackPrediction(t.TrackId, t.Label, classes[predicted[i]], proba[i])).ToList();
        return new CnnEvaluationResult(model.Metadata.Task, classes, rows, CnnMetrics.Accuracy(truth, predicted), CnnMetrics.MacroF1(truth, predicted),
            CnnMetrics.Confusion(truth, predicted, classes.Count), skipped);
    }
}
