using AudioAlchemy.Dsp;

namespace AudioAlchemy.Features;

/// <summary>
/// One signal's spectrogram, computed once and shared by every feature that needs it (mel, MFCC, onset strength,
/// spectral centroid/bandwidth/rolloff, chroma, the Table-1 summary): |STFT| and |STFT|² (float32, shape
/// (1 + n_fft/2, frames)) are built lazily, and derived results (mel power, dB, ...) can be memoised with
/// <see cref="GetOrAdd{T}"/> keyed by their options. Not thread-safe: one context per signal per thread.
/// </summary>
public sealed class SpectralContext
{
    private readonly Stft stft;
    private readonly Dictionary<object, object> cache = new();
    private Matrix? magnitude, power;

    /// <summary>Wraps <paramref name="y"/> (not copied) sampled at <paramref name="sr"/> Hz; pass a reusable <paramref name="stft"/> to avoid rebuilding the FFT plan (its options win over <paramref name="options"/>).</summary>
    public SpectralContext(float[] y, double sr = Defaults.SampleRate, StftOptions? options = null, Stft? stft = null)
    {
        ArgumentNullException.ThrowIfNull(y);
        ParameterException.PositiveRate(sr);
        foreach (var v in y)
            if (!float.IsFinite(v)) throw new AlchemyException("audio buffer is not finite everywhere (NaN or infinity in y)");
        Y = y;
        Sr = sr;
        this.stft = stft ?? new Stft(options);
        Options = this.stft.Options;
        Frames = Options.FrameCount(y.Length);
    }

    /// <summary>The samples (mono, float32).</summary>
    public float[] Y { get; }

    /// <summary>Sample rate in Hz.</summary>
    public double Sr { get; }

    /// <summary>STFT parameters (n_fft, hop, window, centring).</summary>
    public StftOptions Options { get; }

    /// <summary>Number of STFT frames.</summary>
    public int Frames { get; }

    /// <summary><c>np.abs(stft(y))</c>, float32, shape (1 + n_fft/2, frames).</summary>
    public Matrix Magnitude => magnitude ??= stft.Spectrogram(Y, 1.0);

    /// <summary><c>np.abs(stft(y)) ** 2</c> (squared float32 magnitude, as librosa), shape (1 + n_fft/2, frames).</summary>
    public Matrix Power
    {
        get
        {
            if (power is not null) return power;
            var m = Magnitude;
            var p = new Matrix(m.Rows, m.Cols);
            for (int i = 0; i < p.Data.Length; i++) { float a = m.Data[i]; p.Data[i] = a * a; }
            return power = p;
        }
    }

    /// <summary><c>np.abs(stft(y)) ** power</c>: <see cref="Magnitude"/> for 1, <see cref="Power"/> for 2, else computed (not cached).</summary>
    public Matrix Spectrogram(double power)
    {
        if (power == 1.0) return Magnitude;
        if (power == 2.0) return Power;
        if (!(power > 0)) throw new ParameterException($"power must be positive (got {power})");
        var m = Magnitude;
        var o = new Matrix(m.Rows, m.Cols);
        for (int i = 0; i < o.Data.Length; i++) o.Data[i] = (float)Math.Pow(m.Data[i], power);
        return o;
    }

    /// <summary>The value cached under <paramref name="key"/> (use a record of the options that define it), computing it on first use.</summary>
    public T GetOrAdd<T>(object key, Func<SpectralContext, T> factory) where T : class
    {
        if (cache.TryGetValue(key, out var v)) return (T)v;
        var r = factory(this);
        cache[key] = r;
        return r;
    }
}
