namespace AudioAlchemy.Corpus;

/// <summary>One problem found in a manifest.</summary>
/// <param name="Row">1-based record number (see <see cref="ManifestRow.RowNumber"/>), or 0 for the manifest as a whole.</param>
/// <param name="Id">The row's id when known.</param>
/// <param name="Kind">Category.</param>
/// <param name="Message">What is wrong, naming the file or value.</param>
/// <param name="RowUnusable">True when the problem excludes the row from use.</param>
public sealed record ManifestProblem(int Row, string? Id, ManifestProblemKind Kind, string Message, bool RowUnusable)
{
    /// <inheritdoc />
    public override string ToString() => Row > 0 ? $"row {Row}{(Id != null ? $" ({Id})" : "")}: {Kind}: {Message}" : $"{Kind}: {Message}";
}
