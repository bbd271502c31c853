using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AudioAlchemy.Models.MaskNet;

/// <summary>
/// First stage of every mask network: log-magnitude, then a learned per-bin shift and scale (initialised from training
/// statistics by <see cref="SetStatistics"/>, as Open-Unmix's input mean/scale). Input and output (batch, bins, frames).
/// </summary>
public sealed class SpectrumNormalizer : nn.Module<Tensor, Tensor>
{
    private readonly Parameter mean;
    private readonly Parameter scale;

    /// <summary>Floor added to the magnitude before the logarithm.</summary>
    public const float Floor = 1e-4f;

    /// <summary>Creates the normaliser for <paramref name="bins"/> bins (mean 0, scale 1).</summary>
    public SpectrumNormalizer(int bins) : base(nameof(SpectrumNormalizer))
    {
        mean = nn.Parameter(torch.zeros(bins, 1));
        scale = nn.Parameter(torch.ones(bins, 1));
        RegisterComponents();
    }

    /// <summary>Sets the shift and scale from the per-bin mean and standard deviation of log(|X| + floor).</summary>
    public void SetStatistics(Tensor logMean, Tensor logStd)
    {
        using var _ = torch.no_grad();
        mean.copy_(logMean.reshape(-1, 1));
        scale.copy_((1.0f / logStd.clamp_min(1e-3f)).reshape(-1, 1));
    }

    /// <summary>(log(|X| + floor) − mean) · scale, shape (batch, bins, frames).</summary>
    public override Tensor forward(Tensor magnitude) => (magnitude + Floor).log().sub(mean).mul(scale);
}
