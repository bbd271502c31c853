namespace AudioAlchemy.Player;

/// <summary>A request the player cannot serve: the HTTP status to answer with and a message the page shows as is.</summary>
public sealed class PlayerException : AlchemyException
{
    /// <summary>Creates the error.</summary>
    /// <param name="status">HTTP status code (404 unknown song or missing audio, 422 unreadable audio, 400 bad parameter).</param>
    /// <param name="message">Complete, user-facing message naming the song and the problem.</param>
    public PlayerException(int status, string message) : base(message) => Status = status;

    /// <summary>HTTP status code of the answer.</summary>
    public int Status { get; }
}
