using Microsoft.Playwright;

namespace AudioAlchemy.Player;

/// <summary>
/// Headless Chromium for the player page, driven by Microsoft.Playwright with the system browser (Debian's
/// <c>/usr/bin/chromium</c>, installed by <c>./alchemy</c>; Playwright's own browser download is never used). The flags
/// allow autoplay without a click, keep the audio muted and switch off the browser's background network traffic; with
/// no sound card Chromium renders audio to its fake output, so the AnalyserNodes see the real signal.
/// </summary>
public static class PlayerBrowser
{
    /// <summary>Command-line flags given to Chromium.</summary>
    public static readonly IReadOnlyList<string> Args =
    [
        "--no-sandbox", "--headless", "--disable-gpu", "--autoplay-policy=no-user-gesture-required", "--mute-audio",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    /// <summary>The Chromium executable: <c>CHROMIUM</c> when set, else <c>/usr/bin/chromium</c>.</summary>
    public static string Executable => Environment.GetEnvironmentVariable("CHROMIUM") is { Length: > 0 } env ? env : "/usr/bin/chromium";

    /// <summary>Starts Playwright and launches the browser; dispose both (browser first).</summary>
    /// <exception cref="AlchemyException">Chromium is not installed.</exception>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        string exe = Executable;
        if (!File.Exists(exe))
            throw new AlchemyException($"{exe}: Chromium not found (./alchemy installs Debian's chromium package; or set CHROMIUM to a browser)");
        var pw = await Playwright.CreateAsync();
        try
        {
            var browser = await pw.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = exe, Headless = true, Args = Args });
            return (pw, browser);
        }
        catch
        {
            pw.Dispose();
            throw;
        }
    }
}
