namespace AudioAlchemy.Experiments;

/// <summary>What to do with empty or non-finite cells of numeric feature columns when a table meets a model
/// (<c>--impute</c>; scikit-learn's <c>SimpleImputer(strategy=...)</c> names, plus dropping rows).</summary>
public enum ImputeStrategy
{
    /// <summary>No imputation: a missing cell is an error naming the row and column (scikit-learn's behaviour without an imputer).</summary>
    None,
    /// <summary>Fill with the column mean over the rows that have a value.</summary>
    Mean,
    /// <summary>Fill with the column median over the rows that have a value (numpy median: mean of the two middle values).</summary>
    Median,
    /// <summary>Drop every row with a missing cell in any feature column.</summary>
    Drop,
}
