using AudioAlchemy.Dsp;

namespace AudioAlchemy.Features;

/// <summary>
/// <c>feature.chroma_stft</c> as a reusable object: the chroma filterbank is cached per tuning value (one build when the
/// tuning is fixed; estimated tunings are on a 0.01 grid, so few distinct filterbanks occur). Pipeline (librosa's):
/// power spectrogram → tuning (<see cref="Tuning.EstimateTuning(Matrix, double, double, int, double, double, double)"/> when not fixed) → <c>filters.chroma @ S</c> → each
/// frame divided by its max. Not thread-safe.
/// </summary>
public sealed class ChromaStftTransform
{
    private readonly Dictionary<double, Matrix> filterbanks = new();

    /// <summary>Creates the transform (librosa defaults when an argument is null).</summary>
    public ChromaStftTransform(ChromaOptions? chroma = null, StftOptions? stft = null)
    {
        Options = (chroma ?? new ChromaOptions()).Validate();
        StftOptions = (stft ?? new StftOptions()).Validate();
    }

    /// <summary>Chroma parameters.</summary>
    public ChromaOptions Options { get; }

    /// <summary>STFT parameters.</summary>
    public StftOptions StftOptions { get; }

    /// <summary>The tuning used by the last call (estimated or fixed), in fractions of a bin.</summary>
    public double LastTuning { get; private set; }

    /// <summary>Chromagram of <paramref name="y"/>, shape (n_chroma, frames), rows C..B.</summary>
    public Matrix Compute(float[] y) => Compute(new SpectralContext(y, Options.Sr, StftOptions));

    /// <summary>Chromagram from a shared context (uses its power spectrogram), shape (n_chroma, frames).</summary>
    public Matrix Compute(SpectralContext context)
    {
        if (context.Options != StftOptions) throw new ParameterException($"context STFT options {context.Options} differ from the transform's {StftOptions}");
        return FromPower(context.Power);
    }

    /// <summary><c>chroma_stft(S=S)</c> for a power spectrogram <paramref name="S"/> (1 + n_fft/2, frames) → (n_chroma, frames).</summary>
    public Matrix FromPower(Matrix S)
    {
        double tuning = Options.Tuning ?? Tuning.EstimateTuning(S, Options.Sr, binsPerOctave: Options.NChroma);
        LastTuning = tuning;
        var fb = Filterbank(tuning, 2 * (S.Rows - 1));
        int T = S.Cols, C = Options.NChroma;
        var raw = new Matrix(C, T);
        for (int c = 0; c < C; c++)
        {
            var f = fb.Row(c);
            var o = raw.Row(c);
            for (int k = 0; k < S.Rows; k++) if (f[k] != 0) VectorOps.Axpy(f[k], S.Row(k), o);
        }
        if (Options.Norm is double p) NormalizeColumns(raw, p);
        return raw;
    }

    /// <summary>The chroma filterbank for <paramref name="tuning"/>, shape (n_chroma, 1 + n_fft/2).</summary>
    public Matrix Filterbank(double tuning, int nFft)
    {
        if (!filterbanks.TryGetValue(tuning, out var fb) || fb.Cols != nFft / 2 + 1)
            filterbanks[tuning] = fb = Filters.Chroma(Options.Sr, nFft, Options.NChroma, tuning, Options.Ctroct, Options.Octwidth, Options.FilterNorm, Options.BaseC);
        return fb;
    }

    /// <summary>util.normalize(axis=0): each column divided by its p-norm (∞ = max |x|); columns with norm below tiny(float32) are left as they are.</summary>
    internal static void NormalizeColumns(Matrix m, double p)
    {
        int T = m.Cols;
        var len = new double[T];
        for (int r = 0; r < m.Rows; r++)
        {
            var row = m.Row(r);
            for (int t = 0; t < T; t++)
            {
                double a = Math.Abs(row[t]);
                if (double.IsPositiveInfinity(p)) len[t] = Math.Max(len[t], a);
                else len[t] += Math.Pow(a, p);
            }
        }
        for (int t = 0; t < T; t++)
        {
            if (!double.IsPositiveInfinity(p)) len[t] = Math.Pow(len[t], 1.0 / p);
            if (len[t] < 1.1754943508222875e-38) len[t] = 1.0;   // util.normalize threshold = tiny(float32) for float32 input
        }
        for (int r = 0; r < m.Rows; r++)
        {
            var row = m.Row(r);
            for (int t = 0; t < T; t++) row[t] = (float)(row[t] / len[t]);
        }
    }
}
