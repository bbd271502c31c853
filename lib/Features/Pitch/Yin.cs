using AudioAlchemy.Dsp;
namespace AudioAlchemy.Features.Pitch;

/// <summary>
/// <c>librosa.yin</c> (0.11): fundamental frequency per frame from the first trough of the cumulative-mean-normalized
/// difference below <c>trough_threshold</c> (the global minimum when none is), refined by parabolic interpolation.
/// Build once per parameter set and thread; <see cref="Compute"/> reuses the FFT plan and buffers.
/// </summary>
public sealed class Yin
{
    private readonly DifferenceFunction diff;

    /// <summary>Creates an estimator; throws <see cref="AlchemyException"/> for invalid options.</summary>
    public Yin(YinOptions? options = null)
    {
        Options = (options ?? new YinOptions()).Validate();
        diff = new DifferenceFunction(Options);
    }

    /// <summary>The validated options.</summary>
    public YinOptions Options { get; }

    /// <summary>f0 in Hz per frame, shape (frames,) with frames = 1 + len(y) / hop when centred.</summary>
    public double[] Compute(ReadOnlySpan<float> y)
    {
        int T = diff.FrameCount(y.Length), nP = diff.Periods;
        var yin = new double[T * nP];
        var shifts = new double[T * nP];
        diff.Compute(y, yin, shifts);
        var f0 = new double[T];
        for (int t = 0; t < T; t++)
        {
            var row = yin.AsSpan(t * nP, nP);
            int first = -1, globalMin = 0;
            for (int i = 0; i < nP; i++)
            {
                if (row[i] < row[globalMin]) globalMin = i;
                if (first < 0 && row[i] < Options.TroughThreshold && Troughs.IsTrough(row, i)) first = i;
            }
            int p = first >= 0 ? first : globalMin;
            f0[t] = Options.Sr / (diff.MinPeriod + p + shifts[t * nP + p]);
        }
        return f0;
    }

    /// <summary>One-shot <c>librosa.yin(y, fmin, fmax, sr, frame_length, hop_length, trough_threshold, center, pad_mode)</c>.</summary>
    public static double[] Run(ReadOnlySpan<float> y, double fmin, double fmax, double sr = Dsp.Defaults.SampleRate,
        int frameLength = Dsp.Defaults.NFft, int? hopLength = null, double troughThreshold = 0.1, bool center = true, PadMode padMode = PadMode.Constant)
        => new Yin(new YinOptions(fmin, fmax, sr, frameLength, hopLength, troughThreshold, center, padMode)).Compute(y);
}
