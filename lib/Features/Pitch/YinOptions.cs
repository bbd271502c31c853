using AudioAlchemy.Dsp;

namespace AudioAlchemy.Features.Pitch;

/// <summary>Parameters of <c>librosa.yin</c> (0.11), validated once by <see cref="Validate"/>.</summary>
/// <param name="Fmin">Lowest frequency in Hz (<c>fmin</c>, required in librosa; here note C2 by default as in the study).</param>
/// <param name="Fmax">Highest frequency in Hz (<c>fmax</c>; default note C7).</param>
/// <param name="Sr">Sample rate of the signal (<c>sr=22050</c>).</param>
/// <param name="FrameLength">Analysis frame length in samples (<c>frame_length=2048</c>).</param>
/// <param name="HopLength">Hop in samples (<c>hop_length</c>, default frame_length/4).</param>
/// <param name="TroughThreshold">Absolute threshold for a trough of the normalized difference (<c>trough_threshold=0.1</c>).</param>
/// <param name="Center">Pad frame_length/2 on both sides so frame t is centred at t·hop (<c>center=True</c>).</param>
/// <param name="PadMode">Padding when centred: constant (zeros), edge or reflect (<c>pad_mode='constant'</c>).</param>
/// <param name="WinLength">Deprecated in librosa 0.11 and ignored there; accepted for signature parity, must be null or ≥ 1.</param>
public sealed record YinOptions(double Fmin = Defaults.PitchFmin, double Fmax = Defaults.PitchFmax, double Sr = Defaults.SampleRate,
    int FrameLength = Defaults.NFft, int? HopLength = null, double TroughThreshold = 0.1, bool Center = true, PadMode PadMode = PadMode.Constant,
    int? WinLength = null)
{
    /// <summary>The hop actually used.</summary>
    public int Hop => HopLength ?? FrameLength / 4;

    /// <summary>Shortest period searched, <c>floor(sr / fmax)</c> samples.</summary>
    public int MinPeriod => (int)Math.Floor(Sr / Fmax);

    /// <summary>Longest period searched, <c>min(ceil(sr / fmin), frame_length - 1)</c> samples.</summary>
    public int MaxPeriod => Math.Min((int)Math.Ceiling(Sr / Fmin), FrameLength - 1);

    /// <summary>Throws <see cref="AlchemyException"/> for parameters librosa rejects (same checks and messages).</summary>
    public YinOptions Validate()
    {
        PitchValidation.Check(Sr, Fmin, Fmax, FrameLength, Hop, Center, PadMode, WinLength);
        if (!(TroughThreshold >= 0)) throw new AlchemyException($"trough_threshold must be >= 0 (got {TroughThreshold})");
        return this;
    }
}

/// <summary>Shared parameter checks of yin and pyin (librosa's <c>__check_yin_params</c>).</summary>
internal static class PitchValidation
{
    public static void Check(double sr, double fmin, double fmax, int frameLength, int hop, bool center, PadMode padMode, int? winLength)
    {
        ParameterException.PositiveRate(sr);
        if (fmax > sr / 2) throw new AlchemyException($"fmax={fmax:0.000} cannot exceed Nyquist frequency {sr / 2}");
        if (!(fmin < fmax)) throw new AlchemyException($"fmin={fmin:0.000} must be less than fmax={fmax:0.000}");
        if (!(fmin > 0)) throw new AlchemyException($"fmin={fmin:0.000} must be strictly positive");
        if (sr / fmin >= frameLength - 1)
            throw new AlchemyException($"fmin={fmin:0.000} is too small for frame_length={frameLength} and sr={sr}. Either increase to fmin={sr / (frameLength - 1):0.000} or frame_length={(int)Math.Ceiling(sr / fmin) + 1}");
        if (hop < 1) throw new AlchemyException($"hop_length must be >= 1 (got {hop})");
        if (!Enum.IsDefined(padMode)) throw new AlchemyException($"pad_mode must be constant, edge or reflect (got {(int)padMode})");
        if (winLength is < 1) throw new AlchemyException($"win_length must be >= 1 when given (got {winLength}); it is ignored as in librosa 0.11");
        _ = center;
    }
}
