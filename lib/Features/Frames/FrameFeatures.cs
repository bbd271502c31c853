namespace AudioAlchemy.Features.Frames;

/// <summary>Frame-level features of one signal.</summary>
/// <param name="Frames">Kept frames, shape (n_kept, dimension), CMVN-normalised when asked.</param>
/// <param name="FrameIndex">STFT frame index of each kept frame (time = index · hop / sr).</param>
/// <param name="TotalFrames">STFT frames of the signal before gating.</param>
/// <param name="Note">Why no frame was kept (silent, unvoiced, too short), or null.</param>
public sealed record FrameFeatures(float[][] Frames, int[] FrameIndex, int TotalFrames, string? Note)
{
    /// <summary>Whether any frame was kept.</summary>
    public bool IsEmpty => Frames.Length == 0;
}
