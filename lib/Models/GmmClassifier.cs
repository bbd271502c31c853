namespace AudioAlchemy.Models;

/// <summary>
/// The classic language-ID baseline: one diagonal-covariance <see cref="DiagonalGmm"/> per class, trained on the
/// frame-level vectors (e.g. MFCC + deltas) of that class's tracks. A track is scored by the summed log-likelihood
/// of its frames under each class model; the predicted class maximises it. Probabilities are the softmax of the
/// mean per-frame log-likelihood (same argmax; less saturated, so ROC curves stay informative).
/// Used through <see cref="IClassifier"/>, each row is a one-frame track.
/// </summary>
public sealed class GmmClassifier : IClassifier, IFrameClassifier
{
    private readonly GmmOptions _o;
    private readonly int _maxFramesPerClass;
    private DiagonalGmm?[] _models = [];

    /// <summary>Creates an unfitted classifier.</summary>
    /// <param name="options">Mixture options (components, EM limits, seed).</param>
    /// <param name="maxFramesPerClass">Frames per class used for EM, a seeded random subset when there are more.</param>
    public GmmClassifier(GmmOptions options, int maxFramesPerClass = 20000)
    {
        _o = options.Validate();
        if (maxFramesPerClass < 1) throw new AlchemyException($"gmm: max frames per class must be >= 1, got {maxFramesPerClass}");
        _maxFramesPerClass = maxFramesPerClass;
    }

    /// <inheritdoc />
    public string Name => "gmm";

    string IFrameClassifier.Name => "GMM";

    /// <summary>The fitted model of each class (null for a class absent from training).</summary>
    public IReadOnlyList<DiagonalGmm?> ClassModels => _models;

    /// <inheritdoc />
    public void Fit(float[][] x, int[] y, int nClasses) => FitTracks(x.Select(r => new[] { r }).ToArray(), y, nClasses);

    /// <inheritdoc />
    public double[][] PredictProba(float[][] x) => PredictTracksProba(x.Select(r => new[] { r }).ToArray());

    /// <summary>Trains on tracks: <paramref name="tracks"/>[i] has shape (n_frames_i, n_features), class <paramref name="y"/>[i].</summary>
    public void FitTracks(IReadOnlyList<float[][]> tracks, int[] y, int nClasses)
    {
        if (tracks.Count != y.Length) throw new AlchemyException($"gmm: {tracks.Count} tracks but {y.Length} labels");
        if (nClasses < 2) throw new AlchemyException($"gmm: need at least 2 classes, got {nClasses}");
        var models = new DiagonalGmm?[nClasses];
        for (int c = 0; c < nClasses; c++)
        {
            var frames = tracks.Where((_, i) => y[i] == c).SelectMany(t => t).ToArray();
            if (frames.Length == 0) continue;
            if (frames.Length > _maxFramesPerClass)
            {
                var rng = new Random(_o.Seed * 7919 + c);
                rng.Shuffle(frames);
                frames = frames[.._maxFramesPerClass];
            }
            models[c] = new DiagonalGmm(_o with { Seed = _o.Seed + c }).Fit(frames);
        }
        _models = models;
    }

    /// <summary>Summed frame log-likelihood of each track under each class, shape (n_tracks, nClasses); −∞ for untrained classes.</summary>
    public double[][] TrackLogLikelihoods(IReadOnlyList<float[][]> tracks)
    {
        if (_models.Length == 0) throw new InvalidOperationException("gmm: Fit before predicting");
        return tracks.Select(t =>
        {
            if (t.Length == 0) throw new AlchemyException("gmm: a track has no frames");
            return _models.Select(m => m is null ? double.NegativeInfinity : m.TotalLogLikelihood(t)).ToArray();
        }).ToArray();
    }

    /// <summary>Class probabilities of tracks, shape (n_tracks, nClasses) (softmax of mean per-frame log-likelihood).</summary>
    public double[][] PredictTracksProba(IReadOnlyList<float[][]> tracks)
    {
        var ll = TrackLogLikelihoods(tracks);
        for (int i = 0; i < ll.Length; i++)
        {
            var r = ll[i];
            double max = r.Max();
            for (int c = 0; c < r.Length; c++) r[c] = double.IsNegativeInfinity(r[c]) ? 0 : Math.Exp((r[c] - max) / tracks[i].Length);
            ClassifierExtensions.Normalize(r);
        }
        return ll;
    }
}
