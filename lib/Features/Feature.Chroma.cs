using AudioAlchemy.Dsp;

namespace AudioAlchemy.Features;

public static partial class Feature
{
    /// <summary>
    /// <c>feature.chroma_stft(y, sr, norm=inf, n_fft, hop_length, win_length, window, center, pad_mode, tuning=None,
    /// n_chroma=12, ctroct, octwidth, base_c)</c>: shape (n_chroma, frames), rows C..B, each frame scaled to max 1.
    /// <paramref name="tuning"/> null = estimated. For many signals reuse a <see cref="ChromaStftTransform"/>.
    /// </summary>
    public static Matrix ChromaStft(float[] y, double sr = Defaults.SampleRate, double? norm = double.PositiveInfinity, int nFft = Defaults.NFft,
        int hopLength = Defaults.HopLength, int? winLength = null, WindowKind window = WindowKind.Hann, bool center = true, PadMode padMode = PadMode.Constant,
        double? tuning = null, int nChroma = 12, double ctroct = 5.0, double? octwidth = 2, bool baseC = true)
        => new ChromaStftTransform(new ChromaOptions(sr, tuning, nChroma, norm, ctroct, octwidth, 2, baseC),
            new StftOptions(nFft, hopLength, winLength, center, padMode, window)).Compute(y);
}
