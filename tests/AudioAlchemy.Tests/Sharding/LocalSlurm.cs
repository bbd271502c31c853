using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace AudioAlchemy.Tests.Sharding;

/// <summary>
/// A single-node Slurm for one test class (Debian's slurm-wlm + munge, recipe in docs/slurm.md): its own munged
/// (own socket, the machine's /etc/munge/munge.key), slurmctld and slurmd in the foreground on two free ports, all
/// state in a temp folder; <see cref="Dispose"/> stops the three processes it started, by their pid, and removes the
/// folder. No cgroups (proctrack/linuxproc, task/none), no accounting.
/// </summary>
public sealed class LocalSlurm : IDisposable
{
    private readonly List<Process> daemons = [];

    /// <summary>Why a local Slurm cannot run here (not root, not Linux, slurm-wlm or munge missing), or null.</summary>
    public static string? Unavailable()
    {
        if (!OperatingSystem.IsLinux()) return "needs Linux (Debian's slurm-wlm and munge)";
        if (geteuid() != 0) return "needs root: slurmd runs the array tasks and munged is started with --force (CI runs as root)";
        foreach (var exe in new[] { "munged", "slurmctld", "slurmd", "sbatch", "squeue", "scontrol", "scancel" })
            if (Find(exe) is null) return $"{exe} not found: install slurm-wlm and munge (./alchemy does, as root)";
        if (!File.Exists("/etc/munge/munge.key")) return "/etc/munge/munge.key missing (installing the munge package creates it)";
        return null;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern uint geteuid();

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    /// <summary>Absolute path of a program in PATH or /usr/sbin, or null.</summary>
    public static string? Find(string exe) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/sbin").Append("/usr/bin").Append("/sbin")
            .Select(d => Path.Combine(d, exe)).FirstOrDefault(File.Exists);

    /// <summary>Starts munged, slurmctld and slurmd and waits (≤ 30 s) until the node is idle.</summary>
    public LocalSlurm()
    {
        Folder = Path.Combine(Path.GetTempPath(), "alchemy-slurm-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            foreach (var d in new[] { "munge", "state", "spool", "log" }) Directory.CreateDirectory(Path.Combine(Folder, d));
            string sock = Path.Combine(Folder, "munge", "munge.socket");
            Start(Find("munged")!, "-F", "--force", $"--socket={sock}", $"--pid-file={Folder}/munge/munged.pid",
                $"--log-file={Folder}/log/munged.log", $"--seed-file={Folder}/munge/munged.seed");
            WaitFor(() => File.Exists(sock), TimeSpan.FromSeconds(10), "munged socket");
            string host = Run("hostname", "-s").Trim();
            int ctldPort = FreePort(), dPort = FreePort(ctldPort);
            ConfPath = Path.Combine(Folder, "slurm.conf");
            long memMb = MemoryMb();
            File.WriteAllText(ConfPath, $"""
                ClusterName=alchemytest
                SlurmctldHost={host}(127.0.0.1)
                SlurmUser=root
                SlurmdUser=root
                AuthType=auth/munge
                AuthInfo=socket={sock}
                CredType=cred/munge
                ProctrackType=proctrack/linuxproc
                TaskPlugin=task/none
                SchedulerType=sched/backfill
                SelectType=select/cons_tres
                SelectTypeParameters=CR_Core
                StateSaveLocation={Folder}/state
                SlurmdSpoolDir={Folder}/spool
                SlurmctldPidFile={Folder}/slurmctld.pid
                SlurmdPidFile={Folder}/slurmd.pid
                SlurmctldLogFile={Folder}/log/slurmctld.log
                SlurmdLogFile={Folder}/log/slurmd.log
                SlurmctldPort={ctldPort}
                SlurmdPort={dPort}
                ReturnToService=2
                JobAcctGatherType=jobacct_gather/none
                MinJobAge=600
                NodeName={host} NodeAddr=127.0.0.1 CPUs={Environment.ProcessorCount} RealMemory={memMb} State=UNKNOWN
                PartitionName=debug Nodes={host} Default=YES MaxTime=INFINITE State=UP

                """);
            Start(Find("slurmctld")!, "-D", "-f", ConfPath);
            WaitFor(() => TryRun("scontrol", "ping").Contains("UP", StringComparison.Ordinal), TimeSpan.FromSeconds(15), "slurmctld");
            Start(Find("slurmd")!, "-D", "-f", ConfPath);
            WaitFor(() => TryRun("sinfo", "-h", "-o", "%T").Trim() == "idle", TimeSpan.FromSeconds(30), "slurmd (node idle)");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The temp folder holding configuration, state and logs.</summary>
    public string Folder { get; }

    /// <summary>The slurm.conf the client commands use (SLURM_CONF).</summary>
    public string ConfPath { get; private set; } = "";

    /// <summary>Runs a Slurm client command with this cluster's SLURM_CONF; throws with its output when it fails.</summary>
    public string Run(string exe, params string[] args) => Run(null, exe, args);

    /// <summary><see cref="Run(string, string[])"/> with extra environment variables (sbatch passes them on to the tasks).</summary>
    public string Run(IReadOnlyDictionary<string, string>? env, string exe, params string[] args)
    {
        var (code, output) = Exec(exe, args, env);
        if (code != 0) throw new InvalidOperationException($"{exe} {string.Join(' ', args)} exited {code}: {output}\n{Logs()}");
        return output;
    }

    private string TryRun(string exe, params string[] args) => Exec(exe, args).Output;

    private (int Code, string Output) Exec(string exe, string[] args, IReadOnlyDictionary<string, string>? env = null)
    {
        var psi = new ProcessStartInfo(Find(exe) ?? exe) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (ConfPath.Length > 0) psi.Environment["SLURM_CONF"] = ConfPath;
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(30_000)) { p.Kill(); return (-1, stdout + " (timed out)"); }
        return (p.ExitCode, stdout + stderr.Result);
    }

    /// <summary>State of every task of a job array, e.g. {"12_0": "COMPLETED", "12_1": "RUNNING"} (scontrol show job).</summary>
    public Dictionary<string, string> TaskStates(string jobId)
    {
        var states = new Dictionary<string, string>();
        foreach (var line in TryRun("scontrol", "show", "job", "-o", jobId).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string? Field(string name) => line.Split(' ').FirstOrDefault(f => f.StartsWith(name + "=", StringComparison.Ordinal))?[(name.Length + 1)..];
            string task = Field("ArrayTaskId") ?? "";
            if (task.Contains('-') || task.Contains(',') || task.Contains('[')) task = "pending:" + task;   // a still-unsplit pending range
            states[$"{Field("ArrayJobId") ?? Field("JobId")}_{task}"] = Field("JobState") ?? "?";
        }
        return states;
    }

    /// <summary>Waits (polling every 0.2 s, at most <paramref name="timeout"/>) until no task of the job is pending or running.</summary>
    public Dictionary<string, string> WaitUntilFinished(string jobId, TimeSpan timeout)
    {
        Dictionary<string, string> states = [];
        WaitFor(() =>
        {
            states = TaskStates(jobId);
            return states.Count > 0 && states.Values.All(s => s is not ("PENDING" or "RUNNING" or "CONFIGURING" or "COMPLETING" or "REQUEUED" or "REQUEUE_HOLD" or "RESIZING" or "SUSPENDED"));
        }, timeout, $"job {jobId} (states: {string.Join(", ", states.Select(kv => kv.Key + "=" + kv.Value))})");
        return states;
    }

    /// <summary>Polls <paramref name="done"/> every 0.2 s until true, or throws after <paramref name="timeout"/> with the daemons' logs.</summary>
    public void WaitFor(Func<bool> done, TimeSpan timeout, string what)
    {
        var sw = Stopwatch.StartNew();
        while (!done())
        {
            if (sw.Elapsed > timeout) throw new TimeoutException($"local Slurm: {what} not ready after {timeout.TotalSeconds:0} s\n{Logs()}");
            if (daemons.FirstOrDefault(d => d.HasExited) is { } dead) throw new InvalidOperationException($"local Slurm: {dead.StartInfo.FileName} exited ({dead.ExitCode})\n{Logs()}");
            Thread.Sleep(200);
        }
    }

    /// <summary>The tail of each daemon log (for failure messages).</summary>
    public string Logs()
    {
        var sb = new StringBuilder();
        foreach (var f in Directory.Exists(Path.Combine(Folder, "log")) ? Directory.GetFiles(Path.Combine(Folder, "log")) : [])
        {
            var lines = File.ReadAllLines(f);
            sb.AppendLine($"--- {Path.GetFileName(f)}").AppendLine(string.Join('\n', lines.TakeLast(15)));
        }
        return sb.ToString();
    }

    private void Start(string exe, params string[] args)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        var p = Process.Start(psi)!;
        string name = Path.GetFileName(exe);
        p.OutputDataReceived += (_, e) => Append(name, e.Data);
        p.ErrorDataReceived += (_, e) => Append(name, e.Data);
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        daemons.Add(p);
    }

    private void Append(string name, string? line)
    {
        if (line is null) return;
        try { lock (daemons) File.AppendAllText(Path.Combine(Folder, "log", name + ".out"), line + "\n"); } catch (IOException) { }
    }

    private static string Run(string exe, string arg)
    {
        using var p = Process.Start(new ProcessStartInfo(exe, arg) { RedirectStandardOutput = true })!;
        string s = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return s;
    }

    private static int FreePort(int except = 0)
    {
        while (true)
        {
            var l = new TcpListener(IPAddress.Loopback, 0);
            l.Start();
            int port = ((IPEndPoint)l.LocalEndpoint).Port;
            l.Stop();
            if (port != except) return port;
        }
    }

    private static long MemoryMb()
    {
        var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024 * 9 / 10;
    }

    /// <summary>Stops slurmd, slurmctld and munged (the processes this fixture started, by pid) and deletes the folder.</summary>
    public void Dispose()
    {
        if (ConfPath.Length > 0 && daemons.Count == 3 && !daemons.Any(d => d.HasExited))
        {
            TryRun("scancel", "--user", "root");   // SLURM_CONF = this cluster: only its jobs
            Thread.Sleep(500);
        }
        for (int i = daemons.Count - 1; i >= 0; i--)
        {
            var p = daemons[i];
            try
            {
                if (!p.HasExited)
                {
                    kill(p.Id, 15);   // SIGTERM: the daemons shut down cleanly
                    if (!p.WaitForExit(10_000)) p.Kill();
                }
            }
            catch (InvalidOperationException) { }
            p.Dispose();
        }
        daemons.Clear();
        try { if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>A fact that needs a local Slurm (<see cref="LocalSlurm.Unavailable"/>); otherwise skipped with the reason.</summary>
public sealed class SlurmFactAttribute : FactAttribute
{
    public SlurmFactAttribute()
    {
        if (LocalSlurm.Unavailable() is { } reason) Skip = reason;
    }
}
