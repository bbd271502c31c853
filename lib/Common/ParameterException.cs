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

    /// <summary>
    /// The one sample-rate rule (finite and &gt; 0): returns <paramref name="sr"/>, or throws
    /// "<paramref name="name"/> must be positive (got X)", prefixed by <paramref name="context"/> when given.
    /// </summary>
    public static double PositiveRate(double sr, string name = "sr", string? context = null) =>
        sr > 0 && double.IsFinite(sr) ? sr : throw new ParameterException($"{(context is null ? "" : context + ": ")}{name} must be positive (got {sr})");
}
