using AudioAlchemy.Dsp;

namespace AudioAlchemy.Studies;

/// <summary>
/// A track's frequency histogram: the power spectrogram (librosa <c>stft</c> defaults, n_fft 2048, hop 512) averaged over
/// all frames, summed into equal-width bands from 0 Hz to <see cref="MaxHz"/>, in dB (10·log10, floored at
/// <see cref="Defaults.Amin"/>). Equal-width bands in Hz are what a "frequency histogram" of a spectrum shows.
/// </summary>
/// <param name="BandEdgesHz">Band edges, length bands + 1.</param>
/// <param name="MeanDb">Mean power per band in dB, length bands.</param>
/// <param name="MaxHz">Upper edge of the last band.</param>
public sealed record BandSpectrum(double[] BandEdgesHz, double[] MeanDb, double MaxHz)
{
    /// <summary>Centre frequency of each band in Hz, length bands.</summary>
    public double[] CentresHz => Enumerable.Range(0, MeanDb.Length).Select(b => (BandEdgesHz[b] + BandEdgesHz[b + 1]) / 2).ToArray();

    /// <summary>
    /// Computes the band spectrum of <paramref name="y"/> at <paramref name="sr"/> Hz with <paramref name="bands"/> bands up to
    /// <paramref name="maxHz"/> (default: Nyquist). Bins are assigned to the band holding their centre frequency.
    /// </summary>
    public static BandSpectrum Of(float[] y, int sr, int bands = 32, double? maxHz = null)
    {
        if (bands < 1) throw new AlchemyException($"BandSpectrum: bands must be >= 1 (got {bands})");
        if (y.Length == 0) throw new AlchemyException("BandSpectrum: empty signal");
        double top = Math.Min(maxHz ?? sr / 2.0, sr / 2.0);
        if (!(top > 0)) throw new AlchemyException($"BandSpectrum: maxHz must be positive (got {maxHz})");
        var S = new Stft().Spectrogram(y, power: 2.0);  // (1 + n_fft/2, frames)
        double binHz = (double)sr / Defaults.NFft;
        var power = new double[bands];
        for (int k = 0; k < S.Rows; k++)
        {
            double f = k * binHz;
            if (f > top) break;
            int band = Math.Min(bands - 1, (int)(f / top * bands));
            double sum = 0;
            for (int t = 0; t < S.Cols; t++) sum += S[k, t];
            power[band] += sum / S.Cols;
        }
        var edges = Enumerable.Range(0, bands + 1).Select(b => top * b / bands).ToArray();
        var db = power.Select(p => 10 * Math.Log10(Math.Max(p, Defaults.Amin))).ToArray();
        return new BandSpectrum(edges, db, top);
    }
}
