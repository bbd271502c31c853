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
        var transform = new MelSpectrogramTransform(new MelOptions(p.SampleRate, p.NMels), new StftOptions(p.NFft, p.HopLength));
        var db = Decibels.PowerToDb(transform.Compute(y), DbReference.Max, topDb: p.TopDb);
        var mel = new float[db.Rows, db.Cols];
        Buffer.BlockCopy(db.Data, 0, mel, 0, db.Data.Length * sizeof(float));
        return mel;
    }
}
