namespace AudioAlchemy.Models.Cnn;

/// <summary>Shape of a <see cref="MelCnn"/>.</summary>
/// <param name="InChannels">Input channels: 1 (grey) or 3 (viridis).</param>
/// <param name="Classes">Output classes.</param>
/// <param name="ConvBlocks">Conv-batchnorm-ReLU-maxpool(2) blocks, 2..5.</param>
/// <param name="BaseChannels">Channels of the first block; each further block doubles them.</param>
/// <param name="Dropout">Dropout probability before the linear head, 0..&lt;1.</param>
/// <param name="FrequencyBands">
/// Global average pooling over all time and over this many equal frequency bands (1 = plain global average pooling).
/// More than 1 keeps where in the spectrum a pattern is (bass vs treble), which plain pooling throws away.
/// </param>
public sealed record CnnArchitecture(int InChannels, int Classes, int ConvBlocks = 3, int BaseChannels = 16, double Dropout = 0.3, int FrequencyBands = 4)
{
    /// <summary>Throws <see cref="AlchemyException"/> when a field is out of range.</summary>
    public CnnArchitecture Validate()
    {
        if (InChannels is not (1 or 3)) throw new AlchemyException($"CNN: input channels must be 1 (grey) or 3 (viridis), got {InChannels}");
        if (Classes < 2) throw new AlchemyException($"CNN: need at least 2 classes, got {Classes}");
        if (ConvBlocks is < 2 or > 5) throw new AlchemyException($"CNN: conv blocks must be 2..5, got {ConvBlocks}");
        if (BaseChannels is < 1 or > 256) throw new AlchemyException($"CNN: base channels must be 1..256, got {BaseChannels}");
        if (FrequencyBands is < 1 or > 16) throw new AlchemyException($"CNN: frequency bands of the pooling must be 1..16, got {FrequencyBands}");
        if (Dropout is < 0 or >= 1) throw new AlchemyException($"CNN: dropout must be in [0, 1), got {Dropout}");
        return this;
    }

    /// <summary>Minimum input height/width: each block halves them.</summary>
    public int MinInputSize => 1 << ConvBlocks;
}
