namespace AudioAlchemy.Models.MaskNet;

/// <summary>Inference settings of <see cref="LearnedSeparator"/> (none changes the trained model).</summary>
/// <param name="ChunkFrames">STFT frames whose mask is computed per network call (≈ 23.8 s at hop 256 / 22050 Hz);
/// memory is bounded by the chunk, not the song.</param>
/// <param name="ContextFrames">Extra frames each side of a chunk that the network sees but whose mask is discarded
/// (null = the architecture's <see cref="MaskNetArchitecture.ContextFrames"/>).</param>
/// <param name="WienerPower">Mask refinement: with v = m·|X| and a = (1 − m)·|X| the vocal mask becomes v^p / (v^p + a^p);
/// 1 keeps the network's ratio mask; null = the model's own choice (<see cref="MaskNetMetadata.WienerPower"/>, else 1).</param>
/// <param name="Threads">torch intra-op threads while separating (≤ 0: leave torch's setting).</param>
public sealed record LearnedSeparatorOptions(int ChunkFrames = 2048, int? ContextFrames = null, double? WienerPower = null, int Threads = 0)
{
    /// <summary>Checks the values.</summary>
    public LearnedSeparatorOptions Validate()
    {
        if (ChunkFrames < 16) throw new AlchemyException($"learned separator: chunk must be >= 16 frames (got {ChunkFrames})");
        if (ContextFrames is < 0) throw new AlchemyException($"learned separator: context frames must be >= 0 (got {ContextFrames})");
        if (WienerPower is { } w && (!(w > 0) || w > 8)) throw new AlchemyException($"learned separator: Wiener power must be in (0, 8] (got {WienerPower})");
        return this;
    }
}
