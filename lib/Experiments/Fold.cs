namespace AudioAlchemy.Experiments;

/// <summary>One train/test split: ascending row indices into the dataset.</summary>
/// <param name="Index">Fold number, from 0.</param>
/// <param name="Train">Training rows, ascending.</param>
/// <param name="Test">Test rows, ascending.</param>
public sealed record Fold(int Index, int[] Train, int[] Test)
{
    /// <summary>Builds the fold whose test rows are those with <c>testFold[i] == index</c>.</summary>
    public static Fold FromAssignment(int index, IReadOnlyList<int> testFold)
    {
        var train = new List<int>();
        var test = new List<int>();
        for (int i = 0; i < testFold.Count; i++) (testFold[i] == index ? test : train).Add(i);
        return new Fold(index, train.ToArray(), test.ToArray());
    }
}

/// <summary>A cross-validation scheme: splits n samples (with class codes and optional groups) into folds.</summary>
public interface ISplitter
{
    /// <summary>Short description, e.g. <c>stratified:5</c>.</summary>
    string Name { get; }

    /// <summary>The folds for class codes <paramref name="y"/> (length n) and optional <paramref name="groups"/>.</summary>
    IReadOnlyList<Fold> Split(IReadOnlyList<int> y, IReadOnlyList<string>? groups);
}
