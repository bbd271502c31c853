namespace AudioAlchemy;

/// <summary>
/// Base class of every error AudioAlchemy raises on purpose: bad input, missing native libraries, invalid
/// parameters. The message always names the item (file, manifest row, parameter) and the reason, so a CLI or a
/// batch job can print it as is and move on to the next item.
/// </summary>
public class AlchemyException : Exception
{
    /// <summary>Creates an error with a complete, user-facing message.</summary>
    public AlchemyException(string message) : base(message) { }

    /// <summary>Creates an error with a complete, user-facing message and the underlying cause.</summary>
    public AlchemyException(string message, Exception inner) : base(message, inner) { }
}
