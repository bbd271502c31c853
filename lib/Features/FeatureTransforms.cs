using AudioAlchemy.Dsp;

namespace AudioAlchemy.Features;

/// <summary>
/// Every transform of one <see cref="Table1Options"/> set (the one parameter record of the Table-1 features), built once (STFT plan, mel/DCT tables, tempogram FFT,
/// chroma filterbanks) and reused for every signal of a corpus. Use one instance per thread (transforms keep buffers).
/// Typical use: <c>var ctx = transforms.Context(y);</c> then <c>transforms.Mfcc.Compute(ctx)</c>,
/// <c>transforms.Onset.Compute(ctx)</c>, ... — the STFT, mel spectrogram and its dB are computed once per signal.
/// </summary>
public sealed class FeatureTransforms
{
    private readonly Stft stft;

    /// <summary>Builds all transforms for <paramref name="parameters"/> (defaults: librosa's, n_mfcc 13).</summary>
    public FeatureTransforms(Table1Options? parameters = null)
    {
        Parameters = (parameters ?? new Table1Options()).Validate();
        var p = Parameters;
        stft = new Stft(p.Stft);
        Mel = new MelSpectrogramTransform(p.Mel, p.Stft);
        Mfcc = new MfccTransform(new MfccOptions(p.NMfcc), Mel);
        Onset = new OnsetStrengthTransform(new OnsetOptions(), Mel);
        OnsetMedian = new OnsetStrengthTransform(new OnsetOptions(Aggregate: OnsetAggregate.Median), Mel);
        Tempo = new TempoEstimator(new TempoOptions(p.Sr, p.HopLength));
        Beats = new BeatTracker(new BeatOptions(), p.Sr, p.HopLength);
        Chroma = new ChromaStftTransform(new ChromaOptions(p.Sr), p.Stft);
    }

    /// <summary>The parameters.</summary>
    public Table1Options Parameters { get; }

    /// <summary>Mel spectrogram (power).</summary>
    public MelSpectrogramTransform Mel { get; }

    /// <summary>MFCC with n_mfcc = <see cref="Table1Options.NMfcc"/>.</summary>
    public MfccTransform Mfcc { get; }

    /// <summary>Onset strength, mean over bands (feature.tempo's input).</summary>
    public OnsetStrengthTransform Onset { get; }

    /// <summary>Onset strength, median over bands (beat_track's input).</summary>
    public OnsetStrengthTransform OnsetMedian { get; }

    /// <summary>feature.tempo.</summary>
    public TempoEstimator Tempo { get; }

    /// <summary>beat.beat_track.</summary>
    public BeatTracker Beats { get; }

    /// <summary>chroma_stft with estimated tuning.</summary>
    public ChromaStftTransform Chroma { get; }

    /// <summary>A spectral context for <paramref name="y"/> sharing this set's STFT plan.</summary>
    public SpectralContext Context(float[] y) => new(y, Parameters.Sr, Parameters.Stft, stft);

    /// <summary><c>feature.zero_crossing_rate(y, frame_length=n_fft, hop_length)</c>.</summary>
    public double[] ZeroCrossingRate(SpectralContext context) => Feature.ZeroCrossingRate(context.Y, Parameters.NFft, Parameters.HopLength);

    /// <summary><c>feature.rms(y=y, frame_length=n_fft, hop_length)</c>.</summary>
    public float[] Rms(SpectralContext context) => Feature.Rms(context.Y, Parameters.NFft, Parameters.HopLength);

    /// <summary><c>feature.tempo(onset_envelope=onset_strength(...))[0]</c> in BPM.</summary>
    public double TempoOf(SpectralContext context) => Tempo.Estimate(Onset.Compute(context))[0];

    /// <summary><c>beat.beat_track(y=y, ...)</c> (median onset envelope).</summary>
    public BeatResult BeatTrack(SpectralContext context) => Beats.Track(OnsetMedian.Compute(context));
}
