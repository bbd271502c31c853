namespace AudioAlchemy.Notebooks;

/// <summary>
/// A notebook cannot be read, prepared or written: malformed .ipynb, unknown <c>--param</c> name, a
/// <c>#r</c> that cannot be satisfied, a non-C# cell. The message names the notebook (and the cell) and the problem.
/// Errors raised by the notebook's own code are not thrown: they are recorded on the failing cell.
/// </summary>
public sealed class NotebookException : AlchemyException
{
    /// <summary>Creates the error with a complete, user-facing message.</summary>
    public NotebookException(string message) : base(message) { }

    /// <summary>Creates the error with a complete, user-facing message and its cause.</summary>
    public NotebookException(string message, Exception inner) : base(message, inner) { }
}
