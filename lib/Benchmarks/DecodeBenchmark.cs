using System.Diagnostics;
using AudioAlchemy.Audio;

namespace AudioAlchemy.Benchmarks;

/// <summary>One row of a decode benchmark: our decoder versus <c>ffmpeg -f f32le</c> piping on the same file.</summary>
/// <param name="File">The audio file.</param>
/// <param name="AudioMinutes">Length of the audio in minutes.</param>
/// <param name="OursSecondsPerMinute">Median seconds per audio-minute for <see cref="AudioFile.Load"/> at the native rate, mono.</param>
/// <param name="OursResampledSecondsPerMinute">Median seconds per audio-minute for a load resampled to 22050 Hz mono.</param>
/// <param name="FfmpegSecondsPerMinute">Median seconds per audio-minute for ffmpeg decoding to float32 mono on a pipe (null when ffmpeg is absent).</param>
public sealed record DecodeBenchmarkRow(string File, double AudioMinutes, double OursSecondsPerMinute, double OursResampledSecondsPerMinute, double? FfmpegSecondsPerMinute);

/// <summary>Measures decode speed in seconds per audio-minute (median of <c>runs</c> after one warm-up).</summary>
public static class DecodeBenchmark
{
    /// <summary>Benchmarks one file.</summary>
    public static DecodeBenchmarkRow Run(string file, int runs = 5)
    {
        var info = AudioFile.Info(file);
        double minutes = info.Duration / 60.0;
        double ours = Median(runs, () => AudioFile.Load(file, sr: null, mono: true)) / minutes;
        double oursRs = Median(runs, () => AudioFile.Load(file, sr: AudioFile.DefaultSampleRate, mono: true)) / minutes;
        double? ff = AudioFile.FindOnPath("ffmpeg") is { } exe ? Median(runs, () => FfmpegDecode(exe, file)) / minutes : null;
        return new DecodeBenchmarkRow(file, minutes, ours, oursRs, ff);
    }

    private static long FfmpegDecode(string exe, string file)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-nostdin", "-loglevel", "error", "-i", file, "-ac", "1", "-f", "f32le", "-" }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var buf = new byte[1 << 16];
        long total = 0;
        int n;
        var stdout = p.StandardOutput.BaseStream;
        while ((n = stdout.Read(buf, 0, buf.Length)) > 0) total += n;
        p.WaitForExit();
        return total;
    }

    private static double Median<T>(int runs, Func<T> action)
    {
        action();
        var times = new double[runs];
        for (int i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            GC.KeepAlive(action());
            times[i] = sw.Elapsed.TotalSeconds;
        }
        Array.Sort(times);
        return times[runs / 2];
    }
}
