using System.Net;
using System.Text.Json;

namespace AudioAlchemy.Tests.Player;

/// <summary>The player's HTTP surface: ids only, traversal attempts 404, clear errors, the band spectra of WAV vs MP3.</summary>
public sealed class PlayerServerTests(PlayerFixture fx) : IClassFixture<PlayerFixture>
{
    [Fact]
    public async Task Known_song_streams_its_wav_and_an_mp3()
    {
        var wav = await fx.Http.GetAsync(fx.Url("/audio/tone44k/wav"));
        Assert.Equal(HttpStatusCode.OK, wav.StatusCode);
        Assert.Equal("audio/wav", wav.Content.Headers.ContentType?.MediaType);
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString((await wav.Content.ReadAsByteArrayAsync())[..4]));
        var mp3 = await fx.Http.GetAsync(fx.Url("/audio/tone44k/mp3?kbps=128"));
        Assert.Equal(HttpStatusCode.OK, mp3.StatusCode);
        Assert.Equal("audio/mpeg", mp3.Content.Headers.ContentType?.MediaType);
        Assert.True((await mp3.Content.ReadAsByteArrayAsync()).Length > PlayerFixture.Seconds * 128 * 1000 / 8 * 0.8);
    }

    [Theory]
    [InlineData("/audio/../../etc/passwd")]
    [InlineData("/audio/../../../../../../etc/passwd/wav")]
    [InlineData("/audio/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/audio/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd/wav")]
    [InlineData("/audio/..%2f..%2f..%2fetc%2fpasswd/wav")]
    [InlineData("/audio/%252e%252e%252f%252e%252e%252fetc%252fpasswd/wav")]
    [InlineData("/audio/..%5c..%5cetc%5cpasswd/wav")]
    [InlineData("/audio/%2fetc%2fpasswd/wav")]
    [InlineData("/audio//etc/passwd/mp3")]
    [InlineData("/api/songs/..%2f..%2fetc%2fpasswd/analysis")]
    [InlineData("/api/songs/%2e%2e/mel.png")]
    [InlineData("/assets/..%2f..%2f..%2fetc%2fpasswd")]
    [InlineData("/assets/%2e%2e%2fAudioAlchemy.Player.dll")]
    [InlineData("/etc/passwd")]
    [InlineData("/tone44k.wav")]
    public async Task Path_traversal_attempts_are_404(string path)
    {
        var (status, body) = await fx.RawGetAsync(path);
        Assert.Equal(404, status);
        Assert.DoesNotContain("root:", body);
        Assert.Contains("\"error\"", body);
    }

    [Theory]
    [InlineData("/audio/nosuch/wav", 404, "no song with id 'nosuch'")]
    [InlineData("/api/songs/nosuch/analysis", 404, "no song with id 'nosuch'")]
    [InlineData("/audio/gone/wav", 404, "audio file 'gone.wav' is missing")]
    [InlineData("/audio/gone/mp3", 404, "manifest row 3")]
    [InlineData("/audio/broken/wav", 422, "cannot read 'broken.wav'")]
    [InlineData("/api/songs/broken/analysis", 422, "cannot read 'broken.wav'")]
    [InlineData("/audio/tone44k/mp3?kbps=100", 400, "kbps '100' is not one of")]
    [InlineData("/api/songs/tone44k/analysis?kbps=abc", 400, "kbps 'abc'")]
    public async Task Bad_requests_get_an_http_error_with_a_clear_message_and_the_server_keeps_running(string path, int status, string message)
    {
        var r = await fx.Http.GetAsync(fx.Url(path));
        Assert.Equal(status, (int)r.StatusCode);
        using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        Assert.Contains(message, doc.RootElement.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, (await fx.Http.GetAsync(fx.Url("/api/songs"))).StatusCode);
    }

    [Fact]
    public async Task Song_list_carries_the_manifest_labels()
    {
        using var doc = JsonDocument.Parse(await fx.Http.GetStringAsync(fx.Url("/api/songs")));
        var songs = doc.RootElement.GetProperty("songs").EnumerateArray().ToList();
        Assert.Equal(["tone44k", "broken", "gone"], songs.Select(s => s.GetProperty("id").GetString()));
        var t = songs[0];
        Assert.Equal("test", t.GetProperty("genre").GetString());
        Assert.Equal("A", t.GetProperty("key").GetString());
        Assert.Equal(120, t.GetProperty("tempoBpm").GetDouble());
        Assert.False(songs[2].GetProperty("available").GetBoolean());
        Assert.DoesNotContain("/tmp", doc.RootElement.GetRawText());
    }

    /// <summary>
    /// The server's band spectra (64 equal-width bands, 0–22.05 kHz, our STFT) of the 44.1 kHz test signal and its
    /// 128 kbps MP3: LAME's low-pass removes the top bands (measured: about −55 dB at 20–22 kHz for this mono signal,
    /// cut-off near 19.9 kHz), while below 4 kHz the two agree within 1.5 dB (measured about 0.4 dB).
    /// </summary>
    [Fact]
    public async Task Band_spectrum_of_the_128k_mp3_differs_above_16k_and_agrees_below_4k()
    {
        using var doc = JsonDocument.Parse(await fx.Http.GetStringAsync(fx.Url("/api/songs/tone44k/analysis?kbps=128")));
        var a = doc.RootElement;
        Assert.Equal(44100, a.GetProperty("sampleRate").GetInt32());
        double[] edges = Doubles(a, "bandEdgesHz"), wav = Doubles(a, "wavDb"), mp3 = Doubles(a, "mp3Db");
        Assert.Equal(64, wav.Length);
        var below4k = Enumerable.Range(0, wav.Length).Where(b => edges[b + 1] <= 4000).ToList();
        var above16k = Enumerable.Range(0, wav.Length).Where(b => edges[b] >= 16000).ToList();
        Assert.NotEmpty(below4k);
        Assert.NotEmpty(above16k);
        Assert.All(below4k, b => Assert.InRange(Math.Abs(wav[b] - mp3[b]), 0, 1.5));
        Assert.True(above16k.Max(b => wav[b] - mp3[b]) > 20, $"largest drop above 16 kHz: {above16k.Max(b => wav[b] - mp3[b]):0.0} dB");
        var png = await fx.Http.GetAsync(fx.Url(a.GetProperty("mel").GetProperty("url").GetString()!));
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
    }

    private static double[] Doubles(JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(x => x.GetDouble()).ToArray();
}
