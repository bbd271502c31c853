using System.Diagnostics;
using AudioAlchemy.Audio;

namespace AudioAlchemy.Tests.Sharding;

/// <summary>
/// What the sharded-verb tests share: running the built <c>alchemy</c> in a folder, and the tiny stem corpus (per song
/// a mix, a vocals and an accompaniment WAV of sines, manifest <c>m.csv</c> with id, path, vocals_path,
/// accompaniment_path, genre), all written by the test itself.
/// </summary>
internal static class ShardCli
{
    /// <summary>Runs <c>alchemy ARGS</c> in <paramref name="dir"/> (≤ 180 s) with extra environment variables; returns its exit code and output.</summary>
    public static (int Code, string Output) Run(string dir, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h ? h : "dotnet";
        var psi = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "alchemy.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["COLUMNS"] = "400";
        // A test run inside a Slurm job or an Indexed Job must not pass its own array index to --shard auto.
        foreach (var v in new[] { "SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT", "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_MAX", "SLURM_ARRAY_TASK_STEP", "JOB_COMPLETION_INDEX" })
            psi.Environment.Remove(v);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        string o = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(180_000), $"alchemy {string.Join(' ', args)} timed out");
        return (p.ExitCode, o + err.Result);
    }

    /// <summary>Runs <c>alchemy ARGS</c> and asserts exit code <paramref name="expected"/>; returns the output.</summary>
    public static string Expect(int expected, string dir, params string[] args) => Expect(expected, dir, null, args);

    /// <summary>Runs <c>alchemy ARGS</c> with extra environment variables and asserts exit code <paramref name="expected"/>.</summary>
    public static string Expect(int expected, string dir, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var (code, output) = Run(dir, environment, args);
        Assert.True(code == expected, $"alchemy {string.Join(' ', args)} exited {code}, expected {expected}: {output}");
        return output;
    }

    /// <summary>Runs <c>alchemy ARGS</c> and asserts exit code 0.</summary>
    public static string Ok(string dir, params string[] args) => Expect(0, dir, args);

    /// <summary>
    /// Writes the stem corpus of <paramref name="ids"/> into <paramref name="dir"/> (song i: m{i}.wav = v{i}.wav
    /// (300 + 40 i Hz) + a{i}.wav (110 + 10 i Hz), <paramref name="seconds"/> s at 22050 Hz) and its manifest m.csv, plus
    /// the rows of <paramref name="extraRows"/> verbatim. Returns the manifest path.
    /// </summary>
    public static string StemCorpus(TempDir dir, IReadOnlyList<string> ids, double seconds = 2.5, params string[] extraRows)
    {
        var lines = new List<string> { "id,path,vocals_path,accompaniment_path,genre" };
        for (int i = 0; i < ids.Count; i++)
        {
            var voc = TestData.Sine(300 + 40 * i, 22050, seconds, amp: 0.3);
            var acc = TestData.Sine(110 + 10 * i, 22050, seconds, amp: 0.2);
            AudioFile.Save(dir.File($"v{i}.wav"), voc, 22050);
            AudioFile.Save(dir.File($"a{i}.wav"), acc, 22050);
            AudioFile.Save(dir.File($"m{i}.wav"), voc.Zip(acc, (x, y) => x + y).ToArray(), 22050);
            lines.Add($"{ids[i]},m{i}.wav,v{i}.wav,a{i}.wav,g{i % 2}");
        }
        lines.AddRange(extraRows);
        File.WriteAllLines(dir.File("m.csv"), lines);
        return dir.File("m.csv");
    }
}
