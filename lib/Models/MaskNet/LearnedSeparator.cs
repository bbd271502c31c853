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
/// resampled (soxr HQ) and the vocals resampled back. Several models with the same STFT form an ensemble: the mask
/// is the mean of their masks. Not thread-safe: one instance per worker.
/// </summary>
public sealed class LearnedSeparator : ISeparator, IDisposable
{
    private readonly bool owns;
    private readonly MaskNetModel[] members;
    private readonly string[] names;

    /// <summary>Wraps <paramref name="model"/>; <paramref name="ownsModel"/> disposes it with the separator.</summary>
    public LearnedSeparator(MaskNetModel model, LearnedSeparatorOptions? options = null, bool ownsModel = true)
        : this([model], ["model"], options, ownsModel)
    {
    }

    private LearnedSeparator(MaskNetModel[] models, string[] memberNames, LearnedSeparatorOptions? options, bool ownsModel)
    {
        if (models.Length == 0) throw new AlchemyException("learned separator: no model");
        var st = models[0].Metadata.Stft;
        for (int k = 1; k < models.Length; k++)
        {
            var o = models[k].Metadata.Stft;
            if (o != st) // bins follow from the STFT (MaskNetMetadata.Validate)
            {
                if (ownsModel) foreach (var m in models) m.Dispose();
                throw new AlchemyException($"learned separator ensemble: {memberNames[k]} has STFT sr {o.SampleRate} n_fft {o.NFft} hop {o.HopLength}, " +
                    $"{memberNames[0]} sr {st.SampleRate} n_fft {st.NFft} hop {st.HopLength}; members must share one STFT");
            }
        }
        members = models;
        names = memberNames;
        Options = (options ?? new LearnedSeparatorOptions()).Validate();
        owns = ownsModel;
    }

    /// <summary>The separator with the model shipped in the library.</summary>
    public static LearnedSeparator Shipped(LearnedSeparatorOptions? options = null) => FromFolders([MaskNetModel.ShippedName], options);

    /// <summary>The separator with a model folder written by <c>separate train</c>.</summary>
    public static LearnedSeparator FromFolder(string folder, LearnedSeparatorOptions? options = null) => FromFolders([folder], options);

    /// <summary>The separator with the models in <paramref name="folders"/> (each a folder written by <c>separate
    /// train</c>, or <see cref="MaskNetModel.ShippedName"/>); more than one is an ensemble (mean mask).</summary>
    public static LearnedSeparator FromFolders(IReadOnlyList<string> folders, LearnedSeparatorOptions? options = null)
    {
        if (folders.Count == 0) throw new AlchemyException("learned separator: no model folder given");
        var models = new List<MaskNetModel>();
        try
        {
            foreach (var f in folders) models.Add(MaskNetModel.LoadFolderOrShipped(f));
        }
        catch
        {
            foreach (var m in models) m.Dispose();
            throw;
        }
        var memberNames = folders.Select(f => MaskNetModel.IsShippedName(f) ? MaskNetModel.ShippedName : Path.GetFileName(Path.GetFullPath(f).TrimEnd(Path.DirectorySeparatorChar))).ToArray();
        return new LearnedSeparator(models.ToArray(), memberNames, options, ownsModel: true);
    }

    /// <summary>The (first) model.</summary>
    public MaskNetModel Model => members[0];

    /// <summary>Every model of the ensemble (one for a single model).</summary>
    public IReadOnlyList<MaskNetModel> Members => members;

    /// <summary>The inference options.</summary>
    public LearnedSeparatorOptions Options { get; }

    /// <summary>The mask sharpening in use: the options' value, else the (first) model's <see cref="MaskNetMetadata.WienerPower"/>, else 1.</summary>
    public double EffectiveWienerPower => Options.WienerPower ?? members[0].Metadata.WienerPower ?? 1.0;

    /// <inheritdoc/>
    public string Settings
    {
        get
        {
            var parts = members.Select((model, k) =>
            {
                var m = model.Metadata;
                string id = m.ManifestSha256.Length >= 12 ? m.ManifestSha256[..12] : "untrained";
                string weights = model.WeightsSha256 is { } w ? $" weights {w[..12]}" : "";
                return $"{names[k]} {m.Architecture.Describe()} n_fft {m.Stft.NFft} hop {m.Stft.HopLength} sr {m.Stft.SampleRate} epoch {m.BestEpoch} train {id}{weights}";
            });
            return "learned " + (members.Length == 1 ? parts.First() : "ensemble mean mask of " + string.Join(" + ", parts)) +
                (EffectiveWienerPower != 1 ? $" wiener {EffectiveWienerPower:0.##}" : "");
        }
    }

    /// <inheritdoc/>
    public SeparationResult Separate(float[] mixture, int sampleRate)
    {
        if (MixtureInput.Check(mixture, sampleRate) is { } empty) return empty;
        int n = mixture.Length;
        int modelRate = members[0].Metadata.Stft.SampleRate;
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

    /// <summary>The vocal mask (bins, frames) of a magnitude spectrogram (bins, frames), after the Wiener refinement; the
    /// mean of the members' masks for an ensemble.</summary>
    public Matrix Mask(Matrix magnitude)
    {
        int bins = members[0].Metadata.Architecture.Bins;
        if (magnitude.Rows != bins) throw new AlchemyException($"learned separator: spectrogram has {magnitude.Rows} bins, the model {bins}");
        int frames = magnitude.Cols;
        var result = new Matrix(magnitude.Rows, frames);
        if (Options.Threads > 0) torch.set_num_threads(Options.Threads);
        if (members.Length == 1) NetworkMask(members[0], magnitude, result);
        else
        {
            var one = new Matrix(magnitude.Rows, frames);
            float w = 1f / members.Length;
            foreach (var model in members)
            {
                NetworkMask(model, magnitude, one);
                for (int i = 0; i < result.Data.Length; i++) result.Data[i] += w * one.Data[i];
            }
        }
        double p = EffectiveWienerPower;
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

    private static void NetworkMask(MaskNetModel model, Matrix magnitude, Matrix into)
    {
        var a = model.Metadata.Architecture;
        int frames = magnitude.Cols, mult = a.FrameMultiple;
        int padded = (frames + mult - 1) / mult * mult;
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        model.Network.eval();
        var x = TensorCopy.Float(magnitude.Data, 1, magnitude.Rows, frames);
        if (padded != frames) x = nn.functional.pad(x, [0, padded - frames]);
        var m = model.Network.forward(x.to(TorchRuntime.Device));
        m = m.narrow(2, 0, frames).contiguous().cpu();
        m.data<float>().CopyTo(into.Data, 0, 0);
    }

    private float[] SeparateVocals(float[] y)
    {
        int context = Options.ContextFrames ?? members.Max(m => m.Metadata.Architecture.ContextFrames);
        return ChunkedMasking.Apply(y, members[0].Metadata.Stft, Options.ChunkFrames, context, Mask);
    }

    /// <summary>Frees the models when the separator owns them.</summary>
    public void Dispose()
    {
        if (owns) foreach (var m in members) m.Dispose();
    }
}
