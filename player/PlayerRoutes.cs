using System.Globalization;
using AudioAlchemy.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AudioAlchemy.Player;

/// <summary>
/// The player's endpoints. Every song URL holds an id that is looked up in the <see cref="SongCatalog"/>; nothing of a URL
/// is ever used as a path, and there is no static-file or fallback handler, so anything else is a 404.
/// <list type="bullet">
/// <item><c>GET /</c>, <c>GET /assets/{name}</c>: the embedded page.</item>
/// <item><c>GET /api/songs</c>: the song list with labels; <c>GET /api/colormap</c>: the project's viridis table (one colour map).</item>
/// <item><c>GET /audio/{id}/wav</c>, <c>GET /audio/{id}/mp3?kbps=128</c>: the audio (range requests allowed).</item>
/// <item><c>GET /api/songs/{id}/analysis?kbps=128</c>: band spectra of WAV and MP3 (<see cref="SongAnalysis"/>).</item>
/// <item><c>GET /api/songs/{id}/mel.png</c>: the librosa-parity mel spectrogram as a viridis PNG.</item>
/// </list>
/// </summary>
public static class PlayerRoutes
{
    /// <summary>Default MP3 bitrate of the page and of <c>?kbps</c> when omitted.</summary>
    public const int DefaultKbps = 128;

    /// <summary>Adds the endpoints to <paramref name="app"/>.</summary>
    public static void Map(IEndpointRouteBuilder app, SongCatalog catalog, MediaStore media, SongAnalyzer analyzer)
    {
        app.MapGet("/", () => Asset("index.html"));
        app.MapGet("/assets/{name}", (string name) => Asset(name));
        app.MapGet("/api/colormap", () => Results.Json(new { name = "viridis", rgb = ViridisTable.Value }));
        app.MapGet("/api/songs", () => Results.Json(new
        {
            source = Path.GetFileName(catalog.Source),
            bitrates = PlayerOptions.Bitrates,
            defaultKbps = DefaultKbps,
            songs = catalog.Songs.Select(s => s.Listing()),
        }));
        app.MapGet("/audio/{id}/wav", (string id) => Guarded(async () =>
            Results.File(await media.WavAsync(Song(catalog, id)), "audio/wav", enableRangeProcessing: true)));
        app.MapGet("/audio/{id}/mp3", (string id, string? kbps) => Guarded(async () =>
            Results.File(await media.Mp3Async(Song(catalog, id), Kbps(kbps)), "audio/mpeg", enableRangeProcessing: true)));
        app.MapGet("/api/songs/{id}/analysis", (string id, string? kbps) => Guarded(async () =>
            Results.Json(await analyzer.AnalyzeAsync(Song(catalog, id), Kbps(kbps)))));
        app.MapGet("/api/songs/{id}/mel.png", (string id) => Guarded(async () =>
            Results.Bytes(await analyzer.MelPngAsync(Song(catalog, id)), "image/png")));
        app.MapFallback("{*path}", () => Error(404, "not found: the player serves song ids from its list only"));
    }

    private static readonly Lazy<int[]> ViridisTable = new(() =>
        Enumerable.Range(0, Viridis.Size).SelectMany(i => { var (r, g, b) = Viridis.Color8(i); return new int[] { r, g, b }; }).ToArray());

    private static PlayerSong Song(SongCatalog catalog, string id) =>
        catalog.Find(id) ?? throw new PlayerException(404, $"no song with id '{Truncate(id)}' in {Path.GetFileName(catalog.Source)}");

    private static int Kbps(string? text)
    {
        if (text is null) return DefaultKbps;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int k) && PlayerOptions.Bitrates.Contains(k)) return k;
        throw new PlayerException(400, $"kbps '{Truncate(text)}' is not one of {string.Join(", ", PlayerOptions.Bitrates)}");
    }

    private static async Task<IResult> Guarded(Func<Task<IResult>> body)
    {
        try { return await body(); }
        catch (PlayerException e) { return Error(e.Status, e.Message); }
        catch (AlchemyException e) { return Error(422, e.Message); }
    }

    private static IResult Asset(string name) => StaticAssets.Find(name) is { } a
        ? Results.Bytes(a.Bytes, a.ContentType)
        : Error(404, $"no page asset '{Truncate(name)}'");

    private static IResult Error(int status, string message) => Results.Json(new { error = message }, statusCode: status);

    private static string Truncate(string s) => s.Length > 80 ? s[..80] + "…" : s;
}
