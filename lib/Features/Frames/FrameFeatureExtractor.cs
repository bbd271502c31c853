using System.Collections.Concurrent;
using AudioAlchemy.Dsp;
using AudioAlchemy.Features.Pitch;

namespace AudioAlchemy.Features.Frames;

/// <summary>
/// Frame-level language-ID features of a signal: MFCC (librosa <c>feature.mfcc</c>), deltas (<c>feature.delta</c>) and
/// shifted-delta cepstra computed on the contiguous frame sequence, then voice-activity gating (pyin voicing or energy)
/// and per-track CMVN over the kept frames. Thread-safe: build one per options set and call <see cref="Extract"/> from
/// any number of threads (the MFCC transform is thread-safe and pyin estimators are pooled).
/// </summary>
public sealed class FrameFeatureExtractor
{
    private readonly MfccTransform mfcc;
    private readonly ConcurrentBag<Pyin> pyins = [];
    private readonly PyinOptions pyinOptions;

    /// <summary>Builds the transforms for <paramref name="options"/> (validated here, once).</summary>
    public FrameFeatureExtractor(FrameFeatureOptions? options = null)
    {
        Options = (options ?? new FrameFeatureOptions()).Validate();
        var o = Options;
        mfcc = new MfccTransform(new MfccOptions(o.NMfcc), new MelOptions(o.Sr, o.NMels, o.Fmin, o.Fmax), new StftOptions(o.NFft, o.HopLength));
        // pyin frames of 64 ms at 16 kHz hold several periods of the lowest sung f0; hop and centring match the STFT's,
        // so frame t of pyin and of the MFCCs cover the same instant.
        int frameLength = Math.Max(o.NFft, (int)Math.Pow(2, Math.Ceiling(Math.Log2(4 * o.Sr / o.PyinFmin))));
        pyinOptions = new PyinOptions(o.PyinFmin, o.PyinFmax, o.Sr, frameLength, o.HopLength).Validate();
    }

    /// <summary>The validated options.</summary>
    public FrameFeatureOptions Options { get; }

    /// <summary>Feature names of one frame (see <see cref="FrameFeatureOptions.FeatureNames"/>).</summary>
    public IReadOnlyList<string> FeatureNames => Options.FeatureNames();

    /// <summary>
    /// The un-gated, un-normalised feature matrix of <paramref name="y"/> (mono, at <see cref="FrameFeatureOptions.Sr"/>):
    /// shape (dimension, frames), rows mfcc, Δ, ΔΔ, SDC in <see cref="FeatureNames"/> order.
    /// </summary>
    public Matrix Stack(float[] y)
    {
        var c = mfcc.Compute(y);
        var blocks = new List<Matrix> { c };
        if (Options.DeltaOrder >= 1) blocks.Add(Feature.Delta(c, Options.DeltaWidth, 1));
        if (Options.DeltaOrder >= 2) blocks.Add(Feature.Delta(c, Options.DeltaWidth, 2));
        if (Options.EffectiveSdc is { } sdc) blocks.Add(ShiftedDelta.Compute(c, sdc));
        var m = new Matrix(blocks.Sum(b => b.Rows), c.Cols);
        int r0 = 0;
        foreach (var b in blocks)
        {
            for (int r = 0; r < b.Rows; r++) b.Row(r).CopyTo(m.Row(r0 + r));
            r0 += b.Rows;
        }
        return m;
    }

    /// <summary>Which STFT frames of <paramref name="y"/> the voice-activity gate keeps (length = frame count).</summary>
    public bool[] Gate(float[] y, int frames)
    {
        var keep = new bool[frames];
        if (Options.Vad == VoiceActivityMode.None) { Array.Fill(keep, true); return keep; }
        var rms = Feature.Rms(y, Options.NFft, Options.HopLength);
        double maxDb = double.NegativeInfinity;
        var db = new double[frames];
        for (int t = 0; t < frames; t++)
        {
            db[t] = t < rms.Length && rms[t] > 0 ? 20 * Math.Log10(rms[t]) : double.NegativeInfinity;
            if (db[t] > maxDb) maxDb = db[t];
        }
        for (int t = 0; t < frames; t++) keep[t] = db[t] >= Options.EnergyFloorDb && (Options.Vad != VoiceActivityMode.Energy || db[t] >= maxDb - Options.EnergyRangeDb);
        if (Options.Vad == VoiceActivityMode.Pyin && keep.Any(k => k))
        {
            var p = pyins.TryTake(out var est) ? est : new Pyin(pyinOptions);
            try
            {
                var voiced = p.Compute(y).VoicedFlag;
                for (int t = 0; t < frames; t++) keep[t] &= t < voiced.Length && voiced[t];
            }
            finally { pyins.Add(p); }
        }
        return keep;
    }

    /// <summary>Features of <paramref name="y"/> (mono, sampled at <see cref="FrameFeatureOptions.Sr"/>); never throws for silence.</summary>
    public FrameFeatures Extract(float[] y)
    {
        ArgumentNullException.ThrowIfNull(y);
        int frames = y.Length == 0 ? 0 : 1 + y.Length / Options.HopLength;
        if (frames < Math.Max(Options.DeltaWidth, Options.MinFrames))
            return new FrameFeatures([], [], frames, $"too short: {frames} frames (need {Math.Max(Options.DeltaWidth, Options.MinFrames)})");
        foreach (float v in y) if (!float.IsFinite(v)) throw new AlchemyException("frames: the signal contains NaN or infinite samples");
        var keep = Gate(y, frames);
        int kept = keep.Count(k => k);
        if (kept < Options.MinFrames)
        {
            string why = Options.Vad switch
            {
                VoiceActivityMode.Pyin => $"{kept} voiced frames above {Options.EnergyFloorDb} dBFS (pyin), need {Options.MinFrames}: silent or unvoiced",
                _ => $"{kept} frames above {Options.EnergyFloorDb} dBFS, need {Options.MinFrames}: silent",
            };
            return new FrameFeatures([], [], frames, why);
        }
        var m = Stack(y);
        var index = new int[kept];
        var rows = new float[kept][];
        for (int t = 0, i = 0; t < frames && t < m.Cols; t++)
        {
            if (!keep[t]) continue;
            var r = new float[m.Rows];
            for (int j = 0; j < m.Rows; j++) r[j] = m[j, t];
            index[i] = t;
            rows[i++] = r;
        }
        if (Options.Cmvn) Cmvn.Apply(rows);
        return new FrameFeatures(rows, index, frames, null);
    }
}
