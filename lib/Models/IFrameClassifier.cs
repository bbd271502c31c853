namespace AudioAlchemy.Models;

/// <summary>A classifier of tracks given as frame sequences (frame-level GMM, GMM-UBM).</summary>
public interface IFrameClassifier
{
    /// <summary>Short model name for tables ("GMM", "GMM-UBM").</summary>
    string Name { get; }

    /// <summary>Trains on tracks: <paramref name="tracks"/>[i] has shape (n_frames_i, n_features), class <paramref name="y"/>[i].</summary>
    void FitTracks(IReadOnlyList<float[][]> tracks, int[] y, int nClasses);

    /// <summary>Class probabilities of tracks, shape (n_tracks, nClasses).</summary>
    double[][] PredictTracksProba(IReadOnlyList<float[][]> tracks);
}
