using AudioAlchemy.Audio;
using AudioAlchemy.Dsp;
using AudioAlchemy.Features;

namespace AudioAlchemy.Models.Cnn;

/// <summary>
/// The <see cref="MelExtractor"/> over the features module: <c>librosa.load(path, sr)</c> →
/// <c>melspectrogram(n_fft, hop_length, n_mels)</c> → <c>power_to_db(ref=np.max, top_db)</c>, shape (n_mels, frames).
/// </summary>
public static class AudioMel
{
    /// <summary>Mel spectrogram in dB of an audio file with <paramref name="p"/>'s parameters, shape (n_mels, frames).</summary>
    /// <exception cref="AlchemyException">Unreadable audio (names the file).</exception>
    public static float[,] Extract(string audioPath, MelParams p) => Extract(audioPath, p, duration: null);

    /// <summary>The same from the first <paramref name="duration"/> seconds only (null = all), as <c>librosa.load(..., duration=)</c>.</summary>
    /// <exception cref="AlchemyException">Unreadable audio (names the file).</exception>
    public static float[,] Extract(string audioPath, MelParams p, double? duration)
    {
        var (y, _) = AudioFile.Load(audioPath, sr: p.SampleRate, duration: duration);
        return ToArray(Db(y, p));
    }

    /// <summary>A (rows, cols) matrix as the <c>float[,]</c> the CNN's tracks hold (same layout, one block copy).</summary>
    public static float[,] ToArray(Matrix m)
    {
        var a = new float[m.Rows, m.Cols];
        Buffer.BlockCopy(m.Data, 0, a, 0, m.Data.Length * sizeof(float));
        return a;
    }

    /// <summary>The CNN's mel of samples at <paramref name="p"/>'s rate: <c>power_to_db(melspectrogram(y, ...), ref=np.max, top_db)</c>, shape (n_mels, frames).</summary>
    public static Matrix Db(float[] y, MelParams p) =>
        Decibels.PowerToDb(new MelSpectrogramTransform(p.MelOptions, new StftOptions(p.NFft, p.HopLength)).Compute(y), DbReference.Max, topDb: p.TopDb);
}
