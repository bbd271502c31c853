namespace AudioAlchemy.Models;

/// <summary>Options of <see cref="GmmSupervectorClassifier"/>.</summary>
/// <param name="Ubm">UBM and MAP options: components, EM limits, UBM frames, relevance factor r of the per-track adaptation.</param>
/// <param name="L2">L2 weight of the logistic regression on the supervectors (ML.NET's L2Regularization).</param>
public sealed record GmmSupervectorOptions(GmmUbmOptions Ubm, double L2 = 0.01)
{
    /// <summary>
    /// Defaults chosen on the quick demo corpus of seed 2 (8 songs per genre × 15 s, learned-separator vocals,
    /// grouped-by-artist 5-fold; docs/language-id.md) and reported on seed 1: 16 components, 20 EM iterations,
    /// 8000 UBM frames, r = 2 (a track has ~10³ frames, so a small r lets its means move), L2 = 0.01.
    /// </summary>
    public GmmSupervectorOptions() : this(new GmmUbmOptions(new GmmOptions(Components: 16, MaxIterations: 20), RelevanceFactor: 2, MaxUbmFrames: 8000), L2: 0.01) { }

    /// <summary>Throws <see cref="ParameterException"/> for a bad option.</summary>
    public GmmSupervectorOptions Validate()
    {
        Ubm.Validate();
        if (!(L2 > 0) || !double.IsFinite(L2)) throw new ParameterException($"gmm-sv: l2 must be > 0 (got {L2})");
        return this;
    }
}
