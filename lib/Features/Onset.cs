using AudioAlchemy.Dsp;

namespace AudioAlchemy.Features;

/// <summary>librosa.onset.</summary>
public static class Onset
{
    /// <summary>
    /// <c>onset.onset_strength(y, sr, n_fft, hop_length, lag=1, max_size=1, detrend=False, center=True, aggregate=np.mean,
    /// **melspectrogram kwargs)</c>: spectral-flux onset envelope, length 1 + len(y)/hop. For many signals reuse an
    /// <see cref="OnsetStrengthTransform"/> (and a <see cref="SpectralContext"/> to share the mel spectrogram).
    /// </summary>
    public static float[] OnsetStrength(float[] y, double sr = Defaults.SampleRate, int nFft = Defaults.NFft, int hopLength = Defaults.HopLength,
        int lag = 1, int maxSize = 1, bool detrend = false, bool center = true, OnsetAggregate aggregate = OnsetAggregate.Mean,
        int nMels = Defaults.NMels, double fmin = 0.0, double? fmax = null, bool htk = false, MelNorm norm = MelNorm.Slaney)
        => new OnsetStrengthTransform(new OnsetOptions(lag, maxSize, detrend, center, aggregate),
            new MelOptions(sr, nMels, fmin, fmax, htk, norm), new StftOptions(nFft, hopLength)).Compute(y);
}
