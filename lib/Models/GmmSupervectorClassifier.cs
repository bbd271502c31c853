namespace AudioAlchemy.Models;

/// <summary>
/// GMM supervector classifier (Campbell, Sturim and Reynolds 2006, "GMM-SVM"; here with a linear softmax model): the
/// UBM of <see cref="GmmUbmClassifier"/> is trained on the training tracks, every track's means are MAP-adapted from it
/// (<see cref="MapAdaptation"/>, relevance factor r), and the track becomes the supervector
/// s = [√w_i (μ̂_i − μ_i) / σ_i]_i (the KL-divergence linear kernel's embedding, k·d values). A multinomial logistic
/// regression on the supervectors of the training tracks gives the class probabilities. Where GMM-UBM scores each class
/// by likelihood under one adapted model per class, this one is discriminative over tracks, which is what works with
/// few training tracks per language.
/// </summary>
public sealed class GmmSupervectorClassifier : IFrameClassifier
{
    private readonly GmmUbmOptions _o;
    private readonly double _l2;
    private LogisticRegressionClassifier? _model;

    /// <summary>Creates an unfitted classifier (default <see cref="GmmSupervectorOptions()"/>).</summary>
    public GmmSupervectorClassifier(GmmSupervectorOptions? options = null)
    {
        var o = (options ?? new GmmSupervectorOptions()).Validate();
        _o = o.Ubm;
        _l2 = o.L2;
    }

    /// <inheritdoc />
    public string Name => "GMM-SV";

    /// <summary>The background model (after fitting).</summary>
    public DiagonalGmm? Ubm { get; private set; }

    /// <inheritdoc />
    public void FitTracks(IReadOnlyList<float[][]> tracks, int[] y, int nClasses)
    {
        Ubm = GmmUbmClassifier.TrainUbm(GmmUbmClassifier.FramesByClass(tracks, y, nClasses, "gmm-sv"), _o, "gmm-sv");
        var x = Supervectors(Ubm, tracks);
        _model = new LogisticRegressionClassifier(l2: _l2, seed: _o.Ubm.Seed);
        _model.Fit(x, y, nClasses);
    }

    /// <inheritdoc />
    public double[][] PredictTracksProba(IReadOnlyList<float[][]> tracks)
    {
        var ubm = Ubm ?? throw new InvalidOperationException("gmm-sv: FitTracks before predicting");
        return _model!.PredictProba(Supervectors(ubm, tracks));
    }

    /// <summary>The supervector of every track (in parallel; each from that track's frames only), shape (n_tracks, k·d).</summary>
    public float[][] Supervectors(DiagonalGmm ubm, IReadOnlyList<float[][]> tracks)
    {
        for (int i = 0; i < tracks.Count; i++)
            if (tracks[i].Length == 0) throw new AlchemyException($"gmm-sv: track {i} has no frames");
        var result = new float[tracks.Count][];
        // Posteriors parallelise over frame blocks inside; tracks are short, so run tracks in parallel instead.
        var single = new DiagonalGmm(ubm.Options with { Degree = 1 }, ubm.Weights, ubm.Means, ubm.Variances);
        var po = new ParallelOptions { MaxDegreeOfParallelism = _o.Ubm.Degree ?? Environment.ProcessorCount };
        Parallel.For(0, tracks.Count, po, i => result[i] = Supervector(single, tracks[i]));
        return result;
    }

    private float[] Supervector(DiagonalGmm ubm, float[][] frames)
    {
        var adapted = MapAdaptation.AdaptMeans(ubm, frames, _o.RelevanceFactor);
        int k = ubm.Weights.Length, d = ubm.Means[0].Length;
        var s = new float[k * d];
        for (int c = 0; c < k; c++)
        {
            double sw = Math.Sqrt(ubm.Weights[c]);
            for (int j = 0; j < d; j++)
                s[c * d + j] = (float)(sw * (adapted.Means[c][j] - ubm.Means[c][j]) / Math.Sqrt(ubm.Variances[c][j]));
        }
        return s;
    }
}
