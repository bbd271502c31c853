namespace AudioAlchemy.Player;

/// <summary>Settings of a <see cref="PlayerServer"/>.</summary>
/// <param name="CacheDir">Cache root (the CLI's <c>--cache</c>): encoded MP3s under <c>mp3/</c>, WAV copies under <c>wav/</c> (<see cref="ContentCache"/>; shared by reruns).</param>
/// <param name="Port">TCP port on 127.0.0.1; 0 picks a free one.</param>
/// <param name="Bands">Equal-width bands of the server's band spectra.</param>
public sealed record PlayerOptions(string CacheDir, int Port = PlayerOptions.DefaultPort, int Bands = 64)
{
    /// <summary>The port <c>alchemy player</c> uses when <c>--port</c> is not given.</summary>
    public const int DefaultPort = 8050;

    /// <summary>MP3 bitrates the page offers (kbps); a request for another one is refused with HTTP 400.</summary>
    public static readonly IReadOnlyList<int> Bitrates = [32, 64, 96, 128, 160, 192, 256, 320];

    /// <summary>Checks every option; throws one <see cref="AlchemyException"/> naming the bad one.</summary>
    public PlayerOptions Validate()
    {
        if (Port is < 0 or > 65535) throw new AlchemyException($"--port must be 0..65535 (got {Port})");
        if (Bands is < 4 or > 512) throw new AlchemyException($"player: bands must be 4..512 (got {Bands})");
        if (string.IsNullOrWhiteSpace(CacheDir)) throw new AlchemyException("player: a cache folder is required");
        return this;
    }
}
