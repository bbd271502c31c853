using System.Text.Json;
using AudioAlchemy.Player;
using Microsoft.Playwright;

namespace AudioAlchemy.Tests.Player;

/// <summary>
/// Drives Debian's Chromium (Microsoft.Playwright, system browser, muted autoplay) against a live player on a free port:
/// the list loads, a song plays with real (non-silent) AnalyserNode data, both live canvases change, WAV→MP3 keeps the
/// position, and bad songs show their error in the page.
/// </summary>
public sealed class PlayerBrowserTests(PlayerFixture fx) : IClassFixture<PlayerFixture>
{
    private const string Fingerprint = """
        id => { const c = document.getElementById(id), d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
          let h = 0; for (let i = 0; i < d.length; i += 4) h = (h * 31 + d[i] * 3 + d[i + 1] * 5 + d[i + 2] * 7) % 2147483647; return h; }
        """;

    [Fact]
    public async Task Page_plays_a_song_draws_live_curves_and_switches_wav_to_mp3_at_the_same_position()
    {
        var (pw, browser) = await PlayerBrowser.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1500, Height = 950 } });
            var consoleErrors = new List<string>();
            page.Console += (_, m) => { if (m.Type == "error") consoleErrors.Add(m.Text); };
            await page.GotoAsync(fx.Server.Url);
            await page.WaitForFunctionAsync("() => document.querySelectorAll('#songs tbody tr').length === 3");
            Assert.Contains("Chord and noise 44.1 kHz", await page.InnerTextAsync("#songs"));

            await page.ClickAsync("#songs tr[data-id='tone44k']");
            await page.WaitForFunctionAsync("() => { const s = alchemy.state(); return s.playing && s.position > 1.0 && s.analysis && s.mel; }",
                null, new PageWaitForFunctionOptions { Timeout = 30000 });
            var s1 = await State(page);
            Assert.Equal("running", s1.GetProperty("context").GetString());
            Assert.True(s1.GetProperty("peakDb").GetDouble() > -80, $"AnalyserNode peak {s1.GetProperty("peakDb")} dB: silent in headless mode");

            int spectrum1 = await page.EvaluateAsync<int>(Fingerprint, "spectrum"), gram1 = await page.EvaluateAsync<int>(Fingerprint, "spectrogram");
            await page.WaitForTimeoutAsync(700);
            int spectrum2 = await page.EvaluateAsync<int>(Fingerprint, "spectrum"), gram2 = await page.EvaluateAsync<int>(Fingerprint, "spectrogram");
            Assert.NotEqual(spectrum1, spectrum2);
            Assert.NotEqual(gram1, gram2);

            await page.WaitForFunctionAsync("() => alchemy.state().mp3Ready >= 3", null, new PageWaitForFunctionOptions { Timeout = 30000 });
            // seek both sources back to 3 s (the seek bar's input event), so a slow machine never reaches the end before the switch
            await page.EvaluateAsync("() => { const s = document.getElementById('seek'); s.value = 3; s.dispatchEvent(new Event('input')); }");
            await page.WaitForFunctionAsync("""
                () => { const s = alchemy.state(); return s.playing && s.position > 3.3 && s.position < 12 && s.mp3Ready >= 3 && Math.abs(s.wavTime - s.mp3Time) < 0.1; }
                """, null, new PageWaitForFunctionOptions { Timeout = 30000 });
            // position of the heard WAV, then a real click on the MP3 button, then the heard MP3's position, in one page task
            var sw = await page.EvaluateAsync<JsonElement>("""
                () => { const t0 = alchemy.state().position; document.querySelector("#source button[data-src='mp3']").click();
                        const s = alchemy.state(); return { t0, t1: s.position, source: s.source, wav: s.wavTime }; }
                """);
            Assert.Equal("mp3", sw.GetProperty("source").GetString());
            double t0 = sw.GetProperty("t0").GetDouble(), t1 = sw.GetProperty("t1").GetDouble();
            Assert.True(t0 > 1.0, $"WAV position {t0:0.000} s");
            Assert.True(Math.Abs(t1 - t0) < 0.2, $"MP3 position right after the switch {t1:0.000} s, WAV was at {t0:0.000} s");
            await page.WaitForTimeoutAsync(500);
            var after = await State(page);
            Assert.Equal("mp3", after.GetProperty("source").GetString());
            Assert.True(after.GetProperty("playing").GetBoolean());
            double t2 = after.GetProperty("position").GetDouble();
            Assert.True(t2 > t1 + 0.1, $"MP3 did not keep playing after the switch ({t1:0.000} s → {t2:0.000} s)");
            Assert.True(Math.Abs(t2 - after.GetProperty("wavTime").GetDouble()) < 0.2, "WAV and MP3 drifted apart after the switch");

            await page.ClickAsync("#songs tr[data-id='gone']");
            await page.WaitForSelectorAsync("#status.error");
            Assert.Contains("HTTP 404", await page.InnerTextAsync("#status"));
            Assert.Contains("is missing", await page.InnerTextAsync("#status"));
            await page.ClickAsync("#songs tr[data-id='broken']");
            await page.WaitForFunctionAsync("() => document.getElementById('status').textContent.includes('cannot read')");
            Assert.Contains("HTTP 422", await page.InnerTextAsync("#status"));

            await page.FillAsync("#search", "chord");
            Assert.Equal(1, await page.Locator("#songs tbody tr").CountAsync());
        }
        finally
        {
            await browser.DisposeAsync();
            pw.Dispose();
        }
    }

    private static Task<JsonElement> State(IPage page) => page.EvaluateAsync<JsonElement>("() => alchemy.state()");
}
