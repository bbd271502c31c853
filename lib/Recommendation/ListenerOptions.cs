namespace AudioAlchemy.Recommendation;

/// <summary>Options of <see cref="ListenerSimulator"/>.</summary>
/// <param name="Users">Number of simulated listeners.</param>
/// <param name="RatingsPerUser">Songs each listener is exposed to and rates (capped at the library size).</param>
/// <param name="SingleLanguageFraction">Share of listeners who like one sung language and dislike the others.</param>
/// <param name="FavouriteGenres">Genres each listener favours.</param>
/// <param name="GenreWeight">Taste gain of a favourite genre (other genres: normal noise with sd 0.5).</param>
/// <param name="LanguageWeight">Taste gain of the preferred language for single-language listeners (others get −this); multi-language listeners: normal sd 0.3.</param>
/// <param name="TempoWeight">Taste gain of a song at the listener's preferred tempo (Gaussian in log₂ tempo ratio, sd 0.35 octave).</param>
/// <param name="Noise">Standard deviation of the rating noise added to the latent taste.</param>
/// <param name="ExposureBias">Missing not at random: exposure weight ∝ popularity × exp(bias × taste), so liked songs are rated more often.</param>
/// <param name="PopularitySkew">Zipf exponent of song popularity (exposure ∝ rank^−skew, ranks a seeded permutation).</param>
/// <param name="Seed">Seed of everything random.</param>
public sealed record ListenerOptions(int Users = 300, int RatingsPerUser = 40, double SingleLanguageFraction = 0.4, int FavouriteGenres = 2,
    double GenreWeight = 1.5, double LanguageWeight = 1.5, double TempoWeight = 0.8, double Noise = 0.5, double ExposureBias = 1.0,
    double PopularitySkew = 0.8, int Seed = 0)
{
    /// <summary>Throws <see cref="AlchemyException"/> naming the bad option.</summary>
    public ListenerOptions Validate()
    {
        if (Users < 1) throw new AlchemyException($"listeners: users must be ≥ 1 (got {Users})");
        if (RatingsPerUser < 2) throw new AlchemyException($"listeners: ratings per user must be ≥ 2 (got {RatingsPerUser})");
        if (SingleLanguageFraction is < 0 or > 1) throw new AlchemyException($"listeners: single-language fraction must be in [0, 1] (got {SingleLanguageFraction})");
        if (FavouriteGenres < 0) throw new AlchemyException($"listeners: favourite genres must be ≥ 0 (got {FavouriteGenres})");
        if (Noise < 0) throw new AlchemyException($"listeners: noise must be ≥ 0 (got {Noise})");
        return this;
    }
}
