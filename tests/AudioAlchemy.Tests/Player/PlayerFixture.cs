using System.Net.Sockets;
using System.Text;
using AudioAlchemy.Audio;
using AudioAlchemy.Player;

namespace AudioAlchemy.Tests.Player;

/// <summary>
/// A running player (port 0 = a free port on 127.0.0.1) over a temp manifest of three rows: <c>tone44k</c>, a 30 s
/// 44.1 kHz test signal (long enough that a busy CI machine does not reach its end during the browser test) (so 16 kHz exists; a 22.05 kHz corpus song has nothing above 11 kHz), <c>broken</c>, a file of
/// garbage, and <c>gone</c>, a row whose audio file is missing.
/// </summary>
public sealed class PlayerFixture : IAsyncLifetime
{
    /// <summary>Rate of the test signal.</summary>
    public const int SampleRate = 44100;

    /// <summary>Duration of the test signal.</summary>
    public const double Seconds = 30;

    private readonly TempDir _dir = TestData.TempDir();

    /// <summary>The server.</summary>
    public PlayerServer Server { get; private set; } = null!;

    /// <summary>A client for ordinary requests.</summary>
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>
    /// The test signal: a held A-minor chord with 12 harmonics per note plus seeded white noise (−26 dBFS RMS) and short
    /// noise bursts every 0.5 s, so every band from 20 Hz to 22 kHz carries energy and the spectrogram moves.
    /// </summary>
    public static float[] TestSignal(double seconds = Seconds, int seed = 17)
    {
        var rng = new Random(seed);
        var y = new float[(int)(SampleRate * seconds)];
        double[] notes = [220, 261.63, 329.63];
        for (int i = 0; i < y.Length; i++)
        {
            double t = (double)i / SampleRate, s = 0;
            foreach (var f in notes)
                for (int h = 1; h <= 12 && f * h < SampleRate / 2; h++) s += 0.05 / h * Math.Sin(2 * Math.PI * f * h * t);
            double burst = (t % 0.5) < 0.06 ? 0.25 : 0;
            s += (0.05 + burst) * (rng.NextDouble() * 2 - 1) * Math.Sqrt(3);
            y[i] = (float)Math.Clamp(s, -1, 1);
        }
        return y;
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        AudioFile.Save(_dir.File("tone44k.wav"), TestSignal(), SampleRate, new SaveOptions(AudioEncoding.Pcm16));
        File.WriteAllText(_dir.File("broken.wav"), "this is not audio at all");
        File.WriteAllText(_dir.File("manifest.csv"),
            "id,path,title,artist,genre,language,key,mode,tempo_bpm\n" +
            "tone44k,tone44k.wav,Chord and noise 44.1 kHz,Test Signal,test,none,A,minor,120\n" +
            "broken,broken.wav,Broken file,Nobody,test,none,C,major,90\n" +
            "gone,gone.wav,Missing file,Nobody,test,none,D,major,100\n");
        Server = await PlayerServer.StartAsync(SongCatalog.FromManifest(_dir.File("manifest.csv")), new PlayerOptions(_dir.File("cache"), Port: 0));
    }

    /// <summary>Absolute URL of <paramref name="path"/> on the server.</summary>
    public string Url(string path) => Server.Url.TrimEnd('/') + path;

    /// <summary>
    /// Sends <c>GET path</c> exactly as given (no client-side normalisation of <c>..</c> or percent escapes, which
    /// <see cref="Uri"/> would do) and returns the status code and body.
    /// </summary>
    public async Task<(int Status, string Body)> RawGetAsync(string path)
    {
        var uri = new Uri(Server.Url);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(uri.Host, uri.Port);
        using var stream = tcp.GetStream();
        byte[] request = Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: {uri.Authority}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(request);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string response = await reader.ReadToEndAsync();
        string statusLine = response.Split("\r\n")[0];
        int status = int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        int body = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return (status, body < 0 ? "" : response[(body + 4)..]);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (Server is not null) await Server.DisposeAsync();
        _dir.Dispose();
    }
}
