using TorchSharp;
using static TorchSharp.torch;

namespace AudioAlchemy.Models.MaskNet;

/// <summary>
/// Shape of a mask network: magnitude spectrogram (batch, <paramref name="Bins"/>, frames) in, soft vocal mask of the
/// same shape in [0, 1] out.
/// </summary>
/// <param name="Kind">BLSTM (Open-Unmix-style) or U-Net.</param>
/// <param name="Bins">Frequency bins (1 + n_fft/2).</param>
/// <param name="Hidden">BLSTM: width of the compressed spectrum and of the LSTM output (both directions together).</param>
/// <param name="Layers">BLSTM: LSTM layers.</param>
/// <param name="Channels">U-Net: channels of the first level (doubled at each level).</param>
/// <param name="Depth">U-Net: down-sampling levels (frequency and time halved at each).</param>
/// <param name="Dropout">BLSTM: dropout between LSTM layers.</param>
public sealed record MaskNetArchitecture(MaskNetKind Kind, int Bins, int Hidden = 128, int Layers = 3, int Channels = 12, int Depth = 4, double Dropout = 0.2)
{
    /// <summary>Checks the values.</summary>
    public MaskNetArchitecture Validate()
    {
        if (Bins < 9) throw new AlchemyException($"mask net: need at least 9 frequency bins (got {Bins})");
        if (Kind == MaskNetKind.Blstm && (Hidden < 4 || Hidden % 2 != 0 || Layers < 1))
            throw new AlchemyException($"mask net: BLSTM needs an even hidden size >= 4 and >= 1 layer (got {Hidden}, {Layers})");
        if (Kind == MaskNetKind.UNet && (Channels < 1 || Depth < 1 || Depth > 6 || (Bins - 1) % (1 << Depth) != 0))
            throw new AlchemyException($"mask net: U-Net needs channels >= 1, depth 1..6 and bins − 1 divisible by 2^depth (got {Channels}, {Depth}, {Bins} bins)");
        if (Dropout < 0 || Dropout >= 1) throw new AlchemyException($"mask net: dropout must be in [0, 1) (got {Dropout})");
        return this;
    }

    /// <summary>
    /// Frames of context each side of a chunk at inference so the kept frames see (almost) what they would see in one
    /// pass: the U-Net's receptive field is finite (exact beyond it); the BLSTM's is the whole input, so this is a margin.
    /// </summary>
    public int ContextFrames => Kind == MaskNetKind.UNet ? 2 * (3 << Depth) + 8 : 128;

    /// <summary>Frames of a chunk are padded to a multiple of this (U-Net: 2^depth).</summary>
    public int FrameMultiple => Kind == MaskNetKind.UNet ? 1 << Depth : 1;

    /// <summary>Builds the network (weights from torch's current random state: seed first).</summary>
    public nn.Module<Tensor, Tensor> Build()
    {
        Validate();
        return Kind == MaskNetKind.Blstm ? new BlstmMaskNet(this) : new UNetMaskNet(this);
    }

    /// <summary>A short description, e.g. "blstm h128 l3".</summary>
    public string Describe() => Kind == MaskNetKind.Blstm ? $"blstm h{Hidden} l{Layers}" : $"unet c{Channels} d{Depth}";
}
