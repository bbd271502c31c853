namespace AudioAlchemy.Models.Cnn;

/// <summary>One labelled track as the CNN sees it: its mel spectrogram in dB.</summary>
/// <param name="TrackId">Unique id of the track (file stem or manifest id).</param>
/// <param name="Label">Class name (genre or language).</param>
/// <param name="Group">Optional group (artist) kept on one side of a split; null = the track is its own group.</param>
/// <param name="MelDb">Mel spectrogram in dB, shape (n_mels, frames), e.g. librosa <c>power_to_db(mel, ref=np.max)</c>.</param>
public sealed record MelTrack(string TrackId, string Label, string? Group, float[,] MelDb)
{
    /// <summary>Number of mel bands (rows of <see cref="MelDb"/>).</summary>
    public int NMels => MelDb.GetLength(0);

    /// <summary>Number of frames (columns of <see cref="MelDb"/>).</summary>
    public int Frames => MelDb.GetLength(1);

    /// <summary>The group used for splitting: <see cref="Group"/> or, when absent, the track id.</summary>
    public string SplitGroup => string.IsNullOrEmpty(Group) ? TrackId : Group;
}
