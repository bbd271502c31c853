namespace AudioAlchemy.Audio;

/// <summary>
/// Decoded audio: channel-major samples (shape channels × n, float32 in [-1, 1]) and the sample rate.
/// A mono load has one channel; <c>var (y, sr) = AudioFile.Load(path)</c> deconstructs it like librosa.
/// </summary>
public sealed class AudioSignal
{
    /// <summary>Creates a signal from channel-major samples.</summary>
    /// <param name="channels">Samples per channel, each of the same length.</param>
    /// <param name="sampleRate">Sample rate in Hz.</param>
    public AudioSignal(float[][] channels, int sampleRate)
    {
        Channels = channels;
        SampleRate = sampleRate;
    }

    /// <summary>Creates a mono signal.</summary>
    public AudioSignal(float[] mono, int sampleRate) : this([mono], sampleRate) { }

    /// <summary>Samples per channel, shape (channels, n).</summary>
    public float[][] Channels { get; }

    /// <summary>Sample rate in Hz.</summary>
    public int SampleRate { get; }

    /// <summary>The mono samples, shape (n,). Throws when the signal has more than one channel.</summary>
    public float[] Samples => Channels.Length == 1
        ? Channels[0]
        : throw new InvalidOperationException($"signal has {Channels.Length} channels; use Channels or load with mono: true");

    /// <summary>Samples per channel.</summary>
    public int Length => Channels.Length == 0 ? 0 : Channels[0].Length;

    /// <summary>Duration in seconds.</summary>
    public double Duration => (double)Length / SampleRate;

    /// <summary>Deconstructs a mono signal into (y, sr).</summary>
    public void Deconstruct(out float[] y, out int sr)
    {
        y = Samples;
        sr = SampleRate;
    }
}
