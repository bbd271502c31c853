namespace AudioAlchemy.Models;

/// <summary>
/// GMM-UBM language/speaker-ID classifier (Reynolds et al. 2000): one diagonal <see cref="DiagonalGmm"/> universal
/// background model trained on frames of every class (balanced subsample), and one model per class whose means are
/// MAP-adapted from it (<see cref="MapAdaptation"/>). A track is scored per class by the average frame log-likelihood
/// ratio (1/T) Σ_t [log p(x_t | λ_c) − log p(x_t | λ_UBM)], with the class terms evaluated on the UBM's top-C components
/// of each frame (the paper's fast scoring; <see cref="GmmUbmOptions.TopC"/> = 0 uses all). Probabilities are the
/// softmax of these scores. Tracks are scored in parallel; results do not depend on the thread count.
/// </summary>
public sealed class GmmUbmClassifier : IFrameClassifier
{
    private readonly GmmUbmOptions _o;
    private DiagonalGmm?[] _classes = [];

    /// <summary>Creates an unfitted classifier.</summary>
    public GmmUbmClassifier(GmmUbmOptions? options = null) => _o = (options ?? new GmmUbmOptions()).Validate();

    /// <inheritdoc />
    public string Name => "GMM-UBM";

    /// <summary>The background model (after fitting).</summary>
    public DiagonalGmm? Ubm { get; private set; }

    /// <summary>The adapted model of each class (null for a class absent from training).</summary>
    public IReadOnlyList<DiagonalGmm?> ClassModels => _classes;

    /// <inheritdoc />
    public void FitTracks(IReadOnlyList<float[][]> tracks, int[] y, int nClasses)
    {
        var byClass = FramesByClass(tracks, y, nClasses, "gmm-ubm");
        var ubm = TrainUbm(byClass, _o, "gmm-ubm");
        Ubm = ubm;
        _classes = byClass.Select(f => f.Length == 0 ? null : MapAdaptation.AdaptMeans(ubm, f, _o.RelevanceFactor)).ToArray();
    }

    /// <summary>
    /// The frames of <paramref name="tracks"/> pooled per class <paramref name="y"/>[i] (0..<paramref name="nClasses"/>−1),
    /// after checking the labels; <paramref name="name"/> prefixes errors.
    /// </summary>
    public static float[][][] FramesByClass(IReadOnlyList<float[][]> tracks, int[] y, int nClasses, string name)
    {
        if (tracks.Count != y.Length) throw new AlchemyException($"{name}: {tracks.Count} tracks but {y.Length} labels");
        if (nClasses < 2) throw new AlchemyException($"{name}: need at least 2 classes, got {nClasses}");
        return Enumerable.Range(0, nClasses).Select(c => tracks.Where((_, i) => y[i] == c).SelectMany(t => t).ToArray()).ToArray();
    }

    /// <summary>
    /// The universal background model of frames pooled per class (<see cref="FramesByClass"/>): a diagonal GMM fitted on a
    /// seeded random subset of at most <see cref="GmmUbmOptions.MaxUbmFrames"/> frames, equal per class present.
    /// <paramref name="name"/> prefixes errors.
    /// </summary>
    public static DiagonalGmm TrainUbm(IReadOnlyList<float[][]> byClass, GmmUbmOptions o, string name)
    {
        int present = byClass.Count(f => f.Length > 0);
        if (present < 2) throw new AlchemyException($"{name}: fewer than 2 classes have frames");
        int perClass = Math.Max(1, o.MaxUbmFrames / present);
        var pool = new List<float[]>();
        for (int c = 0; c < byClass.Count; c++)
        {
            var f = byClass[c];
            if (f.Length <= perClass) { pool.AddRange(f); continue; }
            var idx = Enumerable.Range(0, f.Length).ToArray();
            new Random(o.Ubm.Seed * 7919 + c).Shuffle(idx);
            pool.AddRange(idx.Take(perClass).Order().Select(i => f[i]));
        }
        return new DiagonalGmm(o.Ubm).Fit(pool);
    }

    /// <summary>Average frame log-likelihood ratio of each track under each class, shape (n_tracks, nClasses); −∞ for untrained classes.</summary>
    public double[][] Scores(IReadOnlyList<float[][]> tracks)
    {
        var ubm = Ubm ?? throw new InvalidOperationException("gmm-ubm: FitTracks before predicting");
        var result = new double[tracks.Count][];
        var po = new ParallelOptions { MaxDegreeOfParallelism = _o.Ubm.Degree ?? Environment.ProcessorCount };
        Parallel.For(0, tracks.Count, po, i => result[i] = Score(ubm, tracks[i]));
        return result;
    }

    private double[] Score(DiagonalGmm ubm, float[][] frames)
    {
        if (frames.Length == 0) throw new AlchemyException("gmm-ubm: a track has no frames");
        int k = ubm.Weights.Length, nc = _classes.Length;
        int top = _o.TopC == 0 ? k : Math.Min(_o.TopC, k);
        var comp = new double[k];
        var order = new int[top];
        var taken = new bool[k];
        var sel = new double[top];
        var sums = new double[nc];
        foreach (var x in frames)
        {
            ubm.ComponentLogs(x, comp);
            double lu = DiagonalGmm.LogSumExp(comp);
            TopComponents(comp, order, taken);
            for (int c = 0; c < nc; c++)
            {
                var m = _classes[c];
                if (m is null) continue;
                for (int t = 0; t < top; t++) sel[t] = m.ComponentLog(x, order[t]);
                sums[c] += DiagonalGmm.LogSumExp(sel) - lu;
            }
        }
        for (int c = 0; c < nc; c++) sums[c] = _classes[c] is null ? double.NegativeInfinity : sums[c] / frames.Length;
        return sums;
    }

    /// <summary>Indices of the <c>order.Length</c> largest values of <paramref name="v"/>, largest first (ties: lower index).</summary>
    private static void TopComponents(double[] v, int[] order, bool[] taken)
    {
        Array.Clear(taken);
        for (int t = 0; t < order.Length; t++)
        {
            int best = -1;
            for (int c = 0; c < v.Length; c++) if (!taken[c] && (best < 0 || v[c] > v[best])) best = c;
            taken[best] = true;
            order[t] = best;
        }
    }

    /// <inheritdoc />
    public double[][] PredictTracksProba(IReadOnlyList<float[][]> tracks)
    {
        var s = Scores(tracks);
        foreach (var r in s)
        {
            double max = r.Max();
            for (int c = 0; c < r.Length; c++) r[c] = double.IsNegativeInfinity(r[c]) ? 0 : Math.Exp(r[c] - max);
            ClassifierExtensions.Normalize(r);
        }
        return s;
    }
}
