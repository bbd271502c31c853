using System.Diagnostics;
using AudioAlchemy.Audio;

namespace AudioAlchemy.Tests.Robustness;

/// <summary>Helpers for the issue-16 tests: run the CLI in-process with a deadline, make FIFOs and small inputs.</summary>
internal static class HostileInput
{
    /// <summary>Runs <c>alchemy ARGS</c> in-process; fails the test when it does not return within <paramref name="seconds"/>.</summary>
    public static int RunCli(int seconds, params string[] args) =>
        Within(seconds, $"alchemy {string.Join(' ', args)}", () => AudioAlchemy.Cli.Program.Main(args));

    /// <summary>Runs <paramref name="body"/> on the thread pool; fails the test when it does not return within <paramref name="seconds"/>.</summary>
    public static T Within<T>(int seconds, string what, Func<T> body)
    {
        var run = Task.Run(body);
        Assert.True(run.Wait(TimeSpan.FromSeconds(seconds)), $"{what} did not finish within {seconds} s (hang)");
        return run.Result;
    }

    /// <summary>Creates a named pipe with mkfifo(1); a reader of it blocks until someone writes.</summary>
    public static string Fifo(TempDir dir, string name)
    {
        string p = dir.File(name);
        using var proc = Process.Start(new ProcessStartInfo("mkfifo") { ArgumentList = { p } })!;
        proc.WaitForExit();
        Assert.Equal(0, proc.ExitCode);
        return p;
    }

    /// <summary>Unblocks any reader stuck on <paramref name="fifo"/> (after a failed hang assertion) by opening it for writing.</summary>
    public static void Release(string fifo)
    {
        var t = Task.Run(() => { using var w = new FileStream(fifo, FileMode.Open, FileAccess.Write); });
        t.Wait(TimeSpan.FromSeconds(2));
    }

    /// <summary>A 1.5 s tone at 22050 Hz as float WAV.</summary>
    public static string Tone(TempDir dir, string name, double hz = 440)
    {
        string p = dir.File(name);
        AudioFile.Save(p, TestData.Sine(hz, 22050, 1.5), 22050, new SaveOptions(AudioEncoding.Float32));
        return p;
    }

    /// <summary>Data rows of a CSV (lines after the header).</summary>
    public static int DataRows(string csv) => File.ReadAllLines(csv).Skip(1).Count(l => l.Length > 0);
}
