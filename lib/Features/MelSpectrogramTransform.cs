using AudioAlchemy.Dsp;

namespace AudioAlchemy.Features;

/// <summary>
/// <c>feature.melspectrogram</c> as a reusable object: the STFT plan and the mel filterbank (with each band's non-zero
/// bin range) are built once; <see cref="Compute(SpectralContext)"/> reuses a shared spectrogram. Thread-safe (the STFT
/// plan pools its scratch buffers), so one instance may serve a parallel loop.
/// </summary>
public sealed class MelSpectrogramTransform
{
    private readonly int[] lo, hi;
    private Stft? stft;

    /// <summary>Builds the filterbank for <paramref name="mel"/> and <paramref name="stft"/> (librosa defaults when null).</summary>
    public MelSpectrogramTransform(MelOptions? mel = null, StftOptions? stft = null)
    {
        Mel = (mel ?? new MelOptions()).Validate();
        StftOptions = (stft ?? new StftOptions()).Validate();
        Filterbank = Filters.Mel(Mel.Sr, StftOptions.NFft, Mel.NMels, Mel.Fmin, Mel.Fmax, Mel.Htk, Mel.Norm);
        lo = new int[Mel.NMels];
        hi = new int[Mel.NMels];
        for (int m = 0; m < Mel.NMels; m++)
        {
            var row = Filterbank.Row(m);
            int a = 0, b = row.Length;
            while (a < b && row[a] == 0) a++;
            while (b > a && row[b - 1] == 0) b--;
            lo[m] = a;
            hi[m] = b;
        }
    }

    /// <summary>Mel parameters.</summary>
    public MelOptions Mel { get; }

    /// <summary>STFT parameters.</summary>
    public StftOptions StftOptions { get; }

    /// <summary>The mel filterbank <c>filters.mel(...)</c>, shape (n_mels, 1 + n_fft/2).</summary>
    public Matrix Filterbank { get; }

    /// <summary>Mel spectrogram of <paramref name="y"/>, shape (n_mels, frames).</summary>
    public Matrix Compute(float[] y) => Compute(new SpectralContext(y, Mel.Sr, StftOptions, LazyInitializer.EnsureInitialized(ref stft, () => new Stft(StftOptions))));

    /// <summary>Mel spectrogram from a shared context (its STFT options must match), memoised in the context; shape (n_mels, frames).</summary>
    public Matrix Compute(SpectralContext context)
    {
        if (context.Options != StftOptions) throw new ParameterException($"context STFT options {context.Options} differ from the transform's {StftOptions}");
        if (context.Sr != Mel.Sr) throw new ParameterException($"context sr {context.Sr} differs from the transform's {Mel.Sr}");
        return context.GetOrAdd(("mel", Mel, StftOptions), c => Apply(c.Spectrogram(Mel.Power)));
    }

    /// <summary><c>mel_basis @ S</c> for a spectrogram <paramref name="S"/> of shape (1 + n_fft/2, frames) → (n_mels, frames).</summary>
    public Matrix Apply(Matrix S)
    {
        if (S.Rows != Filterbank.Cols) throw new ParameterException($"spectrogram has {S.Rows} bins, n_fft {StftOptions.NFft} needs {Filterbank.Cols}");
        var o = new Matrix(Mel.NMels, S.Cols);
        for (int m = 0; m < Mel.NMels; m++)
        {
            var orow = o.Row(m);
            var frow = Filterbank.Row(m);
            for (int k = lo[m]; k < hi[m]; k++) VectorOps.Axpy(frow[k], S.Row(k), orow);
        }
        return o;
    }
}
