namespace AudioAlchemy.Models.MaskNet;

/// <summary>The two mask-estimation networks of the learned separator.</summary>
public enum MaskNetKind
{
    /// <summary>Open-Unmix-style: per-frame linear compression of the spectrum, a 3-layer bidirectional LSTM over time, linear expansion to a mask (<see cref="BlstmMaskNet"/>).</summary>
    Blstm,

    /// <summary>A small 2-D U-Net over frequency × time (<see cref="UNetMaskNet"/>).</summary>
    UNet,
}
