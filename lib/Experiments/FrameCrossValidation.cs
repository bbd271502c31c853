using AudioAlchemy.Models;

namespace AudioAlchemy.Experiments;

/// <summary>
/// Cross-validation of a frame-level classifier (<see cref="IFrameClassifier"/>: GMM, GMM-UBM): rows of
/// <paramref name="Data"/> are tracks (labels, groups, ids), <paramref name="Frames"/>[i] is track i's frame matrix
/// (n_frames, n_features), empty when the track has no frame (silent/unvoiced). Splits are over all tracks, so folds are
/// the same as for the table models; a track without frames is left out of its fold's training and scoring (and
/// counted in <see cref="FrameCvResult.Excluded"/>). The scaler is fitted on the training tracks' frames only.
/// </summary>
/// <param name="Data">Track-level dataset (its X is not used).</param>
/// <param name="Frames">Per-track frame matrices, aligned with <paramref name="Data"/> rows.</param>
public sealed record FrameDataset(Dataset Data, IReadOnlyList<float[][]> Frames)
{
    /// <summary>Evaluates the classic per-class GMM with <paramref name="options"/> under <paramref name="splitter"/>.</summary>
    public FrameCvResult CrossValidate(GmmOptions options, ISplitter splitter, CvOptions? cv = null, int maxFramesPerClass = 20000) =>
        CrossValidate(seed => new GmmClassifier(options with { Seed = seed }, maxFramesPerClass),
            new ModelSpec("gmm", ModelParams.Empty.With("components", options.Components.ToString(System.Globalization.CultureInfo.InvariantCulture))), splitter, cv);

    /// <summary>Evaluates a GMM-UBM with <paramref name="options"/> under <paramref name="splitter"/>.</summary>
    public FrameCvResult CrossValidate(GmmUbmOptions options, ISplitter splitter, CvOptions? cv = null) =>
        CrossValidate(seed => new GmmUbmClassifier(options with { Ubm = options.Ubm with { Seed = seed } }),
            new ModelSpec("gmm-ubm", ModelParams.Empty.With("components", options.Ubm.Components.ToString(System.Globalization.CultureInfo.InvariantCulture))), splitter, cv);

    /// <summary>Evaluates the GMM supervector classifier with <paramref name="options"/> under <paramref name="splitter"/>.</summary>
    public FrameCvResult CrossValidate(GmmSupervectorOptions options, ISplitter splitter, CvOptions? cv = null) =>
        CrossValidate(seed => new GmmSupervectorClassifier(options with { Ubm = options.Ubm with { Ubm = options.Ubm.Ubm with { Seed = seed } } }),
            new ModelSpec("gmm-sv", ModelParams.Empty.With("components", options.Ubm.Ubm.Components.ToString(System.Globalization.CultureInfo.InvariantCulture))), splitter, cv);

    /// <summary>Evaluates classifiers made by <paramref name="factory"/> (called with the CV seed) under <paramref name="splitter"/>.</summary>
    public FrameCvResult CrossValidate(Func<int, IFrameClassifier> factory, ModelSpec spec, ISplitter splitter, CvOptions? cv = null)
    {
        if (Frames.Count != Data.Count) throw new AlchemyException($"{Frames.Count} frame matrices for {Data.Count} tracks");
        var o = (cv ?? new CvOptions()).Validate();
        var enc = new LabelEncoder(Data.Labels);
        var y = enc.Transform(Data.Labels);
        var folds = splitter.Split(y, Data.Groups);
        var results = new FoldResult[folds.Count];
        var excluded = new int[folds.Count];
        // Folds run one after another: the models parallelise EM and scoring internally.
        for (int f = 0; f < folds.Count; f++)
        {
            var fold = folds[f];
            var trainRows = fold.Train.Where(i => Frames[i].Length > 0).ToArray();
            var testRows = fold.Test.Where(i => Frames[i].Length > 0).ToArray();
            excluded[f] = fold.Test.Length - testRows.Length;
            if (testRows.Length == 0) throw new AlchemyException($"fold {fold.Index}: no test track has frames");
            var train = trainRows.Select(i => Frames[i]).ToArray();
            var test = testRows.Select(i => Frames[i]).ToArray();
            if (o.Standardize)
            {
                var scaler = new StandardScaler().Fit(train.SelectMany(t => t).ToArray());
                train = train.Select(t => scaler.Transform(t)).ToArray();
                test = test.Select(t => scaler.Transform(t)).ToArray();
            }
            var model = factory(o.Seed);
            // Global codes are fine here: the encoder only orders class names, and a class missing from the training
            // fold gets no model (probability 0).
            double[][] proba;
            try
            {
                model.FitTracks(train, trainRows.Select(i => y[i]).ToArray(), enc.Classes.Length);
                proba = model.PredictTracksProba(test);
            }
            finally { (model as IDisposable)?.Dispose(); }
            var pred = ClassifierExtensions.ArgMax(proba);
            results[f] = new FoldResult(fold.Index, testRows, pred, proba, ClassificationMetrics.Compute(testRows.Select(i => y[i]).ToArray(), pred), null);
        }
        return new FrameCvResult(new CvResult(spec, splitter.Name, enc.Classes, y, results), excluded);
    }
}

/// <summary>A frame-level cross-validation result.</summary>
/// <param name="Result">The usual CV result (test rows exclude tracks without frames).</param>
/// <param name="Excluded">Per fold, test tracks left out because they have no frames.</param>
public sealed record FrameCvResult(CvResult Result, IReadOnlyList<int> Excluded)
{
    /// <summary>Test tracks left out over all folds.</summary>
    public int TotalExcluded => Excluded.Sum();
}
