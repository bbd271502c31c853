namespace AudioAlchemy.Corpus;

/// <summary>Listen-free measurements of one song's stems (see <see cref="StemChecker"/>).</summary>
/// <param name="Row">The manifest row.</param>
/// <param name="VocalActiveFraction">Fraction of frames where the vocal stem is above <see cref="StemChecker.ActiveDb"/> dBFS.</param>
/// <param name="VocalEnergyInVoicedFrames">Share of the vocal stem's energy inside those active frames (near 1 for clean vocals).</param>
/// <param name="VocalToAccompanimentDb">Vocal RMS over accompaniment RMS in the vocal-active frames, dB.</param>
/// <param name="AccompanimentRmsDb">Accompaniment RMS over the whole song, dBFS.</param>
/// <param name="AccompanimentActiveFraction">Fraction of frames where the accompaniment is above <see cref="StemChecker.ActiveDb"/> dBFS.</param>
/// <param name="MaxSumError">max |mixture − (vocals + accompaniment)| over all samples, summed in float32 (infinity when the lengths differ).</param>
/// <param name="MixturePeak">Largest absolute mixture sample.</param>
public sealed record StemStats(ManifestRow Row, double VocalActiveFraction, double VocalEnergyInVoicedFrames, double VocalToAccompanimentDb,
    double AccompanimentRmsDb, double AccompanimentActiveFraction, double MaxSumError, double MixturePeak);
