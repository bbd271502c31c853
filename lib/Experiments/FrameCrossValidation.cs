using AudioAlchemy.Models;

namespace AudioAlchemy.Experiments;

/// <summary>
/// Cross-validation of the frame-level <see cref="GmmClassifier"/>: rows of <paramref name="Data"/> are tracks
/// (labels, groups, ids), <paramref name="Frames"/>[i] is track i's frame matrix (n_frames, n_features). Splits are
/// over tracks; the scaler is fitted on the training tracks' frames only.
/// </summary>
/// <param name="Data">Track-level dataset (its X is not used).</param>
/// <param name="Frames">Per-track frame matrices, aligned with <paramref name="Data"/> rows.</param>
public sealed record FrameDataset(Dataset Data, IReadOnlyList<float[][]> Frames)
{
    /// <summary>Evaluates a GMM classifier with <paramref name="options"/> under <paramref name="splitter"/>.</summary>
    public CvResult CrossValidate(GmmOptions options, ISplitter splitter, CvOptions? cv = null, int maxFramesPerClass = 20000)
    {
        if (Frames.Count != Data.Count) throw new AlchemyException($"{Frames.Count} frame matrices for {Data.Count} tracks");
        var o = (cv ?? new CvOptions()).Validate();
        var enc = new LabelEncoder(Data.Labels);
        var y = enc.Transform(Data.Labels);
        var folds = splitter.Split(y, Data.Groups);
        var results = new FoldResult[folds.Count];
        ParallelRunner.For(folds.Count, o.Degree, f =>
        {
            var fold = folds[f];
            var train = fold.Train.Select(i => Frames[i]).ToArray();
            var test = fold.Test.Select(i => Frames[i]).ToArray();
            if (o.Standardize)
            {
                var scaler = new StandardScaler().Fit(train.SelectMany(t => t).ToArray());
                train = train.Select(t => scaler.Transform(t)).ToArray();
                test = test.Select(t => scaler.Transform(t)).ToArray();
            }
            var gmm = new GmmClassifier(options with { Seed = o.Seed }, maxFramesPerClass);
            // Global codes are fine here: the encoder only orders class names, and a class missing from the training
            // fold gets no model (probability 0).
            gmm.FitTracks(train, fold.Train.Select(i => y[i]).ToArray(), enc.Classes.Length);
            var proba = gmm.PredictTracksProba(test);
            var pred = ClassifierExtensions.ArgMax(proba);
            results[f] = new FoldResult(fold.Index, fold.Test, pred, proba,
                ClassificationMetrics.Compute(fold.Test.Select(i => y[i]).ToArray(), pred), null);
        });
        var spec = new ModelSpec("gmm", ModelParams.Empty.With("components", options.Components.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return new CvResult(spec, splitter.Name, enc.Classes, y, results);
    }
}
