namespace AudioAlchemy.Models.MaskNet;

/// <summary>
/// The STFT a mask network was trained with (saved with the model): sample rate, n_fft and hop; periodic Hann window
/// of n_fft samples, centred frames with zero padding (librosa 0.11's <c>stft</c> defaults, <see cref="Dsp.Stft"/>).
/// </summary>
/// <param name="SampleRate">Audio rate in Hz.</param>
/// <param name="NFft">FFT size.</param>
/// <param name="HopLength">Hop in samples.</param>
public sealed record MaskNetStft(int SampleRate = 22050, int NFft = 1024, int HopLength = 256)
{
    /// <summary>Frequency bins, 1 + n_fft/2.</summary>
    public int Bins => NFft / 2 + 1;

    /// <summary>Checks the values (n_fft even and a multiple of the hop, so every sample is covered by n_fft/hop frames).</summary>
    public MaskNetStft Validate()
    {
        ParameterException.PositiveRate(SampleRate, "sample rate", "mask net STFT");
        if (NFft < 16 || NFft % 2 != 0) throw new AlchemyException($"mask net STFT: n_fft must be even and >= 16 (got {NFft})");
        if (HopLength < 1 || NFft % HopLength != 0) throw new AlchemyException($"mask net STFT: hop_length must divide n_fft (got {HopLength}, n_fft {NFft})");
        return this;
    }

    /// <summary>The equivalent options of <see cref="Dsp.Stft"/> (centred or not).</summary>
    public Dsp.StftOptions Options(bool center) => new(NFft, HopLength, Center: center);
}
