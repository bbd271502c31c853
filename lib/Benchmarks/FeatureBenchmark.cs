using System.Diagnostics;
using System.Text.Json;
using AudioAlchemy.Audio;
using AudioAlchemy.Corpus.Batch;
using AudioAlchemy.Features;
using AudioAlchemy.Features.Pitch;

namespace AudioAlchemy.Benchmarks;

/// <summary>Result of <see cref="FeatureBenchmark.Run"/>; times in seconds (medians over the timed runs).</summary>
/// <param name="File">The audio file.</param>
/// <param name="AudioSeconds">Seconds of audio analysed.</param>
/// <param name="Runs">Timed runs per measurement (after one warm-up).</param>
/// <param name="Steps">Per-step medians, named as librosa's time_table1.py steps (load, duration+moments, stft+freq_e, pyin+fundamental_freq, ...), single thread.</param>
/// <param name="Features">Stand-alone feature medians (stft, mel, mfcc, chroma_stft, onset_strength, tempo, zcr, rms, yin, pyin), single thread, fresh spectrogram each.</param>
/// <param name="Total">Median of load + whole Table-1 summary, single thread.</param>
/// <param name="CorpusFiles">Files in the throughput run (copies of the same file).</param>
/// <param name="CorpusThreads">Worker threads of the throughput run.</param>
/// <param name="CorpusFilesPerSecond">Throughput on all cores (load + summary, cache off).</param>
/// <param name="StepsCpu">Per-step medians of process CPU time (robust to other processes sharing the cores).</param>
/// <param name="FeaturesCpu">Stand-alone feature medians of process CPU time.</param>
/// <param name="TotalCpu">Median process CPU time of load + summary.</param>
public sealed record FeatureBenchmarkResult(string File, double AudioSeconds, int Runs, IReadOnlyDictionary<string, double> Steps,
    IReadOnlyDictionary<string, double> Features, double Total, int CorpusFiles, int CorpusThreads, double CorpusFilesPerSecond,
    IReadOnlyDictionary<string, double> StepsCpu, IReadOnlyDictionary<string, double> FeaturesCpu, double TotalCpu);

/// <summary>librosa timing as written by <c>oracle/time_table1.py --json</c>.</summary>
/// <param name="Total">Median total seconds (load + summary).</param>
/// <param name="Steps">Median seconds per step.</param>
/// <param name="LoadBefore">1-minute load average when librosa's timing started (<c>machine.loadavg_1_5_15_before[0]</c>), if recorded.</param>
/// <param name="LoadAfter">1-minute load average when it ended, if recorded.</param>
/// <remarks>librosa's side is wall-clock time only (<c>time.perf_counter</c>): compare it with our wall time, never our CPU time.</remarks>
public sealed record LibrosaTiming(double Total, IReadOnlyDictionary<string, double> Steps, double? LoadBefore = null, double? LoadAfter = null)
{
    /// <summary>Reads the JSON file (keys <c>total_s_median</c> and <c>steps_s_median</c>).</summary>
    public static LibrosaTiming Load(string path)
    {
        if (!System.IO.File.Exists(path)) throw new AlchemyException($"{path}: librosa timing JSON not found");
        try
        {
            using var doc = JsonDocument.Parse(System.IO.File.ReadAllText(path));
            var r = doc.RootElement;
            var steps = r.GetProperty("steps_s_median").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
            double? Load(string key) => r.TryGetProperty("machine", out var m) && m.TryGetProperty(key, out var l) && l.ValueKind == JsonValueKind.Array && l.GetArrayLength() > 0
                ? l[0].GetDouble() : null;
            return new LibrosaTiming(r.GetProperty("total_s_median").GetDouble(), steps, Load("loadavg_1_5_15_before"), Load("loadavg_1_5_15_after"));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new AlchemyException($"{path}: not a time_table1.py JSON ({e.Message})");
        }
    }
}

/// <summary>
/// Speed of the Table-1 features on one clip: per-step and per-feature medians on one thread after a warm-up
/// (JIT excluded, like librosa's numba warm-up), and corpus throughput over all cores.
/// </summary>
public static class FeatureBenchmark
{
    /// <summary>Benchmarks <paramref name="file"/> (first <paramref name="duration"/> seconds).</summary>
    public static FeatureBenchmarkResult Run(string file, double? duration = 30, int runs = 5, int? corpusFiles = null, Table1Options? options = null,
        Action<string>? log = null)
    {
        var o = (options ?? new Table1Options()).Validate();
        var (y, _) = AudioFile.Load(file, sr: (int)o.Sr, duration: duration);
        double seconds = y.Length / o.Sr;
        var ex = new Table1Extractor(o);

        log?.Invoke("Table-1 summary, single thread");
        var stepRuns = new Dictionary<string, List<double>>();
        var stepCpuRuns = new Dictionary<string, List<double>>();
        var totals = new List<double>();
        var totalsCpu = new List<double>();
        for (int run = 0; run <= runs; run++)
        {
            var stepTimes = new Dictionary<string, double>();
            var stepCpu = new Dictionary<string, double>();
            double cpu0 = Cpu(), cpuLast = cpu0;
            var sw = Stopwatch.StartNew();
            var (yy, _) = AudioFile.Load(file, sr: (int)o.Sr, duration: duration);
            stepTimes["load"] = sw.Elapsed.TotalSeconds;
            stepCpu["load"] = (cpuLast = Cpu()) - cpu0;
            ex.OnStep = (name, t) =>
            {
                stepTimes[name] = t.TotalSeconds;
                double c = Cpu();
                stepCpu[name] = c - cpuLast;
                cpuLast = c;
            };
            ex.Compute(yy);
            double total = sw.Elapsed.TotalSeconds, totalCpu = Cpu() - cpu0;
            ex.OnStep = null;
            if (run == 0) continue; // warm-up
            totals.Add(total);
            totalsCpu.Add(totalCpu);
            foreach (var (k, v) in stepTimes) (stepRuns.TryGetValue(k, out var l) ? l : stepRuns[k] = new List<double>()).Add(v);
            foreach (var (k, v) in stepCpu) (stepCpuRuns.TryGetValue(k, out var l) ? l : stepCpuRuns[k] = new List<double>()).Add(v);
        }
        var steps = stepRuns.ToDictionary(kv => kv.Key, kv => Median(kv.Value));
        var stepsCpu = stepCpuRuns.ToDictionary(kv => kv.Key, kv => Median(kv.Value));

        log?.Invoke("stand-alone features, single thread");
        var stftOptions = new Dsp.StftOptions(o.NFft, o.HopLength);
        var stft = new Dsp.Stft(stftOptions);
        var mel = new MelSpectrogramTransform(new MelOptions(o.Sr, o.NMels, o.Fmin, o.Fmax), stftOptions);
        var mfcc = new MfccTransform(new MfccOptions(o.NMfcc), mel);
        var onset = new OnsetStrengthTransform(new OnsetOptions(), mel);
        var chroma = new ChromaStftTransform(new ChromaOptions(o.Sr), stftOptions);
        var tempo = new TempoEstimator(new TempoOptions(o.Sr, o.HopLength));
        var pyin = new Pyin(new PyinOptions(o.PitchFmin, o.PitchFmax, o.Sr, o.NFft, o.HopLength));
        var yin = new Yin(new YinOptions(o.PitchFmin, o.PitchFmax, o.Sr, o.NFft, o.HopLength));
        var env = onset.Compute(y);
        var featuresCpu = new Dictionary<string, double>();
        double Time(string name, Func<object> action)
        {
            GC.KeepAlive(action());
            var t = new List<double>();
            var c = new List<double>();
            for (int i = 0; i < runs; i++)
            {
                double c0 = Cpu();
                var sw = Stopwatch.StartNew();
                GC.KeepAlive(action());
                t.Add(sw.Elapsed.TotalSeconds);
                c.Add(Cpu() - c0);
            }
            featuresCpu[name] = Median(c);
            return Median(t);
        }
        var features = new Dictionary<string, double>
        {
            ["stft"] = Time("stft", () => stft.Spectrogram(y)),
            ["melspectrogram"] = Time("melspectrogram", () => mel.Compute(y)),
            ["mfcc"] = Time("mfcc", () => mfcc.Compute(y)),
            ["chroma_stft (+tuning)"] = Time("chroma_stft (+tuning)", () => chroma.Compute(y)),
            ["onset_strength"] = Time("onset_strength", () => onset.Compute(y)),
            ["tempo (from envelope)"] = Time("tempo (from envelope)", () => tempo.Estimate(env)),
            ["zero_crossing_rate"] = Time("zero_crossing_rate", () => Feature.ZeroCrossingRate(y, o.NFft, o.HopLength)),
            ["rms"] = Time("rms", () => Feature.Rms(y, o.NFft, o.HopLength)),
            ["moments"] = Time("moments", () => Moments.Of(y)),
            ["yin"] = Time("yin", () => yin.Compute(y)),
            ["pyin"] = Time("pyin", () => pyin.Compute(y)),
        };

        int threads = Environment.ProcessorCount;
        int n = corpusFiles ?? Math.Max(4, 4 * threads);
        log?.Invoke($"corpus throughput: {n} copies on {threads} threads");
        var jobs = Enumerable.Range(0, n).Select(i => new FeatureJob($"copy{i}", 0, Path.GetFullPath(file))).ToList();
        var bo = new FeatureBatchOptions(o, CacheRoot: null, Duration: duration);
        FeatureBatch.Run(jobs.Take(threads).ToList(), bo); // warm-up of every worker
        var swc = Stopwatch.StartNew();
        var (res, fails) = FeatureBatch.Run(jobs, bo);
        double wall = swc.Elapsed.TotalSeconds;
        if (fails.Count > 0) throw new AlchemyException($"{file}: throughput run failed: {fails[0].Error}");
        return new FeatureBenchmarkResult(file, seconds, runs, steps, features, Median(totals), n, threads, res.Count / wall, stepsCpu, featuresCpu, Median(totalsCpu));
    }

    private static double Cpu()
    {
        using var p = Process.GetCurrentProcess();
        return p.TotalProcessorTime.TotalSeconds;
    }

    private static double Median(List<double> v)
    {
        var s = v.OrderBy(x => x).ToArray();
        return s.Length == 0 ? double.NaN : s.Length % 2 == 1 ? s[s.Length / 2] : 0.5 * (s[s.Length / 2 - 1] + s[s.Length / 2]);
    }
}
