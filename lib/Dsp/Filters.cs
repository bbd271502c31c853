namespace AudioAlchemy.Dsp;

/// <summary>Filterbanks of <c>librosa.filters</c>, float32 like librosa's (<c>dtype=np.float32</c>).</summary>
public static class Filters
{
    /// <summary>
    /// <c>filters.mel(sr, n_fft, n_mels, fmin, fmax, htk, norm)</c>: triangular filters on n_mels + 2 mel-spaced edge
    /// frequencies evaluated at the FFT bin frequencies, shape (n_mels, 1 + n_fft/2). <paramref name="fmax"/> null = sr/2.
    /// </summary>
    public static Matrix Mel(double sr = Defaults.SampleRate, int nFft = Defaults.NFft, int nMels = Defaults.NMels, double fmin = 0.0,
        double? fmax = null, bool htk = false, MelNorm norm = MelNorm.Slaney)
    {
        ParameterException.PositiveRate(sr);
        if (nFft < 2) throw new ParameterException($"n_fft must be >= 2 (got {nFft})");
        if (nMels < 1) throw new ParameterException($"n_mels must be >= 1 (got {nMels})");
        double fMax = fmax ?? sr / 2;
        if (fmin < 0 || fMax <= fmin) throw new ParameterException($"need 0 <= fmin < fmax (got fmin {fmin}, fmax {fMax})");
        int bins = nFft / 2 + 1;
        var w = new Matrix(nMels, bins);
        var fftf = Units.FftFrequencies(sr, nFft);
        var melf = Units.MelFrequencies(nMels + 2, fmin, fMax, htk);
        for (int i = 0; i < nMels; i++)
        {
            double d0 = melf[i + 1] - melf[i], d1 = melf[i + 2] - melf[i + 1];
            double enorm = norm == MelNorm.Slaney ? 2.0 / (melf[i + 2] - melf[i]) : 1.0;
            var row = w.Row(i);
            for (int k = 0; k < bins; k++)
            {
                double lower = -(melf[i] - fftf[k]) / d0;
                double upper = (melf[i + 2] - fftf[k]) / d1;
                float v = (float)Math.Max(0.0, Math.Min(lower, upper));
                row[k] = norm == MelNorm.Slaney ? (float)(v * enorm) : v;
            }
        }
        return w;
    }

    /// <summary>
    /// <c>filters.chroma(sr, n_fft, n_chroma, tuning, ctroct, octwidth, norm, base_c)</c> (Ellis's fft2chromamx): a Gaussian
    /// bump per FFT bin around its pitch class, columns L<sub>norm</sub>-normalised, weighted by a Gaussian over octaves
    /// centred at <paramref name="ctroct"/> (null <paramref name="octwidth"/> = flat), rows rolled so row 0 = C when
    /// <paramref name="baseC"/>. Shape (n_chroma, 1 + n_fft/2). <paramref name="norm"/> null = no normalisation.
    /// </summary>
    public static Matrix Chroma(double sr = Defaults.SampleRate, int nFft = Defaults.NFft, int nChroma = 12, double tuning = 0.0,
        double ctroct = 5.0, double? octwidth = 2, double? norm = 2, bool baseC = true)
    {
        if (nChroma < 1) throw new ParameterException($"n_chroma must be >= 1 (got {nChroma})");
        if (nFft < 2) throw new ParameterException($"n_fft must be >= 2 (got {nFft})");
        var freqs = Units.Linspace(0, sr, nFft, endpoint: false);
        var frq = new double[nFft];
        for (int k = 1; k < nFft; k++) frq[k] = nChroma * Units.HzToOcts(freqs[k], tuning, nChroma);
        frq[0] = frq[1] - 1.5 * nChroma;
        var width = new double[nFft];
        for (int k = 0; k < nFft - 1; k++) width[k] = Math.Max(frq[k + 1] - frq[k], 1.0);
        width[nFft - 1] = 1;
        double half = Math.Round(nChroma / 2.0);
        var wts = new double[nChroma, nFft];
        for (int k = 0; k < nFft; k++)
        {
            for (int c = 0; c < nChroma; c++)
            {
                double d = Mod(frq[k] - c + half + 10 * nChroma, nChroma) - half;
                double z = 2 * d / width[k];
                wts[c, k] = Math.Exp(-0.5 * z * z);
            }
            if (norm is double p)
            {
                double len = 0;
                for (int c = 0; c < nChroma; c++)
                    len += double.IsPositiveInfinity(p) ? 0 : Math.Pow(Math.Abs(wts[c, k]), p);
                if (double.IsPositiveInfinity(p)) for (int c = 0; c < nChroma; c++) len = Math.Max(len, Math.Abs(wts[c, k]));
                else len = Math.Pow(len, 1.0 / p);
                if (len < 2.2250738585072014e-308) len = 1.0; // util.normalize: below tiny(float64) → left unnormalised
                for (int c = 0; c < nChroma; c++) wts[c, k] /= len;
            }
            if (octwidth is double ow)
            {
                double z = (frq[k] / nChroma - ctroct) / ow;
                double g = Math.Exp(-0.5 * z * z);
                for (int c = 0; c < nChroma; c++) wts[c, k] *= g;
            }
        }
        int bins = nFft / 2 + 1, shift = baseC ? 3 * (nChroma / 12) : 0;
        var m = new Matrix(nChroma, bins);
        for (int r = 0; r < nChroma; r++)
        {
            int src = ((r + shift) % nChroma + nChroma) % nChroma;
            for (int k = 0; k < bins; k++) m[r, k] = (float)wts[src, k];
        }
        return m;
    }

    /// <summary>numpy's <c>np.remainder</c> for floats: result has the sign of the divisor.</summary>
    private static double Mod(double a, double b)
    {
        double r = a % b;
        return r != 0 && (r < 0) != (b < 0) ? r + b : r;
    }
}
