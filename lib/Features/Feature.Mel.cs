using AudioAlchemy.Dsp;

namespace AudioAlchemy.Features;

/// <summary>librosa.feature: frame-wise features with librosa 0.11 semantics and defaults (one file per family).</summary>
public static partial class Feature
{
    /// <summary>
    /// <c>feature.melspectrogram(y, sr, n_fft, hop_length, win_length, window, center, pad_mode, power, n_mels, fmin, fmax,
    /// htk, norm)</c>: mel filterbank applied to |stft(y)|^power, shape (n_mels, 1 + len(y)/hop). For many signals reuse a
    /// <see cref="MelSpectrogramTransform"/>.
    /// </summary>
    public static Matrix MelSpectrogram(float[] y, double sr = Defaults.SampleRate, int nFft = Defaults.NFft, int hopLength = Defaults.HopLength,
        int? winLength = null, WindowKind window = WindowKind.Hann, bool center = true, PadMode padMode = PadMode.Constant, double power = 2.0,
        int nMels = Defaults.NMels, double fmin = 0.0, double? fmax = null, bool htk = false, MelNorm norm = MelNorm.Slaney)
        => new MelSpectrogramTransform(new MelOptions(sr, nMels, fmin, fmax, htk, norm, power),
            new StftOptions(nFft, hopLength, winLength, center, padMode, window)).Compute(y);
}
