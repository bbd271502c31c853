using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace AudioAlchemy.Models.MaskNet;

/// <summary>
/// Open-Unmix-style mask network (Stöter et al. 2019) sized for CPUs: per frame, normalised log-magnitude →
/// linear (bins → H) → batchnorm → tanh; a bidirectional LSTM over time (H/2 per direction, <see cref="MaskNetArchitecture.Layers"/>
/// layers); skip concatenation → linear (2H → H) → batchnorm → ReLU → linear (H → bins) → batchnorm → sigmoid.
/// Input magnitude (batch, bins, frames), output mask of the same shape in [0, 1].
/// </summary>
public sealed class BlstmMaskNet : Module<Tensor, Tensor>
{
    private readonly SpectrumNormalizer normalizer;
    private readonly Linear fc1, fc2, fc3;
    private readonly BatchNorm1d bn1, bn2, bn3;
    private readonly LSTM lstm;
    private readonly int hidden;

    /// <summary>Builds the layers (weights from torch's current random state).</summary>
    public BlstmMaskNet(MaskNetArchitecture architecture) : base(nameof(BlstmMaskNet))
    {
        var a = architecture.Validate();
        hidden = a.Hidden;
        normalizer = new SpectrumNormalizer(a.Bins);
        fc1 = Linear(a.Bins, hidden, hasBias: false);
        bn1 = BatchNorm1d(hidden);
        lstm = LSTM(hidden, hidden / 2, numLayers: a.Layers, batchFirst: true, dropout: a.Layers > 1 ? a.Dropout : 0, bidirectional: true);
        fc2 = Linear(2 * hidden, hidden, hasBias: false);
        bn2 = BatchNorm1d(hidden);
        fc3 = Linear(hidden, a.Bins, hasBias: false);
        bn3 = BatchNorm1d(a.Bins);
        RegisterComponents();
    }

    /// <summary>The input normaliser (its statistics are set once from training data).</summary>
    public SpectrumNormalizer Normalizer => normalizer;

    /// <summary>Mask (batch, bins, frames) for magnitudes (batch, bins, frames).</summary>
    public override Tensor forward(Tensor magnitude)
    {
        long b = magnitude.shape[0], f = magnitude.shape[1], t = magnitude.shape[2];
        var x = normalizer.forward(magnitude).permute(0, 2, 1).reshape(b * t, f);   // (b·t, bins)
        var h = bn1.forward(fc1.forward(x)).tanh();                                   // (b·t, H)
        var (o, _, _) = lstm.forward(h.reshape(b, t, hidden));                        // (b, t, H)
        var z = torch.cat([h, o.reshape(b * t, hidden)], 1);                          // (b·t, 2H)
        z = bn2.forward(fc2.forward(z)).relu();
        z = bn3.forward(fc3.forward(z)).sigmoid();                                    // (b·t, bins)
        return z.reshape(b, t, f).permute(0, 2, 1);
    }
}
