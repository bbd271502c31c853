using AudioAlchemy.Models.Cnn;

namespace AudioAlchemy.Tests.Cnn;

[Collection("Torch")]
public class EvaluationTests
{
    [Fact]
    public void SavedModel_ScoredOnOtherTracks_MatchesItsOwnPredictions_AndSkipsUnknownLabels()
    {
        var train = TinyData.Dataset(TinyData.Tracks(perClass: 3, seed: 1));
        var options = new CnnTrainOptions(Epochs: 3, Patience: 100, BatchSize: 8, CropsPerTrack: 2, Augment: AugmentOptions.None, Seed: 0, Threads: 1);
        using var clf = CnnClassifier.FromTraining(new CnnTrainer(options).Fit(TinyData.Arch(train), train, null), train, new MelParams(NMels: TinyData.NMels), options, "language");
        // Held-out tracks: another seed of the generator, plus one whose label the model never saw.
        var test = TinyData.Tracks(perClass: 4, seed: 2).ToList();
        var stranger = test[0] with { TrackId = "odd", Label = "klingon" };
        var r = CnnEvaluation.Evaluate(clf, [.. test, stranger], ["row 9 (gone): unreadable"]);

        Assert.Equal("language", r.Task);
        Assert.Equal(test.Count, r.Tracks.Count);
        Assert.Equal(2, r.Skipped.Count);
        Assert.Contains("klingon", r.Skipped[1]);
        var proba = clf.PredictProba(test.Select(t => t.MelDb).ToList());
        int correct = 0;
        for (int i = 0; i < test.Count; i++)
        {
            Assert.Equal(proba[i], r.Tracks[i].Probabilities);
            int k = Array.IndexOf(proba[i], proba[i].Max());
            Assert.Equal(clf.Classes[k], r.Tracks[i].Predicted);
            if (clf.Classes[k] == test[i].Label) correct++;
        }
        Assert.Equal((double)correct / test.Count, r.Accuracy, 12);
        int total = 0, diagonal = 0;
        for (int i = 0; i < r.Classes.Count; i++)
            for (int j = 0; j < r.Classes.Count; j++) { total += r.Confusion[i, j]; if (i == j) diagonal += r.Confusion[i, j]; }
        Assert.Equal(test.Count, total);
        Assert.Equal(correct, diagonal);

        using var dir = TestData.TempDir();
        var files = r.Write(dir.File("out"));
        Assert.Equal(3, files.Count);
        var lines = File.ReadAllLines(files[0]);
        Assert.Equal("id,label,predicted," + string.Join(",", clf.Classes.Select(c => "p_" + c)), lines[0]);
        Assert.Equal(test.Count + 1, lines.Length);
        Assert.StartsWith($"language,{test.Count},2,", File.ReadAllLines(files[2])[1]);
        Assert.Throws<AlchemyException>(() => CnnEvaluation.Evaluate(clf, [stranger]));
    }
}
