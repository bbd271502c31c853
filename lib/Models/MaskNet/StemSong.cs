namespace AudioAlchemy.Models.MaskNet;

/// <summary>One song's true stems at the training rate, each (n,) and of equal length.</summary>
/// <param name="Id">Song id.</param>
/// <param name="Vocals">Vocal stem.</param>
/// <param name="Accompaniment">Accompaniment stem.</param>
public sealed record StemSong(string Id, float[] Vocals, float[] Accompaniment)
{
    /// <summary>Samples per stem.</summary>
    public int Length => Vocals.Length;
}
