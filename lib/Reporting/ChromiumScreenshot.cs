using System.Diagnostics;

namespace AudioAlchemy.Reporting;

/// <summary>
/// Takes a PNG screenshot of a local HTML file with headless Chromium (a fresh temporary profile per shot,
/// networking extras off, killed after a timeout). Use <see cref="TryCreate"/> to find the browser.
/// </summary>
public sealed class ChromiumScreenshot
{
    /// <summary>Browser executables looked for, in order (the <c>CHROMIUM</c> environment variable first, if set).</summary>
    public static readonly IReadOnlyList<string> Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    /// <summary>Creates a screenshotter for the browser at <paramref name="executable"/>.</summary>
    /// <param name="executable">Path of the Chromium executable.</param>
    /// <param name="timeout">Time limit per screenshot.</param>
    public ChromiumScreenshot(string executable, TimeSpan? timeout = null)
    {
        if (!File.Exists(executable)) throw new AlchemyException($"{executable}: Chromium not found");
        Executable = executable;
        Timeout = timeout ?? TimeSpan.FromSeconds(60);
    }

    /// <summary>Path of the browser.</summary>
    public string Executable { get; }

    /// <summary>Time limit per screenshot.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The screenshotter for the first browser found, or null.</summary>
    public static ChromiumScreenshot? TryCreate()
    {
        var env = Environment.GetEnvironmentVariable("CHROMIUM");
        var path = new[] { env }.Concat(Candidates).FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));
        return path is null ? null : new ChromiumScreenshot(path);
    }

    /// <summary>Renders <paramref name="htmlPath"/> at <paramref name="width"/>×<paramref name="height"/> pixels into <paramref name="pngPath"/> (atomically).</summary>
    public void Capture(string htmlPath, string pngPath, int width, int height)
    {
        if (!File.Exists(htmlPath)) throw new AlchemyException($"{htmlPath}: HTML file not found");
        if (width < 16 || height < 16) throw new AlchemyException($"screenshot size {width}x{height} too small");
        string profile = Path.Combine(Path.GetTempPath(), "alchemy-chromium-" + Guid.NewGuid().ToString("N")[..10]);
        string tmpPng = Path.Combine(profile, "shot.png");
        Directory.CreateDirectory(profile);
        try
        {
            var psi = new ProcessStartInfo(Executable)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var a in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--user-data-dir=" + profile, "--screenshot=" + tmpPng, $"--window-size={width},{height}",
                "--virtual-time-budget=5000", new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri,
            }) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi) ?? throw new AlchemyException($"{Executable}: could not start");
            var err = p.StandardError.ReadToEndAsync();
            _ = p.StandardOutput.ReadToEndAsync();
            if (!p.WaitForExit(Timeout))
            {
                try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                throw new AlchemyException($"{htmlPath}: Chromium screenshot timed out after {Timeout.TotalSeconds:0} s");
            }
            if (!File.Exists(tmpPng) || new FileInfo(tmpPng).Length == 0)
                throw new AlchemyException($"{htmlPath}: Chromium wrote no screenshot (exit {p.ExitCode}): {Tail(err.Result)}");
            string? dir = Path.GetDirectoryName(Path.GetFullPath(pngPath));
            if (dir is not null) Directory.CreateDirectory(dir);
            File.Move(tmpPng, pngPath, overwrite: true);
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static string Tail(string s) => s.Length > 400 ? s[^400..] : s;
}
