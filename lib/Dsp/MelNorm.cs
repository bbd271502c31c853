namespace AudioAlchemy.Dsp;

/// <summary>Normalisation of the mel filterbank rows (<c>filters.mel(norm=...)</c>).</summary>
public enum MelNorm
{
    /// <summary><c>norm='slaney'</c> (librosa's default): each triangle scaled by 2 / (bandwidth in Hz), constant energy per channel.</summary>
    Slaney,

    /// <summary><c>norm=None</c>: triangles of peak height 1.</summary>
    None,
}
