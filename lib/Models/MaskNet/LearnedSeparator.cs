using AudioAlchemy.Audio;
using AudioAlchemy.Dsp;
using AudioAlchemy.Models.Cnn;
using AudioAlchemy.Separation;
using TorchSharp;
using static TorchSharp.torch;

namespace AudioAlchemy.Models.MaskNet;

/// <summary>
/// The learned separator behind <c>--method learned</c>: STFT magnitude → mask network → soft vocal mask m (optionally
/// Wiener-sharpened) → vocals = istft(m · X) with the mixture's phase, accompaniment = mixture − vocals (=
/// istft((1 − m) · X)). Inference runs chunk by chunk (<see cref="ChunkedMasking"/>) so memory is bounded for any
/// length; on <see cref="TorchRuntime.Device"/> (cuda when available). Input at another rate than the model's is
/// resampled (soxr HQ) and the vocals resampled back. Not thread-safe: one instance per worker.
/// </summary>
public sealed class LearnedSeparator : ISeparator, IDisposable
{
    private readonly bool owns;

    /// <summary>Wraps <paramref name="model"/>; <paramref name="ownsModel"/> disposes it with the separator.</summary>
    public LearnedSeparator(MaskNetModel model, LearnedSeparatorOptions? options = null, bool ownsModel = true)
    {
        Model = model;
        Options = (options ?? new LearnedSeparatorOptions()).Validate();
        owns = ownsModel;
        Name = "model";
    }

    /// <summary>The separator with the model shipped in the library.</summary>
    public static LearnedSeparator Shipped(LearnedSeparatorOptions? options = null) => new(MaskNetModel.LoadShipped(), options) { Name = "shipped" };

    /// <summary>The separator with a model folder written by <c>separate train</c>.</summary>
    public static LearnedSeparator FromFolder(string folder, LearnedSeparatorOptions? options = null) =>
        new(MaskNetModel.Load(folder), options) { Name = Path.GetFileName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar)) };

    /// <summary>The model.</summary>
    public MaskNetModel Model { get; }

    /// <summary>The inference options.</summary>
    public LearnedSeparatorOptions Options { get; }

    private string Name { get; init; }

    /// <inheritdoc/>
    public string Settings
    {
        get
        {
            var m = Model.Metadata;
            string id = m.ManifestSha256.Length >= 12 ? m.ManifestSha256[..12] : "untrained";
            string weights = Model.WeightsSha256 is { } w ? $" weights {w[..12]}" : "";
            return $"learned {Name} {m.Architecture.Describe()} n_fft {m.Stft.NFft} hop {m.Stft.HopLength} sr {m.Stft.SampleRate} epoch {m.BestEpoch} train {id}{weights}" +
                (Options.WienerPower != 1 ? $" wiener {Options.WienerPower:0.##}" : "");
        }
    }

    /// <inheritdoc/>
    public SeparationResult Separate(float[] mixture, int sampleRate)
    {
        if (MixtureInput.Check(mixture, sampleRate) is { } empty) return empty;
        int n = mixture.Length;
        int modelRate = Model.Metadata.Stft.SampleRate;
        float[] vocals;
        if (sampleRate == modelRate) vocals = SeparateVocals(mixture);
        else
        {
            var atModel = SoxrResampler.Resample(mixture, sampleRate, modelRate);
            var back = SoxrResampler.Resample(SeparateVocals(atModel), modelRate, sampleRate);
            vocals = new float[n];
            Array.Copy(back, vocals, Math.Min(n, back.Length));
        }
        var accompaniment = new float[n];
        for (int i = 0; i < n; i++) accompaniment[i] = mixture[i] - vocals[i];
        return new SeparationResult(vocals, accompaniment, sampleRate);
    }

    /// <summary>The vocal mask (bins, frames) of a magnitude spectrogram (bins, frames), after the Wiener refinement.</summary>
    public Matrix Mask(Matrix magnitude)
    {
        var a = Model.Metadata.Architecture;
        if (magnitude.Rows != a.Bins) throw new AlchemyException($"learned separator: spectrogram has {magnitude.Rows} bins, the model {a.Bins}");
        int frames = magnitude.Cols, mult = a.FrameMultiple;
        int padded = (frames + mult - 1) / mult * mult;
        var result = new Matrix(magnitude.Rows, frames);
        if (Options.Threads > 0) torch.set_num_threads(Options.Threads);
        using (var scope = torch.NewDisposeScope())
        using (torch.no_grad())
        {
            Model.Network.eval();
            var x = TensorCopy.Float(magnitude.Data, 1, magnitude.Rows, frames);
            if (padded != frames) x = nn.functional.pad(x, [0, padded - frames]);
            var m = Model.Network.forward(x.to(TorchRuntime.Device));
            m = m.narrow(2, 0, frames).contiguous().cpu();
            m.data<float>().CopyTo(result.Data, 0, 0);
        }
        double p = Options.WienerPower;
        if (p != 1)
        {
            var d = result.Data;
            for (int i = 0; i < d.Length; i++)
            {
                double v = Math.Pow(d[i], p), q = Math.Pow(1 - d[i], p);
                d[i] = (float)(v / (v + q));
            }
        }
        return result;
    }

    private float[] SeparateVocals(float[] y)
    {
        var a = Model.Metadata.Architecture;
        return ChunkedMasking.Apply(y, Model.Metadata.Stft, Options.ChunkFrames, Options.ContextFrames ?? a.ContextFrames, Mask);
    }

    /// <summary>Frees the model when the separator owns it.</summary>
    public void Dispose()
    {
        if (owns) Model.Dispose();
    }
}
