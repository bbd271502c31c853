namespace AudioAlchemy.Recommendation;

/// <summary>Options of <see cref="AlsRecommender"/> (explicit-feedback ALS, as Spark MLlib's ALS with implicitPrefs=false).</summary>
/// <param name="Factors">Latent factors (rank).</param>
/// <param name="Lambda">L2 regularisation of factors and biases (per solve, not scaled by the number of ratings); 10 was chosen on the seed-2 robustness corpus (docs/recommendation.md).</param>
/// <param name="Iterations">Alternating sweeps (users then items).</param>
/// <param name="Biases">Fit a user and an item bias next to the factors.</param>
/// <param name="CenterOnMean">Subtract the global mean rating before fitting.</param>
/// <param name="Seed">Seed of the initial item factors (normal, sd 0.1).</param>
public sealed record AlsOptions(int Factors = 8, double Lambda = 10.0, int Iterations = 15, bool Biases = true, bool CenterOnMean = true, int Seed = 0)
{
    /// <summary>Throws <see cref="AlchemyException"/> naming the bad option.</summary>
    public AlsOptions Validate()
    {
        if (Factors < 1) throw new AlchemyException($"ALS: factors must be ≥ 1 (got {Factors})");
        if (!(Lambda > 0)) throw new AlchemyException($"ALS: lambda must be > 0 (got {Lambda})");
        if (Iterations < 1) throw new AlchemyException($"ALS: iterations must be ≥ 1 (got {Iterations})");
        return this;
    }
}
