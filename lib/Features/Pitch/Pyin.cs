namespace AudioAlchemy.Features.Pitch;

/// <summary>
/// <c>librosa.pyin</c> with librosa 0.11 semantics: YIN difference function per frame, Beta/Boltzmann trough
/// probabilities on a pitch grid of <c>resolution</c> semitones, and Viterbi decoding of a voiced/unvoiced HMM with a
/// triangular pitch-transition band. Tables (FFT plan, thresholds, transition band) are built once per instance;
/// one instance per thread.
/// </summary>
public sealed class Pyin
{
    private readonly DifferenceFunction diff;
    private readonly PyinObservations obs;
    private readonly PyinViterbi viterbi;
    private readonly double[] freqs;
    private double[] yinBuf = [], shiftBuf = [];

    /// <summary>Creates an estimator; throws <see cref="AlchemyException"/> for invalid options.</summary>
    public Pyin(PyinOptions? options = null)
    {
        Options = (options ?? new PyinOptions()).Validate();
        diff = new DifferenceFunction(Options.Yin);
        obs = new PyinObservations(Options, diff.Periods, diff.MinPeriod);
        viterbi = new PyinViterbi(Options.PitchBins, Options.TransitionWidth, Options.SwitchProb);
        int nb = Options.PitchBins;
        freqs = new double[nb];
        for (int i = 0; i < nb; i++) freqs[i] = Options.Fmin * Math.Pow(2, i / (12.0 * Options.BinsPerSemitone));
    }

    /// <summary>The validated options.</summary>
    public PyinOptions Options { get; }

    /// <summary>Runs pyin on <paramref name="y"/> (mono, at <see cref="PyinOptions.Sr"/>).</summary>
    public PyinResult Compute(ReadOnlySpan<float> y)
    {
        int T = diff.FrameCount(y.Length), nP = diff.Periods, nb = Options.PitchBins;
        // Per-call work arrays (T × n_periods, ~3.5 MB each for 30 s) are kept and reused: every element is written by
        // diff.Compute, and a corpus run then allocates no large arrays per file.
        if (yinBuf.Length < T * nP) { yinBuf = GC.AllocateUninitializedArray<double>(T * nP); shiftBuf = GC.AllocateUninitializedArray<double>(T * nP); }
        var yin = yinBuf.AsSpan(0, T * nP);
        var shifts = shiftBuf.AsSpan(0, T * nP);
        diff.Compute(y, yin, shifts);
        var bins = new int[T][];
        var values = new double[T][];
        var unvoiced = new double[T];
        var voicedProb = new double[T];
        var bl = new List<int>();
        var vl = new List<double>();
        for (int t = 0; t < T; t++)
        {
            double vp = obs.Frame(yin.Slice(t * nP, nP), shifts.Slice(t * nP, nP), bl, vl);
            voicedProb[t] = vp;
            unvoiced[t] = (1 - vp) / nb;
            bins[t] = bl.ToArray();
            values[t] = vl.ToArray();
        }
        var states = viterbi.Decode(bins, values, unvoiced);
        var f0 = new double[T];
        var flag = new bool[T];
        for (int t = 0; t < T; t++)
        {
            flag[t] = states[t] < nb;
            f0[t] = flag[t] || Options.FillNa is not { } fill ? freqs[states[t] % nb] : fill;
        }
        return new PyinResult(f0, flag, voicedProb);
    }

    /// <summary>One-shot <c>librosa.pyin(y, fmin=C2, fmax=C7, sr, frame_length, hop_length)</c> with the other parameters at librosa's defaults.</summary>
    public static PyinResult Run(ReadOnlySpan<float> y, double fmin = Dsp.Defaults.PitchFmin, double fmax = Dsp.Defaults.PitchFmax,
        double sr = Dsp.Defaults.SampleRate, int frameLength = Dsp.Defaults.NFft, int? hopLength = null)
        => new Pyin(new PyinOptions(fmin, fmax, sr, frameLength, hopLength)).Compute(y);
}
