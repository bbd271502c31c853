using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AudioAlchemy.Player;

/// <summary>
/// The player web server: an ASP.NET Core minimal API bound to 127.0.0.1 only, serving the embedded page
/// (<see cref="StaticAssets"/>), the song list, each song's WAV and on-demand MP3 (HTTP range requests, so the page can
/// seek) and the server-side analysis. URLs carry song ids only; an unknown id, a missing or unreadable file answers with
/// an HTTP error and a JSON <c>{"error": "..."}</c> message, and the server keeps running.
/// </summary>
public sealed class PlayerServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PlayerServer(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The page's address, e.g. <c>http://127.0.0.1:8050/</c>.</summary>
    public string Url { get; }

    /// <summary>Starts serving <paramref name="catalog"/>; returns once the port is bound.</summary>
    /// <exception cref="AlchemyException">Bad options, or the port is taken.</exception>
    public static async Task<PlayerServer> StartAsync(SongCatalog catalog, PlayerOptions options)
    {
        options.Validate();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        var media = new MediaStore(options.CacheDir);
        PlayerRoutes.Map(app, catalog, media, new SongAnalyzer(media, options.Bands));
        try { await app.StartAsync(); }
        catch (IOException e)
        {
            await app.DisposeAsync();
            throw new AlchemyException($"player: cannot listen on 127.0.0.1:{options.Port} ({e.Message}); pass another --port (0 picks a free one)", e);
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        int port = new Uri(address).Port;
        return new PlayerServer(app, string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
    }

    /// <summary>Waits until the server is stopped (Ctrl+C in the CLI).</summary>
    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
