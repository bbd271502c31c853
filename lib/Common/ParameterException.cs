namespace AudioAlchemy;

/// <summary>
/// A bad argument or option value (librosa's <c>ParameterError</c>): a rate that is not positive, an FFT size below the
/// window, an unknown mode name, ... Raised before any work starts. It is an <see cref="AlchemyException"/>, so the CLI
/// prints it as one line and batch runners report it like any other library error.
/// </summary>
public class ParameterException : AlchemyException
{
    /// <summary>Creates the error with a complete, user-facing message (name the parameter, the value and the rule).</summary>
    public ParameterException(string message) : base(message) { }

    /// <summary>Creates the error with a complete, user-facing message and its cause.</summary>
    public ParameterException(string message, Exception inner) : base(message, inner) { }
}
