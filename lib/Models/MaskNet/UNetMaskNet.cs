using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace AudioAlchemy.Models.MaskNet;

/// <summary>
/// A small 2-D U-Net over frequency × time: normalised log-magnitude without the Nyquist bin as one channel;
/// <see cref="MaskNetArchitecture.Depth"/> levels of (conv 3×3 → batchnorm → ReLU) ×2 then max-pool 2×2, channels
/// C·2^level; a bottleneck; transposed-conv up-sampling with skip concatenation; conv 1×1 → sigmoid. The Nyquist bin
/// takes the mask of the bin below. Input magnitude (batch, bins, frames) with frames a multiple of 2^depth (the
/// caller pads), output mask of the same shape.
/// </summary>
public sealed class UNetMaskNet : Module<Tensor, Tensor>
{
    private readonly SpectrumNormalizer normalizer;
    private readonly ModuleList<Module<Tensor, Tensor>> down = new(), up = new(), merge = new();
    private readonly Module<Tensor, Tensor> bottom;
    private readonly Conv2d head;
    private readonly MaxPool2d pool;

    /// <summary>Builds the layers (weights from torch's current random state).</summary>
    public UNetMaskNet(MaskNetArchitecture architecture) : base(nameof(UNetMaskNet))
    {
        var a = architecture.Validate();
        normalizer = new SpectrumNormalizer(a.Bins);
        int inCh = 1;
        for (int l = 0; l < a.Depth; l++)
        {
            int c = a.Channels << l;
            down.Add(Block(inCh, c));
            inCh = c;
        }
        bottom = Block(inCh, inCh * 2);
        for (int l = a.Depth - 1; l >= 0; l--)
        {
            int c = a.Channels << l;
            up.Add(ConvTranspose2d(2 * c, c, kernel_size: 2, stride: 2));
            merge.Add(Block(2 * c, c));
        }
        head = Conv2d(a.Channels, 1, kernel_size: 1);
        pool = MaxPool2d(kernel_size: 2);
        RegisterComponents();
    }

    /// <summary>The input normaliser (its statistics are set once from training data).</summary>
    public SpectrumNormalizer Normalizer => normalizer;

    private static Module<Tensor, Tensor> Block(int inCh, int outCh) => Sequential(
        Conv2d(inCh, outCh, kernel_size: 3, padding: 1, bias: false), BatchNorm2d(outCh), ReLU(),
        Conv2d(outCh, outCh, kernel_size: 3, padding: 1, bias: false), BatchNorm2d(outCh), ReLU());

    /// <summary>Mask (batch, bins, frames) for magnitudes (batch, bins, frames).</summary>
    public override Tensor forward(Tensor magnitude)
    {
        long bins = magnitude.shape[1];
        var x = normalizer.forward(magnitude).narrow(1, 0, bins - 1).unsqueeze(1);   // (b, 1, bins−1, t)
        var skips = new List<Tensor>();
        foreach (var d in down)
        {
            x = d.forward(x);
            skips.Add(x);
            x = pool.forward(x);
        }
        x = bottom.forward(x);
        for (int i = 0; i < up.Count; i++)
        {
            x = up[i].forward(x);
            x = merge[i].forward(torch.cat([x, skips[skips.Count - 1 - i]], 1));
        }
        var m = head.forward(x).sigmoid().squeeze(1);                                 // (b, bins−1, t)
        return torch.cat([m, m.narrow(1, bins - 2, 1)], 1);
    }
}
