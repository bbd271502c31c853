using AudioAlchemy.Dsp;

namespace AudioAlchemy.Separation;

/// <summary>
/// The embedded default separator: REPET-SIM (Rafii &amp; Pardo 2012) as in librosa's vocal-separation example.
/// <list type="number">
/// <item>X = stft(y), S = |X| (bins, frames).</item>
/// <item>B = min(S, nn_filter(S, median, cosine, width = MinRepeatSeconds)): the repeating background.</item>
/// <item>mask_v = softmask(S − B, MarginVocals·B, MaskPower); optionally × the HPSS harmonic mask and a vocal-band prior.</item>
/// <item>vocals = istft(mask_v·X, length n); accompaniment = y − vocals (or istft(softmask(B, MarginBackground·(S − B))·X)).</item>
/// </list>
/// Inputs with fewer frames than 2·width + 3 shrink the width; below 4 frames nothing repeats and everything is accompaniment.
/// Silence in, silence out. Thread-safe (no shared mutable state); uses up to <see cref="RepetSimOptions.MaxThreads"/> cores.
/// </summary>
public sealed class RepetSimSeparator : ISeparator
{
    /// <summary>Creates the separator (defaults: librosa's example parameters).</summary>
    public RepetSimSeparator(RepetSimOptions? options = null) => Options = (options ?? new RepetSimOptions()).Validate();

    /// <summary>The validated options.</summary>
    public RepetSimOptions Options { get; }

    /// <inheritdoc/>
    public string Settings => Options.Describe();

    /// <inheritdoc/>
    public SeparationResult Separate(float[] mixture, int sampleRate) => Separate(mixture, sampleRate, null);

    /// <summary><see cref="Separate(float[], int)"/> reporting the fraction done (0..1) of the nearest-neighbour search
    /// and median filter, the long part of long inputs.</summary>
    public SeparationResult Separate(float[] mixture, int sampleRate, IProgress<double>? progress)
    {
        if (MixtureInput.Check(mixture, sampleRate) is { } empty) return empty;
        int n = mixture.Length;

        var stft = new Stft(new StftOptions(Options.NFft, Options.HopLength));
        var X = stft.Forward(mixture);
        var S = X.Magnitude();
        var background = RepeatingBackground(S, sampleRate, progress);
        var harmonic = Options.HpssKernel > 0 ? HarmonicMask(S) : null;
        return Reconstruct(mixture, sampleRate, stft, X, S, background, harmonic);
    }

    /// <summary>
    /// The last step of <see cref="Separate(float[], int)"/> from precomputed pieces (lets parameter sweeps reuse the expensive
    /// background): <paramref name="X"/> = stft(mixture), <paramref name="S"/> = |X| and <paramref name="background"/>
    /// (all (bins, frames)), and the HPSS harmonic mask when <see cref="RepetSimOptions.HpssKernel"/> &gt; 0.
    /// </summary>
    public SeparationResult Reconstruct(float[] mixture, int sampleRate, Stft stft, ComplexMatrix X, Matrix S, Matrix background, Matrix? harmonicMask)
    {
        int n = mixture.Length;
        var masks = MasksFrom(S, background, harmonicMask, sampleRate);
        var vocals = stft.Inverse(Apply(X, masks.Vocals), n);
        float[] accompaniment;
        if (Options.Accompaniment == AccompanimentMode.Residual)
        {
            accompaniment = new float[n];
            for (int i = 0; i < n; i++) accompaniment[i] = mixture[i] - vocals[i];
        }
        else accompaniment = stft.Inverse(Apply(X, masks.Background), n);
        return new SeparationResult(vocals, accompaniment, sampleRate);
    }

    /// <summary>librosa <c>hpss</c>'s harmonic soft mask of <paramref name="S"/> (bins, frames) with this separator's kernel, margin and power.</summary>
    public Matrix HarmonicMask(Matrix S) =>
        Hpss.Masks(S, Options.HpssKernel, Options.HpssKernel, Options.MaskPower, Options.HpssMargin, Options.HpssMargin, Options.MaxThreads).Harmonic;

    /// <summary>
    /// The vocal and background soft masks for a magnitude spectrogram <paramref name="S"/> (bins, frames) at
    /// <paramref name="sampleRate"/>; both (bins, frames) in [0, 1].
    /// </summary>
    public (Matrix Vocals, Matrix Background) Masks(Matrix S, int sampleRate) =>
        MasksFrom(S, RepeatingBackground(S, sampleRate), Options.HpssKernel > 0 ? HarmonicMask(S) : null, sampleRate);

    private (Matrix Vocals, Matrix Background) MasksFrom(Matrix S, Matrix background, Matrix? harmonicMask, int sampleRate)
    {
        int len = S.Data.Length;
        var diff = new float[len];
        var refV = new float[len];
        var refI = new float[len];
        float mv = (float)Options.MarginVocals, mi = (float)Options.MarginBackground;
        for (int i = 0; i < len; i++)
        {
            diff[i] = S.Data[i] - background.Data[i];
            refV[i] = mv * background.Data[i];
            refI[i] = mi * diff[i];
        }
        var maskV = new Matrix(S.Rows, S.Cols);
        var maskI = new Matrix(S.Rows, S.Cols);
        SoftMask.Compute(diff, refV, maskV.Data, Options.MaskPower);
        SoftMask.Compute(background.Data, refI, maskI.Data, Options.MaskPower);

        if (Options.HpssKernel > 0 && harmonicMask is not null)
            for (int i = 0; i < len; i++) maskV.Data[i] *= harmonicMask.Data[i];
        ApplyBandPrior(maskV, sampleRate);
        return (maskV, maskI);
    }

    /// <summary>B = min(S, nn_filter(S)), shape (bins, frames); S itself when the input is too short to find repetitions.</summary>
    public Matrix RepeatingBackground(Matrix S, int sampleRate) => RepeatingBackground(S, sampleRate, null);

    /// <summary><see cref="RepeatingBackground(Matrix, int)"/> with progress (0..1).</summary>
    public Matrix RepeatingBackground(Matrix S, int sampleRate, IProgress<double>? progress)
    {
        int frames = S.Cols;
        int width = Math.Min(Options.WidthFrames(sampleRate), (frames - 1) / 2 - 1);
        if (width < 1) return S.Clone();
        int? window = Options.SearchFrames(sampleRate) is { } w ? Math.Max(w, 2 * width + 3) : null;
        var filtered = Options.LibrosaLinks
            ? NearestNeighborFilter.Median(S, width, Options.Neighbors, Options.MaxThreads, librosaLinks: true)
            : NearestNeighborFilter.Median(S, width, Options.Neighbors, Options.MaxThreads, window, progress);
        var d = filtered.Data;
        for (int i = 0; i < d.Length; i++) d[i] = Math.Min(S.Data[i], d[i]);
        return filtered;
    }

    private void ApplyBandPrior(Matrix maskV, int sampleRate)
    {
        if (Options.VocalLowHz <= 0 && Options.VocalHighHz is null) return;
        double binHz = (double)sampleRate / Options.NFft;
        for (int f = 0; f < maskV.Rows; f++)
        {
            double hz = f * binHz;
            if (hz < Options.VocalLowHz || (Options.VocalHighHz is { } hi && hz > hi)) maskV.Row(f).Clear();
        }
    }

    private static ComplexMatrix Apply(ComplexMatrix X, Matrix mask)
    {
        var o = new ComplexMatrix(X.Rows, X.Cols);
        for (int i = 0; i < mask.Data.Length; i++)
        {
            o.Real[i] = X.Real[i] * mask.Data[i];
            o.Imag[i] = X.Imag[i] * mask.Data[i];
        }
        return o;
    }
}
