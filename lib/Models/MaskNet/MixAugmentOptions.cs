namespace AudioAlchemy.Models.MaskNet;

/// <summary>
/// Cheap augmentation of training mixtures, drawn per crop from the trainer's seeded generator: stems are mixed
/// again, so the target is always exact.
/// </summary>
/// <param name="GainDb">Each stem gets a uniform random gain in ±GainDb dB (changes the vocal-to-accompaniment ratio).</param>
/// <param name="RemixProbability">Probability that the accompaniment comes from another random song (and another offset).</param>
/// <param name="EqDb">Each stem gets a random smooth EQ curve, ±EqDb dB at most (two random cosines over the frequency axis).</param>
public sealed record MixAugmentOptions(double GainDb = 6, double RemixProbability = 0.5, double EqDb = 6)
{
    /// <summary>No augmentation (the corpus' own mixtures).</summary>
    public static MixAugmentOptions None { get; } = new(0, 0, 0);

    /// <summary>Checks the values.</summary>
    public MixAugmentOptions Validate()
    {
        if (GainDb < 0 || GainDb > 40 || EqDb < 0 || EqDb > 40) throw new AlchemyException($"augmentation: gain and EQ must be in [0, 40] dB (got {GainDb}, {EqDb})");
        if (RemixProbability < 0 || RemixProbability > 1) throw new AlchemyException($"augmentation: remix probability must be in [0, 1] (got {RemixProbability})");
        return this;
    }
}
