using AudioAlchemy.Dsp;

namespace AudioAlchemy.Features.Pitch;

/// <summary>Parameters of <c>librosa.pyin</c> (0.11 semantics), validated once by <see cref="Validate"/>.</summary>
/// <param name="Fmin">Lowest frequency in Hz (<c>fmin</c>, required in librosa; here note C2 by default as in the study).</param>
/// <param name="Fmax">Highest frequency in Hz (<c>fmax</c>; default note C7).</param>
/// <param name="Sr">Sample rate (<c>sr=22050</c>).</param>
/// <param name="FrameLength">Frame length in samples (<c>frame_length=2048</c>).</param>
/// <param name="HopLength">Hop in samples (<c>hop_length</c>, default frame_length/4).</param>
/// <param name="NThresholds">Number of YIN thresholds (<c>n_thresholds=100</c>).</param>
/// <param name="BetaA">First shape parameter of the threshold prior (<c>beta_parameters[0]=2</c>).</param>
/// <param name="BetaB">Second shape parameter of the threshold prior (<c>beta_parameters[1]=18</c>).</param>
/// <param name="BoltzmannParameter">Shape of the Boltzmann prior on trough order (<c>boltzmann_parameter=2</c>).</param>
/// <param name="Resolution">Pitch-bin resolution in semitones (<c>resolution=0.1</c>).</param>
/// <param name="MaxTransitionRate">Largest pitch change in semitones per second (<c>max_transition_rate=35.92</c>).</param>
/// <param name="SwitchProb">Voiced/unvoiced switch probability (<c>switch_prob=0.01</c>).</param>
/// <param name="NoTroughProb">Probability mass given to the global minimum when no trough is below threshold (<c>no_trough_prob=0.01</c>).</param>
/// <param name="FillNa">Value of f0 in unvoiced frames (<c>fill_na=np.nan</c>); null keeps the best-guess pitch as librosa's <c>fill_na=None</c>.</param>
/// <param name="Center">Pad frame_length/2 on both sides (<c>center=True</c>).</param>
/// <param name="PadMode">Padding when centred: constant, edge or reflect (<c>pad_mode='constant'</c>).</param>
/// <param name="WinLength">Deprecated in librosa 0.11 and ignored there; accepted for signature parity.</param>
public sealed record PyinOptions(double Fmin = Defaults.PitchFmin, double Fmax = Defaults.PitchFmax, double Sr = Defaults.SampleRate,
    int FrameLength = Defaults.NFft, int? HopLength = null, int NThresholds = 100, double BetaA = 2, double BetaB = 18,
    double BoltzmannParameter = 2, double Resolution = 0.1, double MaxTransitionRate = 35.92, double SwitchProb = 0.01,
    double NoTroughProb = 0.01, double? FillNa = double.NaN, bool Center = true, PadMode PadMode = PadMode.Constant, int? WinLength = null)
{
    /// <summary>The hop actually used.</summary>
    public int Hop => HopLength ?? FrameLength / 4;

    /// <summary>Pitch bins per semitone, <c>ceil(1 / resolution)</c>.</summary>
    public int BinsPerSemitone => (int)Math.Ceiling(1.0 / Resolution);

    /// <summary>Number of pitch bins, <c>floor(12 · bins_per_semitone · log2(fmax / fmin)) + 1</c> (601 for C2..C7).</summary>
    public int PitchBins => (int)Math.Floor(12 * BinsPerSemitone * Math.Log2(Fmax / Fmin)) + 1;

    /// <summary>Width of the triangular pitch-transition band in bins (101 at the defaults).</summary>
    public int TransitionWidth => (int)Math.Round(MaxTransitionRate * 12 * Hop / Sr, MidpointRounding.ToEven) * BinsPerSemitone + 1;

    /// <summary>The YIN part of these options (threshold unused by pyin).</summary>
    public YinOptions Yin => new(Fmin, Fmax, Sr, FrameLength, Hop, 0.1, Center, PadMode, WinLength);

    /// <summary>Throws <see cref="AlchemyException"/> for parameters librosa rejects.</summary>
    public PyinOptions Validate()
    {
        PitchValidation.Check(Sr, Fmin, Fmax, FrameLength, Hop, Center, PadMode, WinLength);
        if (NThresholds < 1) throw new AlchemyException($"n_thresholds must be >= 1 (got {NThresholds})");
        if (!(BetaA > 0) || !(BetaB > 0)) throw new AlchemyException($"beta_parameters must be positive (got ({BetaA}, {BetaB}))");
        if (!(BoltzmannParameter > 0)) throw new AlchemyException($"boltzmann_parameter must be positive (got {BoltzmannParameter})");
        if (!(Resolution > 0 && Resolution <= 1)) throw new AlchemyException($"resolution must be in (0, 1] (got {Resolution})");
        if (!(MaxTransitionRate >= 0)) throw new AlchemyException($"max_transition_rate must be >= 0 (got {MaxTransitionRate})");
        if (!(SwitchProb >= 0 && SwitchProb <= 1)) throw new AlchemyException($"switch_prob must be in [0, 1] (got {SwitchProb})");
        if (!(NoTroughProb >= 0 && NoTroughProb <= 1)) throw new AlchemyException($"no_trough_prob must be in [0, 1] (got {NoTroughProb})");
        return this;
    }
}
