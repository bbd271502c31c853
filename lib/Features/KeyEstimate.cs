namespace AudioAlchemy.Features;

/// <summary>A Krumhansl-Schmuckler key estimate.</summary>
/// <param name="Tonic">Pitch class of the tonic, 0 = C .. 11 = B.</param>
/// <param name="Mode">"major" or "minor".</param>
/// <param name="Correlation">Pearson correlation of the mean chroma with the winning rotated profile.</param>
/// <param name="Correlations">All 24 scores in the order C major .. B major, C minor .. B minor (NaN where undefined).</param>
/// <param name="ChromaMean">The 12-vector the scores were computed from (mean chroma, C..B).</param>
public sealed record KeyEstimate(int Tonic, string Mode, double Correlation, double[] Correlations, double[] ChromaMean)
{
    /// <summary>Pitch-class names with sharps, index 0..11.</summary>
    public static readonly string[] PitchNames = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"];

    /// <summary>Name of the tonic, e.g. "E".</summary>
    public string TonicName => PitchNames[Tonic];

    /// <summary>
    /// Numeric key 0..23 in the order of <see cref="Correlations"/>: C major = 0, C# major = 1, ..., B major = 11,
    /// C minor = 12, ..., B minor = 23 (tonic pitch class + 12 for minor), the usual 24-key encoding of MIR tables.
    /// </summary>
    public int Index => Tonic + (Mode == "minor" ? 12 : 0);

    /// <summary>Full name, e.g. "E minor".</summary>
    public string Name => $"{TonicName} {Mode}";

    /// <summary>Name of score <paramref name="index"/> (0..23) in <see cref="Correlations"/>, e.g. "C# major".</summary>
    public static string ScoreName(int index) => $"{PitchNames[index % 12]} {(index < 12 ? "major" : "minor")}";
}
