namespace AudioAlchemy.Dsp;

/// <summary>Parameters of <c>librosa.stft</c>, validated once.</summary>
/// <param name="NFft">FFT size (<c>n_fft</c>).</param>
/// <param name="HopLength">Hop in samples (<c>hop_length</c>, default n_fft/4).</param>
/// <param name="WinLength">Window length (<c>win_length</c>, default n_fft); the window is zero-padded to n_fft, centred.</param>
/// <param name="Center">Pad n_fft/2 on both sides so frame t is centred at t·hop.</param>
/// <param name="PadMode">Padding when centred: <see cref="Dsp.PadMode.Constant"/> (zeros, librosa ≥ 0.10 default), reflect or edge.</param>
/// <param name="Window">Periodic Hann or ones.</param>
public sealed record StftOptions(int NFft = Defaults.NFft, int? HopLength = null, int? WinLength = null, bool Center = true,
    PadMode PadMode = PadMode.Constant, WindowKind Window = WindowKind.Hann)
{
    /// <summary>The hop actually used.</summary>
    public int Hop => HopLength ?? NFft / 4;

    /// <summary>The window length actually used.</summary>
    public int Win => WinLength ?? NFft;

    /// <summary>Throws <see cref="ArgumentException"/> for inconsistent parameters.</summary>
    public StftOptions Validate()
    {
        if (NFft < 2) throw new ParameterException($"n_fft must be >= 2 (got {NFft})");
        if (Hop < 1) throw new ParameterException($"hop_length must be >= 1 (got {Hop})");
        if (Win < 1 || Win > NFft) throw new ParameterException($"win_length must be in 1..n_fft (got {Win}, n_fft {NFft})");
        if (!Enum.IsDefined(PadMode)) throw new ParameterException($"pad_mode must be constant, reflect or edge (got {(int)PadMode})");
        if (!Enum.IsDefined(Window)) throw new ParameterException($"window must be hann or ones (got {(int)Window})");
        return this;
    }

    /// <summary>The padded analysis window of length n_fft.</summary>
    public double[] BuildWindow() => Dsp.Window.PadCenter(Window == WindowKind.Ones ? Dsp.Window.Ones(Win) : Dsp.Window.Hann(Win), NFft);

    /// <summary>Number of frames for a signal of <paramref name="n"/> samples.</summary>
    public int FrameCount(int n) => Center ? 1 + n / Hop : n < NFft ? 0 : 1 + (n - NFft) / Hop;
}
