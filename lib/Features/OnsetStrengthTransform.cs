using AudioAlchemy.Dsp;

namespace AudioAlchemy.Features;

/// <summary>
/// <c>onset.onset_strength</c> (spectral flux on the log-power mel spectrogram) as a reusable object. Pipeline
/// (librosa's): <c>power_to_db(melspectrogram)</c> (ref 1, top_db 80) → S[:, t] − ref[:, t − lag] (ref = S or its
/// max-filter over bands) → keep positives → mean/median over bands → prepend lag + n_fft/(2·hop) zeros (centred) →
/// cut to the frame count. Shares the mel spectrogram with MFCC through a <see cref="SpectralContext"/>. Not thread-safe.
/// </summary>
public sealed class OnsetStrengthTransform
{
    /// <summary>Creates the transform (librosa defaults when an argument is null).</summary>
    public OnsetStrengthTransform(OnsetOptions? onset = null, MelOptions? mel = null, StftOptions? stft = null)
        : this(onset, new MelSpectrogramTransform(mel, stft)) { }

    /// <summary>Creates the transform on an existing (shared) mel transform.</summary>
    public OnsetStrengthTransform(OnsetOptions? onset, MelSpectrogramTransform mel)
    {
        Options = (onset ?? new OnsetOptions()).Validate();
        MelTransform = mel;
    }

    /// <summary>Onset parameters.</summary>
    public OnsetOptions Options { get; }

    /// <summary>The mel transform underneath.</summary>
    public MelSpectrogramTransform MelTransform { get; }

    /// <summary>Onset strength envelope of <paramref name="y"/>, length = frames.</summary>
    public float[] Compute(float[] y) => FromDb(Decibels.PowerToDb(MelTransform.Compute(y)));

    /// <summary>Onset strength from a shared context (reuses its cached mel dB with top_db 80), length = frames.</summary>
    public float[] Compute(SpectralContext context)
        => FromDb(context.GetOrAdd(("mel_db", MelTransform.Mel, context.Options, (double?)Defaults.TopDb),
            c => Decibels.PowerToDb(MelTransform.Compute(c))));

    /// <summary><c>onset_strength(S=S_db)</c> for a log-power spectrogram (bands, frames) → envelope of length frames.</summary>
    public float[] FromDb(Matrix S)
    {
        int B = S.Rows, T = S.Cols, lag = Options.Lag;
        var reference = Options.MaxSize == 1 ? S : MaximumFilterBands(S, Options.MaxSize);
        int diffs = Math.Max(0, T - lag);
        var agg = new float[diffs];
        var column = new float[B];
        if (Options.Aggregate == OnsetAggregate.Mean)
        {
            var acc = new float[diffs];
            for (int b = 0; b < B; b++)
            {
                var s = S.Row(b);
                var r = reference.Row(b);
                for (int t = 0; t < diffs; t++)
                {
                    float d = s[t + lag] - r[t];
                    if (d > 0) acc[t] += d;
                }
            }
            for (int t = 0; t < diffs; t++) agg[t] = acc[t] / B;
        }
        else
        {
            for (int t = 0; t < diffs; t++)
            {
                for (int b = 0; b < B; b++) { float d = S[b, t + lag] - reference[b, t]; column[b] = d > 0 ? d : 0f; }
                Array.Sort(column);
                agg[t] = B % 2 == 1 ? column[B / 2] : (column[B / 2 - 1] + column[B / 2]) / 2f;
            }
        }
        int pad = lag + (Options.Center ? MelTransform.StftOptions.NFft / (2 * MelTransform.StftOptions.Hop) : 0);
        int outLen = Options.Center ? T : pad + diffs;
        var env = new float[outLen];
        for (int t = 0; t < diffs && pad + t < outLen; t++) env[pad + t] = agg[t];
        if (Options.Detrend)
        {
            double yPrev = 0, xPrev = 0;
            var full = new double[pad + diffs];
            for (int t = 0; t < diffs; t++) full[pad + t] = agg[t];
            for (int t = 0; t < full.Length; t++)
            {
                double x = full[t], yv = x - xPrev + 0.99 * yPrev;
                xPrev = x;
                yPrev = yv;
                if (t < outLen) env[t] = (float)yv;
            }
        }
        return env;
    }

    /// <summary>scipy.ndimage.maximum_filter1d(S, size, axis=bands, mode='reflect').</summary>
    private static Matrix MaximumFilterBands(Matrix S, int size)
    {
        int B = S.Rows;
        var o = new Matrix(B, S.Cols);
        int before = size / 2;
        for (int b = 0; b < B; b++)
        {
            var orow = o.Row(b);
            orow.Fill(float.NegativeInfinity);
            for (int j = b - before; j < b - before + size; j++)
            {
                int src = Reflect(j, B);
                var r = S.Row(src);
                for (int t = 0; t < orow.Length; t++) if (r[t] > orow[t]) orow[t] = r[t];
            }
        }
        return o;
    }

    /// <summary>scipy 'reflect' boundary (d c b a | a b c d | d c b a).</summary>
    private static int Reflect(int i, int n)
    {
        if (n == 1) return 0;
        int period = 2 * n;
        i %= period;
        if (i < 0) i += period;
        return i < n ? i : period - 1 - i;
    }
}
