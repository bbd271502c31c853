using System.Globalization;
using AudioAlchemy.Dsp;

namespace AudioAlchemy.Features.Frames;

/// <summary>
/// Parameters of the frame-level language-ID features (<see cref="FrameFeatureExtractor"/>), validated once. The
/// defaults are speech-style: audio resampled to 16 kHz (so the mel bands span 0–8 kHz), 32 ms windows, 16 ms hop,
/// 40 mel bands, 20 MFCCs (librosa's <c>feature.mfcc</c>), their deltas (<c>feature.delta</c>, width 9) and SDC 7-1-3-7,
/// pyin voice-activity gating and per-track CMVN.
/// </summary>
/// <param name="Sr">Analysis sample rate (audio is loaded/resampled to it).</param>
/// <param name="NMfcc">MFCCs per frame (<c>n_mfcc</c>, c0 included).</param>
/// <param name="NFft">FFT size (<c>n_fft</c>).</param>
/// <param name="HopLength">Hop in samples (<c>hop_length</c>).</param>
/// <param name="NMels">Mel bands (<c>n_mels</c>).</param>
/// <param name="Fmin">Lowest mel frequency, Hz.</param>
/// <param name="Fmax">Highest mel frequency, Hz (null = sr/2).</param>
/// <param name="DeltaOrder">0 = no deltas, 1 = Δ, 2 = Δ and ΔΔ (<c>feature.delta(order=1|2)</c>, mode 'interp').</param>
/// <param name="DeltaWidth"><c>feature.delta</c> width (odd, ≥ 3).</param>
/// <param name="Sdc">Shifted-delta cepstra appended to each frame, "N-d-P-k" (default 7-1-3-7) or "none".</param>
/// <param name="Vad">Voice-activity gating (see <see cref="VoiceActivityMode"/>).</param>
/// <param name="EnergyRangeDb">Energy gate: keep frames within this many dB of the loudest frame.</param>
/// <param name="EnergyFloorDb">Absolute floor, dB re full scale RMS, for every mode except None: a silent track keeps no frame.</param>
/// <param name="PyinFmin">pyin's lowest f0, Hz (singing: 65 Hz ≈ C2).</param>
/// <param name="PyinFmax">pyin's highest f0, Hz.</param>
/// <param name="Cmvn">Per-track mean/variance normalisation of the kept frames (<see cref="Frames.Cmvn"/>).</param>
/// <param name="MinFrames">A track with fewer kept frames than this yields none (and a note).</param>
public sealed record FrameFeatureOptions(double Sr = 16000, int NMfcc = Defaults.NMfccLibrosa, int NFft = 512, int HopLength = 256,
    int NMels = 40, double Fmin = 20, double? Fmax = null, int DeltaOrder = 1, int DeltaWidth = 9, string Sdc = "7-1-3-7",
    VoiceActivityMode Vad = VoiceActivityMode.Pyin, double EnergyRangeDb = 40, double EnergyFloorDb = -60, double PyinFmin = 65,
    double PyinFmax = 1000, bool Cmvn = true, int MinFrames = 10)
{
    /// <summary>The parsed <see cref="Sdc"/>, null when "none".</summary>
    public ShiftedDeltaOptions? EffectiveSdc => Sdc.Trim().Equals("none", StringComparison.OrdinalIgnoreCase) ? null : ShiftedDeltaOptions.Parse(Sdc.Trim());

    /// <summary>Values per frame: n_mfcc·(1 + delta order) + SDC size.</summary>
    public int Dimension => NMfcc * (1 + DeltaOrder) + (EffectiveSdc?.Dimension ?? 0);

    /// <summary>Frame period in seconds (hop / sr).</summary>
    public double FramePeriod => HopLength / Sr;

    /// <summary>Throws <see cref="AlchemyException"/> naming the first bad parameter.</summary>
    public FrameFeatureOptions Validate()
    {
        if (!(Sr >= 1000) || !double.IsFinite(Sr)) throw new AlchemyException($"frames: sr must be >= 1000 Hz (got {Sr})");
        if (NMfcc < 1 || NMfcc > NMels) throw new AlchemyException($"frames: n_mfcc must be in 1..n_mels ({NMels}) (got {NMfcc})");
        if (NFft < 16) throw new AlchemyException($"frames: n_fft must be >= 16 (got {NFft})");
        if (HopLength < 1) throw new AlchemyException($"frames: hop_length must be >= 1 (got {HopLength})");
        if (NMels < 1) throw new AlchemyException($"frames: n_mels must be >= 1 (got {NMels})");
        if (!(Fmin >= 0) || (Fmax is { } f && !(f > Fmin && f <= Sr / 2)))
            throw new AlchemyException($"frames: need 0 <= fmin < fmax <= sr/2 (got fmin {Fmin}, fmax {Fmax})");
        if (DeltaOrder is < 0 or > 2) throw new AlchemyException($"frames: delta order must be 0, 1 or 2 (got {DeltaOrder})");
        if (DeltaWidth < 3 || DeltaWidth % 2 == 0) throw new AlchemyException($"frames: delta width must be odd and >= 3 (got {DeltaWidth})");
        if (EffectiveSdc is { } s && s.N > NMfcc) throw new AlchemyException($"frames: SDC N = {s.N} exceeds n_mfcc {NMfcc}");
        if (!(EnergyRangeDb > 0)) throw new AlchemyException($"frames: energy range must be > 0 dB (got {EnergyRangeDb})");
        if (!double.IsFinite(EnergyFloorDb)) throw new AlchemyException($"frames: energy floor must be finite (got {EnergyFloorDb})");
        if (!(PyinFmin > 0 && PyinFmax > PyinFmin && PyinFmax < Sr / 2)) throw new AlchemyException($"frames: need 0 < pyin fmin < fmax < sr/2 (got {PyinFmin}, {PyinFmax})");
        if (MinFrames < 1) throw new AlchemyException($"frames: min frames must be >= 1 (got {MinFrames})");
        return this;
    }

    /// <summary>A stable text of every parameter (part of the cache key).</summary>
    public string CacheKey => string.Create(CultureInfo.InvariantCulture,
        $"frames-v1;sr={Sr:R};n_mfcc={NMfcc};n_fft={NFft};hop={HopLength};n_mels={NMels};fmin={Fmin:R};fmax={Fmax?.ToString("R", CultureInfo.InvariantCulture) ?? "none"};" +
        $"delta={DeltaOrder}/{DeltaWidth};sdc={EffectiveSdc?.ToString() ?? "none"};vad={Vad};range={EnergyRangeDb:R};floor={EnergyFloorDb:R};" +
        $"pyin={PyinFmin:R}-{PyinFmax:R};cmvn={Cmvn};min={MinFrames}");

    /// <summary>Names of the values of a frame, in order: mfcc_i, delta_i, delta2_i, sdc_b_j.</summary>
    public IReadOnlyList<string> FeatureNames()
    {
        var names = new List<string>();
        names.AddRange(Enumerable.Range(0, NMfcc).Select(i => $"mfcc_{i}"));
        if (DeltaOrder >= 1) names.AddRange(Enumerable.Range(0, NMfcc).Select(i => $"delta_{i}"));
        if (DeltaOrder >= 2) names.AddRange(Enumerable.Range(0, NMfcc).Select(i => $"delta2_{i}"));
        if (EffectiveSdc is { } s)
            for (int b = 0; b < s.K; b++) names.AddRange(Enumerable.Range(0, s.N).Select(j => $"sdc_{b}_{j}"));
        return names;
    }
}
