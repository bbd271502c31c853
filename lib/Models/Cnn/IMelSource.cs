namespace AudioAlchemy.Models.Cnn;

/// <summary>
/// Where the CNN's tracks come from: a folder of <c>.npy</c> mels (<see cref="NpyMelFolder"/>), synthetic data
/// (<see cref="SyntheticMels"/>), or the features module's mel cache over a corpus manifest.
/// </summary>
public interface IMelSource
{
    /// <summary>Feature parameters the mels were computed with (stored in model metadata).</summary>
    MelParams Params { get; }

    /// <summary>All tracks, each with its mel in dB of shape (n_mels, frames). Bad items are skipped and reported in <see cref="Skipped"/>.</summary>
    IReadOnlyList<MelTrack> LoadTracks();

    /// <summary>Messages for items skipped by the last <see cref="LoadTracks"/> (file and reason).</summary>
    IReadOnlyList<string> Skipped { get; }
}

/// <summary>
/// Computes a mel spectrogram in dB, shape (n_mels, frames), from an audio file with the given parameters;
/// the CLI plugs the features module's librosa-parity mel in here.
/// </summary>
/// <param name="audioPath">Audio file.</param>
/// <param name="melParams">Parameters to use (from the model's metadata).</param>
public delegate float[,] MelExtractor(string audioPath, MelParams melParams);
