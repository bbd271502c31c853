namespace AudioAlchemy.Dsp;

/// <summary>How a centred frame analysis pads the signal's ends (librosa's <c>pad_mode</c>).</summary>
public enum PadMode
{
    /// <summary>Zeros (<c>'constant'</c>, librosa ≥ 0.10's default).</summary>
    Constant,

    /// <summary>Repeat the first/last sample (<c>'edge'</c>).</summary>
    Edge,

    /// <summary>Mirror without repeating the end sample (<c>'reflect'</c>, numpy's reflect).</summary>
    Reflect,
}
