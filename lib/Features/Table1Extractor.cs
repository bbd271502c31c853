using AudioAlchemy.Dsp;
using AudioAlchemy.Features.Pitch;

namespace AudioAlchemy.Features;

/// <summary>
/// Computes the Table-1 summary (TABLE1.md) with librosa 0.11 semantics. Every transform (STFT plan, mel and chroma
/// filterbanks, DCT, tempo estimator, pyin tables) is built once per extractor and reused for every signal; within a
/// signal one STFT magnitude and one mel-dB spectrogram feed chroma, freq_e, MFCC and onset strength. Not thread-safe:
/// use one extractor per thread.
/// </summary>
public sealed class Table1Extractor
{
    private readonly Stft stft;
    private readonly MfccTransform mfcc;
    private readonly OnsetStrengthTransform onset;
    private readonly ChromaStftTransform chroma;
    private readonly TempoEstimator tempo;
    private readonly Pyin pyin;

    /// <summary>Builds the transforms for <paramref name="options"/> (librosa defaults and n_mfcc 13 when null).</summary>
    public Table1Extractor(Table1Options? options = null)
    {
        Options = (options ?? new Table1Options()).Validate();
        var o = Options;
        var stftOptions = new StftOptions(o.NFft, o.HopLength);
        stft = new Stft(stftOptions);
        var mel = new MelSpectrogramTransform(new MelOptions(o.Sr, o.NMels, o.Fmin, o.Fmax), stftOptions);
        mfcc = new MfccTransform(new MfccOptions(o.NMfcc), mel);
        onset = new OnsetStrengthTransform(new OnsetOptions(), mel);
        chroma = new ChromaStftTransform(new ChromaOptions(o.Sr), stftOptions);
        tempo = new TempoEstimator(new TempoOptions(o.Sr, o.HopLength));
        pyin = new Pyin(new PyinOptions(o.PitchFmin, o.PitchFmax, o.Sr, o.NFft, o.HopLength));
    }

    /// <summary>The validated options.</summary>
    public Table1Options Options { get; }

    /// <summary>Optional per-step timing hook (step name as in librosa's time_table1.py, elapsed), e.g. for the benchmark.</summary>
    public Action<string, TimeSpan>? OnStep { get; set; }

    /// <summary>The Table-1 summary of <paramref name="y"/> (mono, float32, at <see cref="Table1Options.Sr"/>).</summary>
    public Table1Summary Compute(float[] y)
    {
        ArgumentNullException.ThrowIfNull(y);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        void Step(string name) { OnStep?.Invoke(name, sw.Elapsed); sw.Restart(); }

        var moments = Moments.Of(y);
        Step("duration+moments");
        var ctx = new SpectralContext(y, Options.Sr, stft.Options, stft);
        var mag = ctx.Magnitude;
        var (bins, powers) = TopEnergyBins(mag, 3);
        Step("stft+freq_e");
        var p = pyin.Compute(y);
        Step("pyin+fundamental_freq");
        var key = Key.Estimate(chroma.Compute(ctx));
        Step("chroma_stft+key");
        double? zcr = Finite(Mean(Feature.ZeroCrossingRate(y, Options.NFft, Options.HopLength)));
        Step("zcr");
        var m = mfcc.Compute(ctx);
        var (mean, std) = RowMeanStd(m);
        Step("mfcc+mean/std");
        var env = onset.Compute(ctx);
        double? bpm = Finite(tempo.Estimate(env)[0]);
        Step("onset_strength+tempo");
        double? rms = Finite(Mean(Feature.Rms(y, Options.NFft, Options.HopLength)));
        Step("rms");
        double F(int i) => i < bins.Length ? bins[i] * Options.Sr / Options.NFft : double.NaN;
        return new Table1Summary(y.Length / Options.Sr, Finite(p.MeanVoicedF0()), F(0), F(1), F(2), key, zcr, mean, std, bpm, rms,
            moments.Mean, moments.Variance, moments.Skewness, moments.Kurtosis, p.VoicedFrames, ctx.Frames, bins, powers);
    }

    /// <summary>The <paramref name="count"/> bins with the largest mean power over frames (ties: lower bin first) and their mean powers.</summary>
    public static (int[] Bins, double[] MeanPower) TopEnergyBins(Matrix magnitude, int count)
    {
        int K = magnitude.Rows, T = magnitude.Cols;
        var power = new double[K];
        for (int k = 0; k < K; k++)
        {
            double s = 0;
            foreach (var v in magnitude.Row(k)) { double d = v; s += d * d; }
            power[k] = T == 0 ? double.NaN : s / T;
        }
        var order = Enumerable.Range(0, K).OrderByDescending(k => power[k]).ThenBy(k => k).Take(count).ToArray();
        return (order, order.Select(k => power[k]).ToArray());
    }

    private static (double?[] Mean, double?[] Std) RowMeanStd(Matrix m)
    {
        var mean = new double?[m.Rows];
        var std = new double?[m.Rows];
        for (int i = 0; i < m.Rows; i++)
        {
            var row = m.Row(i);
            double s = 0;
            foreach (var v in row) s += v;
            double mu = s / row.Length, ss = 0;
            foreach (var v in row) { double d = v - mu; ss += d * d; }
            mean[i] = Finite(mu);
            std[i] = Finite(Math.Sqrt(ss / row.Length));
        }
        return (mean, std);
    }

    private static double Mean(ReadOnlySpan<double> x)
    {
        double s = 0;
        foreach (var v in x) s += v;
        return s / x.Length;
    }

    private static double Mean(ReadOnlySpan<float> x)
    {
        double s = 0;
        foreach (var v in x) s += v;
        return s / x.Length;
    }

    private static double? Finite(double? v) => v is { } d && double.IsFinite(d) ? d : null;
}
