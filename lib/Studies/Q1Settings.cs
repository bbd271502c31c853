using AudioAlchemy.Models;
using Microsoft.Data.Analysis;

using AudioAlchemy.Experiments;

namespace AudioAlchemy.Studies;

/// <summary>The corpus' real stems as a second input of <see cref="Q1Study"/>: its vocals/accompaniment rows
/// (track_type 1/2 of the corpus manifest) become the ablations vocal_true / no_vocal_true.</summary>
/// <param name="Features">Table-1 features of the corpus manifest (track_type 1 = true vocals, 2 = true accompaniment).</param>
/// <param name="Frames">Frame table of the same (null: no frame models on true stems).</param>
public sealed record Q1TrueStems(DataFrame Features, FrameTable? Frames);

/// <summary>The mel CNN as a Q1 model: each row's audio (the feature table's <c>path</c>) → CNN mel (cached) → 5-fold CV.</summary>
/// <param name="Options">Network, training and crop settings.</param>
/// <param name="Mel">Mel parameters (e.g. fmax 8000 for language).</param>
/// <param name="CacheRoot">Cache root (the CLI's <c>--cache</c>); the mels go to its <c>mels</c> stage (keyed by audio content + mel parameters).</param>
/// <param name="Ablations">Ablations that get CNN rows (e.g. vocal, vocal_true: one CNN per fold is the costly model); null = all.</param>
public sealed record Q1Cnn(AudioAlchemy.Models.Cnn.CnnTrackOptions Options, AudioAlchemy.Models.Cnn.MelParams Mel, string CacheRoot,
    IReadOnlyList<string>? Ablations = null)
{
    /// <summary>True when <paramref name="ablation"/> gets CNN rows.</summary>
    public bool Covers(string ablation) => Ablations is null || Ablations.Contains(ablation, StringComparer.Ordinal);
}

/// <summary>Frame-model choices of <see cref="Q1Study"/>.</summary>
/// <param name="FrameModels">Frame-level models run when frames are given: "gmm" (per-language GMM), "gmm-ubm" (MAP-adapted UBM, likelihood-ratio scoring), "gmm-sv" (MAP-adapted mean supervectors + logistic regression).</param>
/// <param name="Gmm">Per-language GMM options.</param>
/// <param name="Ubm">GMM-UBM options (null = <see cref="GmmUbmOptions"/> defaults: 64 components, r = 16, top-5).</param>
/// <param name="TrueStems">Optional true-stem input.</param>
/// <param name="Supervector">GMM-SV options (null = <see cref="GmmSupervectorOptions()"/> defaults: 16 components, r = 2, L2 0.01).</param>
/// <param name="Cnn">The mel CNN rows (null = none): needs a <c>path</c> column in the feature tables.</param>
public sealed record Q1Settings(IReadOnlyList<string>? FrameModels = null, GmmOptions? Gmm = null, GmmUbmOptions? Ubm = null, Q1TrueStems? TrueStems = null,
    GmmSupervectorOptions? Supervector = null, Q1Cnn? Cnn = null)
{
    /// <summary>The frame models that run (default both).</summary>
    public IReadOnlyList<string> EffectiveFrameModels => FrameModels ?? ["gmm", "gmm-ubm"];

    /// <summary>Throws for an unknown frame model.</summary>
    public Q1Settings Validate()
    {
        foreach (var m in EffectiveFrameModels)
            if (m is not ("gmm" or "gmm-ubm" or "gmm-sv")) throw new AlchemyException($"q1: unknown frame model '{m}' (use gmm, gmm-ubm, gmm-sv)");
        Ubm?.Validate();
        Supervector?.Validate();
        Cnn?.Options.Validate();
        Cnn?.Mel.Validate();
        return this;
    }
}
