using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace AudioAlchemy.Models.Cnn;

/// <summary>
/// A small CNN for mel images: <see cref="CnnArchitecture.ConvBlocks"/> blocks of conv 3×3 (no bias) → batchnorm →
/// ReLU → maxpool 2×2, channels BaseChannels·2^i; then global average pooling (over all time and over
/// <see cref="CnnArchitecture.FrequencyBands"/> frequency bands), dropout and a linear head.
/// Input (batch, C, n_mels, frames) with C = 1 or 3; output logits (batch, classes).
/// </summary>
public sealed class MelCnn : Module<Tensor, Tensor>
{
    private readonly ModuleList<Module<Tensor, Tensor>> blocks;
    private readonly Dropout dropout;
    private readonly Linear head;

    /// <summary>Builds the layers (weights from torch's current random state: seed first).</summary>
    public MelCnn(CnnArchitecture architecture) : base(nameof(MelCnn))
    {
        Architecture = architecture.Validate();
        blocks = new ModuleList<Module<Tensor, Tensor>>();
        int inCh = architecture.InChannels;
        for (int i = 0; i < architecture.ConvBlocks; i++)
        {
            int outCh = architecture.BaseChannels << i;
            blocks.Add(Sequential(
                Conv2d(inCh, outCh, kernel_size: 3, padding: 1, bias: false),
                BatchNorm2d(outCh),
                ReLU(),
                MaxPool2d(kernel_size: 2)));
            inCh = outCh;
        }
        dropout = Dropout(architecture.Dropout);
        head = Linear(inCh * architecture.FrequencyBands, architecture.Classes);
        RegisterComponents();
    }

    /// <summary>The architecture this network was built with.</summary>
    public CnnArchitecture Architecture { get; }

    /// <summary>Logits (batch, classes) for images (batch, C, n_mels, frames).</summary>
    public override Tensor forward(Tensor input) => Classify(Embed(input));

    /// <summary>Width of <see cref="Embed"/>'s output: last block's channels × frequency bands.</summary>
    public int EmbeddingSize => (Architecture.BaseChannels << (Architecture.ConvBlocks - 1)) * Architecture.FrequencyBands;

    /// <summary>
    /// The penultimate layer (batch, <see cref="EmbeddingSize"/>): the conv blocks' output average-pooled over time and
    /// over the frequency bands, before dropout and the linear head (a song embedding).
    /// </summary>
    public Tensor Embed(Tensor input)
    {
        var x = input;
        foreach (var block in blocks) x = block.forward(x);
        return functional.adaptive_avg_pool2d(x, [Architecture.FrequencyBands, 1]).flatten(1);
    }

    /// <summary>Logits (batch, classes) from penultimate-layer features (batch, <see cref="EmbeddingSize"/>): dropout then the head.</summary>
    public Tensor Classify(Tensor embedding) => head.forward(dropout.forward(embedding));
}
