namespace AudioAlchemy.Studies;

/// <summary>Options shared by the studies.</summary>
/// <param name="OutDir">Results folder (created).</param>
/// <param name="Seed">Seed for splits and models.</param>
/// <param name="Degree">Parallel degree over folds/configurations.</param>
/// <param name="Png">Render PNG next to each chart (needs headless Chromium).</param>
/// <param name="Folds">Folds of the cross-validations.</param>
public sealed record StudyOptions(string OutDir = "results", int Seed = 0, int Degree = 2, bool Png = true, int Folds = 5)
{
    /// <summary>Throws when an option is out of range.</summary>
    public StudyOptions Validate()
    {
        if (Degree < 1) throw new AlchemyException($"--jobs must be >= 1, got {Degree}");
        if (Folds < 2) throw new AlchemyException($"--folds must be >= 2, got {Folds}");
        return this;
    }
}
