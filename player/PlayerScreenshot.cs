using Microsoft.Playwright;

namespace AudioAlchemy.Player;

/// <summary>
/// A PNG of the player page while a song plays: starts a <see cref="PlayerServer"/> on a free port, opens the page in
/// headless Chromium (<see cref="PlayerBrowser"/>), plays a song for a few seconds so the live curves
/// and the spectrogram fill, and writes the screenshot atomically.
/// </summary>
public static class PlayerScreenshot
{
    /// <summary>Captures the page into <paramref name="pngPath"/>; returns the path.</summary>
    /// <param name="catalog">Songs to serve.</param>
    /// <param name="cacheDir">Cache root (MP3s under <c>mp3/</c>, WAV copies under <c>wav/</c>).</param>
    /// <param name="pngPath">Output PNG.</param>
    /// <param name="songId">Song to play (null = the first one).</param>
    /// <param name="playSeconds">How long to play before the shot.</param>
    /// <param name="source"><c>wav</c> or <c>mp3</c>: which one is heard when the shot is taken (both are analysed).</param>
    public static async Task<string> CaptureAsync(SongCatalog catalog, string cacheDir, string pngPath, string? songId = null, double playSeconds = 4,
        string source = "mp3")
    {
        if (source is not ("wav" or "mp3")) throw new AlchemyException($"player screenshot: source must be wav or mp3 (got '{source}')");
        if (!(playSeconds is >= 0.5 and <= 60)) throw new AlchemyException($"player screenshot: play time must be 0.5..60 s (got {playSeconds})");
        var song = songId is null ? catalog.Songs[0] : catalog.Find(songId) ?? throw new AlchemyException($"player screenshot: no song '{songId}'");
        await using var server = await PlayerServer.StartAsync(catalog, new PlayerOptions(cacheDir, Port: 0));
        var (pw, browser) = await PlayerBrowser.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });
            await page.GotoAsync(server.Url);
            await page.WaitForFunctionAsync("() => alchemy.state().songs > 0");
            await page.ClickAsync($"#songs tr[data-id='{song.Id}']");
            var wait = new PageWaitForFunctionOptions { Timeout = 60000 };
            await page.WaitForFunctionAsync("() => { const s = alchemy.state(); if (s.error) throw new Error(s.error); return s.playing && s.analysis && s.mel && s.mp3Ready >= 3; }", null, wait);
            await page.WaitForTimeoutAsync((float)(playSeconds * 500));
            if (source == "mp3") await page.ClickAsync("#source button[data-src='mp3']");
            await page.WaitForTimeoutAsync((float)(playSeconds * 500));
            string full = Path.GetFullPath(pngPath);
            AtomicFile.WriteAllBytes(full, await page.ScreenshotAsync(new PageScreenshotOptions { Type = ScreenshotType.Png }));
            return full;
        }
        catch (PlaywrightException e)
        {
            throw new AlchemyException($"player screenshot of '{song.Id}' failed: {e.Message.Split('\n')[0]}", e);
        }
        finally
        {
            await browser.DisposeAsync();
            pw.Dispose();
        }
    }
}
