namespace AudioAlchemy.Models;

/// <summary>Options of <see cref="GmmUbmClassifier"/>.</summary>
/// <param name="Ubm">The UBM's mixture options (components, EM limits, seed, threads).</param>
/// <param name="RelevanceFactor">MAP relevance factor r (Reynolds et al. 2000: 16).</param>
/// <param name="MaxUbmFrames">Frames used to train the UBM: a seeded random subset, equal per class, when there are more.</param>
/// <param name="TopC">Score each frame on the UBM's C best components only (Reynolds' fast scoring); 0 = all components.</param>
public sealed record GmmUbmOptions(GmmOptions Ubm, double RelevanceFactor = 16, int MaxUbmFrames = 20000, int TopC = 5)
{
    /// <summary>Defaults: 64 components, 20 EM iterations, r = 16, top-5 scoring.</summary>
    public GmmUbmOptions() : this(new GmmOptions(Components: 64, MaxIterations: 20)) { }

    /// <summary>Throws <see cref="AlchemyException"/> for a bad option.</summary>
    public GmmUbmOptions Validate()
    {
        Ubm.Validate();
        if (!(RelevanceFactor > 0) || !double.IsFinite(RelevanceFactor)) throw new AlchemyException($"gmm-ubm: relevance factor must be > 0 (got {RelevanceFactor})");
        if (MaxUbmFrames < Ubm.Components) throw new AlchemyException($"gmm-ubm: max UBM frames ({MaxUbmFrames}) must be >= components ({Ubm.Components})");
        if (TopC < 0) throw new AlchemyException($"gmm-ubm: top-C must be >= 0 (got {TopC})");
        return this;
    }
}
