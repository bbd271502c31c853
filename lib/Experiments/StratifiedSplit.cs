namespace AudioAlchemy.Experiments;

/// <summary>Row indices of a stratified train/validation/test split (each ascending).</summary>
/// <param name="Train">Training rows.</param>
/// <param name="Validation">Validation rows (empty when the validation fraction is 0).</param>
/// <param name="Test">Held-out test rows.</param>
public sealed record TrainValidationTest(int[] Train, int[] Validation, int[] Test);

/// <summary>
/// Seeded stratified train/validation/test split. Per class, rows are shuffled with the seed and cut by
/// largest-remainder rounding of the requested fractions, so every subset keeps the class proportions as closely
/// as integers allow (a class with at least 3 members gets at least one row in each non-empty part). Like
/// scikit-learn's <c>train_test_split(stratify=y)</c> in spirit; the rows chosen differ from numpy's RNG.
/// </summary>
public static class StratifiedSplit
{
    /// <summary>Splits rows with class codes <paramref name="y"/>.</summary>
    /// <param name="y">Class code per row.</param>
    /// <param name="testFraction">Fraction of each class for test, in (0, 1).</param>
    /// <param name="validationFraction">Fraction of each class for validation, in [0, 1).</param>
    /// <param name="seed">Shuffling seed.</param>
    public static TrainValidationTest Split(IReadOnlyList<int> y, double testFraction, double validationFraction = 0, int seed = 0)
    {
        if (testFraction <= 0 || testFraction >= 1) throw new AlchemyException($"test fraction must be in (0, 1), got {testFraction}");
        if (validationFraction < 0 || testFraction + validationFraction >= 1)
            throw new AlchemyException($"validation fraction {validationFraction} + test fraction {testFraction} must be < 1");
        var rng = new Random(seed);
        var train = new List<int>();
        var val = new List<int>();
        var test = new List<int>();
        foreach (var cls in y.Select((c, i) => (c, i)).GroupBy(t => t.c).OrderBy(g => g.Key))
        {
            var rows = cls.Select(t => t.i).ToArray();
            rng.Shuffle(rows);
            int n = rows.Length;
            int nTest = (int)Math.Round(n * testFraction, MidpointRounding.AwayFromZero);
            int nVal = (int)Math.Round(n * validationFraction, MidpointRounding.AwayFromZero);
            if (n >= 3) { nTest = Math.Max(1, nTest); if (validationFraction > 0) nVal = Math.Max(1, nVal); }
            while (nTest + nVal >= n && (nTest > 0 || nVal > 0)) { if (nVal >= nTest && nVal > 0) nVal--; else nTest--; }
            test.AddRange(rows.Take(nTest));
            val.AddRange(rows.Skip(nTest).Take(nVal));
            train.AddRange(rows.Skip(nTest + nVal));
        }
        return new TrainValidationTest(train.Order().ToArray(), val.Order().ToArray(), test.Order().ToArray());
    }
}
