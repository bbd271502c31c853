using System.Diagnostics;
using AudioAlchemy.Audio;
using AudioAlchemy.Corpus.Batch;
using AudioAlchemy.Sharding;
using Parquet.Serialization;
using Xunit.Abstractions;

namespace AudioAlchemy.Tests.Sharding;

/// <summary>
/// The feature stage on a real single-node Slurm (<see cref="LocalSlurm"/>): deploy/slurm/features.sbatch as a 4-task
/// array with a dependent merge.sbatch job (afterok), compared with a single-process run; then again with one task
/// killed mid-run (scancel) and requeued (scontrol requeue): the merged table is still identical.
/// </summary>
public sealed class SlurmArrayTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);

    [SlurmFact]
    public async Task FeatureStage_As4TaskArray_MergesToTheSingleProcessTable_EvenWithAKilledAndRequeuedTask()
    {
        var total = Stopwatch.StartNew();
        using var dir = TestData.TempDir();
        string manifest = TinyCorpus(dir, songs: 10, seconds: 8);
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h ? h : LocalSlurm.Find("dotnet") ?? "dotnet";
        string cli = Path.Combine(AppContext.BaseDirectory, "alchemy.dll");
        string deploy = Path.Combine(AppContext.BaseDirectory, "deploy", "slurm");
        string[] featureArgs = ["--duration", "8"];

        // The single-process run (the CLI as a user runs it).
        var single = Stopwatch.StartNew();
        RunCli(dotnet, cli, ["features", manifest, "--out", dir.File("single.parquet"), "--cache", dir.File("cache0"), "--jobs", "2", .. featureArgs]);
        double singleSeconds = single.Elapsed.TotalSeconds;

        using var slurm = new LocalSlurm();
        double startSeconds = total.Elapsed.TotalSeconds - singleSeconds;
        var env = new Dictionary<string, string> { ["ALCHEMY"] = $"{dotnet} {cli}", ["ALCHEMY_DEPLOY"] = deploy };
        Directory.CreateDirectory(dir.File("logs"));

        // 1. Array of 4 + merge job chained with afterok.
        var t1 = Stopwatch.StartNew();
        string job = Submit(slurm, env, ["--array=0-3", "-o", dir.File("logs/f1-%A_%a.out"), Path.Combine(deploy, "features.sbatch"),
            manifest, dir.File("run1/features.parquet"), dir.File("cache1"), .. featureArgs]);
        string merge = Submit(slurm, env, [$"--dependency=afterok:{job}", "-o", dir.File("logs/merge1-%j.out"), Path.Combine(deploy, "merge.sbatch"),
            dir.File("run1/features.parts"), "4", "parquet", dir.File("run1/features.parquet")]);
        var states = slurm.WaitUntilFinished(job, Bound);
        Assert.True(states.Values.All(s => s == "COMPLETED"), $"array tasks: {string.Join(", ", states)}\n{Logs(dir)}");
        Assert.Equal(4, states.Count);
        var mergeState = slurm.WaitUntilFinished(merge, Bound);
        Assert.True(mergeState.Values.Single() == "COMPLETED", $"merge job: {mergeState.Values.Single()}\n{Logs(dir)}");
        await AssertSameTable(dir.File("single.parquet"), dir.File("run1/features.parquet"));
        double run1Seconds = t1.Elapsed.TotalSeconds;

        // 2. The same with an empty cache; the task with the most signals is killed while it computes, then requeued.
        var t2 = Stopwatch.StartNew();
        var jobs = CorpusManifestAdapter.Load(manifest).Jobs;
        int victim = Enumerable.Range(0, 4).OrderByDescending(k => jobs.Count(j => ShardSpec.ShardOf(j.TrackId, 4) == k)).ThenBy(k => k).First();
        string job2 = Submit(slurm, env, ["--array=0-3", "-o", dir.File("logs/f2-%A_%a.out"), Path.Combine(deploy, "features.sbatch"),
            manifest, dir.File("run2/features.parquet"), dir.File("cache2"), .. featureArgs]);
        string task = $"{job2}_{victim}", partJson = dir.File($"run2/features.parts/PART-{victim}-of-4.json");
        string log = dir.File($"logs/f2-{job2}_{victim}.out");
        slurm.WaitFor(() => slurm.TaskStates(job2).GetValueOrDefault(task) == "RUNNING" && File.Exists(log) && File.ReadAllText(log).Contains("alchemy task"),
            Bound, $"{task} running");
        // Killed at once: the task's shell has started the CLI, which on a quiet machine finishes its shard in about a second
        // (a fixed sleep here let it finish first on an idle box), so the kill lands while it starts up or computes.
        Assert.False(File.Exists(partJson), $"{task} finished before it could be killed: give it more work");
        slurm.Run("scancel", task);
        slurm.WaitFor(() => slurm.TaskStates(job2).GetValueOrDefault(task) == "CANCELLED", Bound, $"{task} cancelled");
        Assert.False(File.Exists(partJson));
        slurm.Run("scontrol", "requeue", task);
        slurm.Run("scontrol", "update", $"JobId={task}", "StartTime=now");   // a requeued job is otherwise held ~2 min (its begin time)
        var states2 = slurm.WaitUntilFinished(job2, Bound);
        Assert.True(states2.Values.All(s => s == "COMPLETED"), $"array tasks: {string.Join(", ", states2)}\n{Logs(dir)}");
        Assert.Contains("restart 1", File.ReadAllText(log));   // --open-mode=append: both runs' output in one log
        var parts = Enumerable.Range(0, 4).Select(k => dir.File($"run2/features.parts/PART-{k}-of-4.parquet")).ToList();
        var merged = TableMerge.Merge(parts, dir.File("run2/features.parquet"));
        Assert.Equal(20, merged.Rows);
        await AssertSameTable(dir.File("single.parquet"), dir.File("run2/features.parquet"));
        // The shared cache holds only complete entries (the killed task may leave its unique temp files, never a torn entry).
        Assert.All(Directory.GetFiles(dir.File("cache2"), "*.json", SearchOption.AllDirectories), f => Assert.StartsWith("{", File.ReadAllText(f)));
        double run2Seconds = t2.Elapsed.TotalSeconds;

        output.WriteLine(FormattableString.Invariant(
            $"cost: single process {singleSeconds:0.0} s, Slurm start {startSeconds:0.0} s, array+merge {run1Seconds:0.0} s, kill+requeue run {run2Seconds:0.0} s, total {total.Elapsed.TotalSeconds:0.0} s"));
    }

    private static string Submit(LocalSlurm slurm, Dictionary<string, string> env, string[] args) =>
        slurm.Run(env, "sbatch", ["--parsable", .. args]).Trim().Split(';')[0];

    private static string Logs(TempDir dir) => string.Join("\n", Directory.GetFiles(dir.File("logs")).Order().Select(f => $"--- {Path.GetFileName(f)}\n{File.ReadAllText(f)}"));

    private static void RunCli(string dotnet, string cli, string[] args)
    {
        var psi = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(cli);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        string o = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(120_000), "single-process run timed out");
        Assert.True(p.ExitCode == 0, $"alchemy {string.Join(' ', args)} exited {p.ExitCode}: {o}{err.Result}");
    }

    private static async Task AssertSameTable(string expected, string actual)
    {
        async Task<List<Dictionary<string, object>>> Rows(string path)
        {
            await using var fs = File.OpenRead(path);
            return (await ParquetSerializer.DeserializeUntypedAsync(fs)).Data.ToList();
        }
        var a = await Rows(expected);
        var b = await Rows(actual);
        Assert.Equal(a.Count, b.Count);
        for (int i = 0; i < a.Count; i++) Assert.Equal(a[i], b[i]);
        Assert.Equal(File.ReadAllBytes(expected), File.ReadAllBytes(actual));
    }

    /// <summary>Songs of a few tones plus a quieter "vocal" stem each: 2 signals per song for the feature stage.</summary>
    private static string TinyCorpus(TempDir dir, int songs, double seconds)
    {
        var lines = new List<string> { "id,path,vocals_path,genre,artist" };
        var rng = new Random(7);
        for (int i = 0; i < songs; i++)
        {
            int sr = 22050, n = (int)(sr * seconds);
            var mix = new float[n];
            var voc = new float[n];
            double f0 = 110 * Math.Pow(2, i / 12.0);
            for (int t = 0; t < n; t++)
            {
                double time = (double)t / sr;
                voc[t] = (float)(0.3 * Math.Sin(2 * Math.PI * 2 * f0 * (1 + 0.01 * Math.Sin(2 * Math.PI * 5 * time)) * time));
                mix[t] = (float)(voc[t] + 0.2 * Math.Sin(2 * Math.PI * f0 * time) + 0.02 * (rng.NextDouble() - 0.5)
                    + ((t % (sr / 2)) < 400 ? 0.5 * (rng.NextDouble() - 0.5) : 0));
            }
            AudioFile.Save(dir.File($"mix{i}.wav"), mix, sr);
            AudioFile.Save(dir.File($"voc{i}.wav"), voc, sr);
            lines.Add($"song_{i:00},mix{i}.wav,voc{i}.wav,g{i % 3},a{i % 4}");
        }
        File.WriteAllLines(dir.File("m.csv"), lines);
        return dir.File("m.csv");
    }
}
