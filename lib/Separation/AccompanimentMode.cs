namespace AudioAlchemy.Separation;

/// <summary>How REPET-SIM forms the accompaniment stem.</summary>
public enum AccompanimentMode
{
    /// <summary>Mixture minus the vocal estimate (the two stems add up to the mixture exactly).</summary>
    Residual,

    /// <summary>The background soft mask (margin_i) applied to the mixture, as in librosa's example (stems need not add up).</summary>
    Masked,
}
