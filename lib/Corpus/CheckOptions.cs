namespace AudioAlchemy.Corpus;

/// <summary>What <see cref="ManifestChecker"/> verifies.</summary>
/// <param name="KnownLabels">Per label column (e.g. <c>genre</c>), the allowed values; rows with other values are unusable and
/// allowed values without usable rows are reported as empty classes. Null = no label vocabulary check.</param>
/// <param name="CountLabels">Label columns to tabulate (default: genre and language).</param>
/// <param name="CheckAudio">Open every audio file's header (<see cref="Audio.AudioFile.Info"/>); false only checks existence.</param>
public sealed record CheckOptions(
    IReadOnlyDictionary<string, IReadOnlyList<string>>? KnownLabels = null,
    IReadOnlyList<string>? CountLabels = null,
    bool CheckAudio = true)
{
    /// <summary>Label columns tabulated by default.</summary>
    public static IReadOnlyList<string> DefaultCountLabels { get; } = ["genre", "language"];
}
