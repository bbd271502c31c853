using AudioAlchemy.Models.Cnn;

namespace AudioAlchemy.Tests.Cnn;

[Collection("Torch")]
public class TrainingTests
{
    private static CnnTrainOptions Plain(int epochs, double lr = 1e-2, int seed = 0) =>
        new(Epochs: epochs, Patience: 100, LearningRate: lr, WeightDecay: 0, BatchSize: 8, CropsPerTrack: 2, Schedule: LrSchedule.None,
            Augment: AugmentOptions.None, Seed: seed, Threads: 1);

    [Fact]
    public void TinyModel_OverfitsTinyDataset()
    {
        var train = TinyData.Dataset(TinyData.Tracks(perClass: 3));
        var result = new CnnTrainer(Plain(epochs: 40)).Fit(TinyData.Arch(train), train, null);
        using var model = result.Model;
        double first = result.History[0].TrainLoss, last = result.History[^1].TrainLoss;
        Assert.True(last < 0.25 * first, $"loss {first:0.000} → {last:0.000}");
        var pred = CropEvaluator.Evaluate(model, train, hop: 8);
        Assert.Equal(1.0, CnnMetrics.Accuracy(train.Labels, pred.Predicted));
    }

    [Fact]
    public void EarlyStopping_RestoresTheBestEpoch()
    {
        // Validation tracks carry shifted labels: the better the network learns the training labels, the worse the
        // validation loss gets, so the best validation epoch is an early one and patience stops training.
        var tracks = TinyData.Tracks(perClass: 3);
        var classes = TinyData.Classes(tracks);
        var train = TinyData.Dataset(tracks, classes: classes);
        var wrong = tracks.Select(t => t with { Label = classes[(Array.IndexOf(classes, t.Label) + 1) % classes.Length] }).ToList();
        var val = TinyData.Dataset(wrong, classes: classes);
        var options = Plain(epochs: 40) with { Patience = 3 };
        var result = new CnnTrainer(options).Fit(TinyData.Arch(train), train, val);
        using var model = result.Model;
        Assert.True(result.StoppedEarly);
        Assert.Equal(result.BestEpoch + options.Patience, result.History.Count);
        var bestLoss = result.History.Min(h => h.ValLoss);
        Assert.Equal(bestLoss, result.History[result.BestEpoch - 1].ValLoss);
        Assert.True(result.History[^1].ValLoss > bestLoss);
        // the returned weights are the best epoch's: re-evaluating gives the best epoch's validation loss
        var again = CropEvaluator.Evaluate(model, val, options.HopFor(val.CropFrames), options.BatchSize * 2);
        Assert.Equal(bestLoss, again.CropLoss, 5);
    }

    [Fact]
    public void SaveLoad_GivesIdenticalPredictions()
    {
        var tracks = TinyData.Tracks(perClass: 2);
        var train = TinyData.Dataset(tracks, MelImageMode.Viridis);
        var options = Plain(epochs: 3);
        var result = new CnnTrainer(options).Fit(TinyData.Arch(train, dropout: 0.3), train, null);
        using var clf = CnnClassifier.FromTraining(result, train, new MelParams(NMels: TinyData.NMels), options);
        using var dir = TestData.TempDir();
        string folder = dir.File("model");
        clf.Save(folder);
        using var loaded = CnnClassifier.Load(folder);
        Assert.Equal(clf.Classes, loaded.Classes);
        Assert.Equal(MelImageMode.Viridis, loaded.Metadata.Image.Mode);
        Assert.Equal(TinyData.Crop, loaded.Metadata.CropFrames);
        Assert.Equal(result.History.Count, loaded.Metadata.History.Length);
        var mels = tracks.Select(t => t.MelDb).ToList();
        var before = clf.PredictProba(mels);
        var after = loaded.PredictProba(mels);
        for (int i = 0; i < before.Length; i++) Assert.Equal(before[i], after[i]);
        Assert.All(before, p => Assert.Equal(1.0, p.Sum(), 4));
        // a mel with the wrong number of bands is refused with a clear message
        Assert.Throws<AlchemyException>(() => loaded.PredictProba(new float[TinyData.NMels + 1, 40]));
    }

    [Fact]
    public void Load_MissingFolder_SaysWhat() =>
        Assert.Contains("model.json", Assert.Throws<AlchemyException>(() => CnnClassifier.Load("/nonexistent/model")).Message);

    [Fact]
    public void SameSeed_GivesSameMetrics_AnotherSeedDoesNot()
    {
        var tracks = TinyData.Tracks(perClass: 3);
        var classes = TinyData.Classes(tracks);
        var split = TrackSplitter.Split(tracks, 0.34, 0, seed: 1, byGroup: false);
        var train = TinyData.Dataset(split.Train.Select(i => tracks[i]).ToList(), classes: classes);
        var val = TinyData.Dataset(split.Validation.Select(i => tracks[i]).ToList(), classes: classes);
        var options = new CnnTrainOptions(Epochs: 4, Patience: 10, LearningRate: 3e-3, BatchSize: 4, CropsPerTrack: 3,
            Augment: new AugmentOptions(FreqMasks: 1, FreqMaskWidth: 3, TimeMasks: 1, TimeMaskWidth: 4, MixupAlpha: 0.4), Seed: 11, Threads: 1);
        EpochStats[] Run(int seed)
        {
            var r = new CnnTrainer(options with { Seed = seed }).Fit(TinyData.Arch(train, dropout: 0.3), train, val);
            r.Model.Dispose();
            return r.History.Select(h => h with { Seconds = 0, CpuSeconds = 0 }).ToArray();
        }
        var a = Run(11);
        var b = Run(11);
        Assert.Equal(a, b);
        Assert.NotEqual(a.Select(h => h.TrainLoss), Run(12).Select(h => h.TrainLoss));
    }

    /// <summary>On Linux/glibc the allocator tuning that keeps libtorch from mmap-ing every activation buffer is applied.</summary>
    [GlibcFact]
    public void NativeAllocatorTuning_IsAppliedOnGlibc()
    {
        Assert.True(TorchRuntime.NativeAllocatorTuned, "mallopt(M_MMAP_MAX, 0) / M_TRIM_THRESHOLD were not applied");
    }
}
