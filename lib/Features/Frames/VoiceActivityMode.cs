namespace AudioAlchemy.Features.Frames;

/// <summary>Which frames of a signal <see cref="FrameFeatureExtractor"/> keeps.</summary>
public enum VoiceActivityMode
{
    /// <summary>Every frame.</summary>
    None,

    /// <summary>
    /// Frames whose RMS level is within <see cref="FrameFeatureOptions.EnergyRangeDb"/> of the signal's loudest frame and
    /// above <see cref="FrameFeatureOptions.EnergyFloorDb"/> dBFS (cheap; keeps loud accompaniment too).
    /// </summary>
    Energy,

    /// <summary>
    /// Frames pyin (librosa.pyin semantics) flags voiced, and which also pass the energy floor: keeps sung (pitched)
    /// frames, drops silence, consonant noise and unpitched leakage such as drums. The default.
    /// </summary>
    Pyin,
}
