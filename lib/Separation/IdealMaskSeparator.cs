using AudioAlchemy.Dsp;

namespace AudioAlchemy.Separation;

/// <summary>
/// The oracle soft mask (sigsep's "IRM" oracle): m = |V|^p / (|V|^p + |A|^p) from the true stems' STFTs, applied to the
/// mixture's STFT (mixture phase), vocals = istft(m · X, length n), accompaniment = mixture − vocals. p = 1 is the ideal
/// ratio mask, p = 2 the ideal Wiener mask. It is the best any magnitude-mask separator at this STFT can do on a song
/// (up to the choice of p), so it is the ceiling for <c>--method learned</c> and REPET-SIM. Needs the true stems:
/// <c>separate eval --method ideal-mask</c> only.
/// </summary>
/// <param name="NFft">FFT size (the learned separator's 1024 by default).</param>
/// <param name="HopLength">Hop (256).</param>
/// <param name="Power">Mask exponent p, &gt; 0 (1 = ratio mask, 2 = Wiener).</param>
public sealed record IdealMaskSeparator(int NFft = 1024, int HopLength = 256, double Power = 1.0) : IStemInformedSeparator
{
    /// <summary>Throws <see cref="ParameterException"/> unless p &gt; 0 (finite), n_fft ≥ 16 and 1 ≤ hop ≤ n_fft.</summary>
    public IdealMaskSeparator Validate()
    {
        if (!(Power > 0) || !double.IsFinite(Power)) throw new ParameterException($"ideal-mask: --mask-power must be > 0, got {Power}");
        if (NFft < 16 || HopLength < 1 || HopLength > NFft)
            throw new ParameterException($"ideal-mask: --n-fft {NFft} / --hop-length {HopLength}: need n_fft >= 16 and 1 <= hop <= n_fft");
        return this;
    }

    /// <inheritdoc/>
    public string Settings => $"ideal-mask n_fft {NFft} hop {HopLength} p {Power:0.##}";

    /// <inheritdoc/>
    public SeparationResult Separate(float[] mixture, int sampleRate) =>
        throw new AlchemyException("ideal-mask is an oracle: it needs the true stems (use it with `separate eval` on a manifest with vocals_path/accompaniment_path)");

    /// <inheritdoc/>
    public SeparationResult Separate(float[] mixture, float[] vocals, float[] accompaniment, int sampleRate)
    {
        Validate();
        if (vocals.Length != mixture.Length || accompaniment.Length != mixture.Length)
            throw new AlchemyException($"ideal-mask: stems have {vocals.Length} and {accompaniment.Length} samples, the mixture {mixture.Length}");
        if (MixtureInput.Check(mixture, sampleRate) is { } empty) return empty;
        var stft = new Stft(new StftOptions(NFft, HopLength, Center: true));
        var X = stft.Forward(mixture);
        var V = stft.Forward(vocals).Magnitude(Power);
        var A = stft.Forward(accompaniment).Magnitude(Power);
        for (int i = 0; i < V.Data.Length; i++)
        {
            double v = V.Data[i], s = v + A.Data[i];
            float m = s > 0 ? (float)(v / s) : 0f;
            X.Real[i] *= m;
            X.Imag[i] *= m;
        }
        var est = stft.Inverse(X, mixture.Length);
        var acc = new float[mixture.Length];
        for (int i = 0; i < acc.Length; i++) acc[i] = mixture[i] - est[i];
        return new SeparationResult(est, acc, sampleRate);
    }
}
