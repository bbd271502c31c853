namespace AudioAlchemy.Notebooks;

/// <summary>A cell ran longer than <see cref="NotebookRunOptions.CellTimeout"/> (nbclient's <c>CellTimeoutError</c>).</summary>
public sealed class CellTimeoutException : AlchemyException
{
    /// <summary>Creates the error with a complete, user-facing message.</summary>
    public CellTimeoutException(string message) : base(message) { }
}
