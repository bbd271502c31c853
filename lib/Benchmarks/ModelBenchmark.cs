using System.Diagnostics;
using System.Text.Json;
using AudioAlchemy.Experiments;
using AudioAlchemy.Models;

namespace AudioAlchemy.Benchmarks;

/// <summary>Fit time of one model on one side.</summary>
/// <param name="Model">Model spec as printed.</param>
/// <param name="Wall">Median wall seconds per fit.</param>
/// <param name="Cpu">Median process CPU seconds per fit (robust to other load; above wall when multi-threaded).</param>
/// <param name="TrainAccuracy">Accuracy on the training rows (a sanity check that both sides fit the same problem).</param>
public sealed record ModelTiming(string Model, double Wall, double Cpu, double TrainAccuracy);

/// <summary>Result of <see cref="ModelBenchmark.Run"/>.</summary>
/// <param name="Rows">Rows of the table.</param>
/// <param name="Features">Feature columns.</param>
/// <param name="Runs">Timed fits per model (median reported).</param>
/// <param name="Ours">Our models.</param>
/// <param name="Sklearn">scikit-learn's, or empty when /usr/bin/python3 with sklearn is not available.</param>
/// <param name="SklearnVersion">scikit-learn version, or the reason it was not run.</param>
public sealed record ModelBenchmarkResult(int Rows, int Features, int Runs, IReadOnlyList<ModelTiming> Ours, IReadOnlyList<ModelTiming> Sklearn, string SklearnVersion);

/// <summary>
/// <c>alchemy bench models</c>: fit times of rf(300), svc, linearsvc and ML.NET fastforest(300) on one table,
/// standardized once (StandardScaler on all rows), side by side with scikit-learn's RandomForestClassifier(300),
/// SVC and LinearSVC timed in the same run by the embedded <c>sklearn_fit_times.py</c> under /usr/bin/python3.
/// </summary>
public static class ModelBenchmark
{
    /// <summary>Our models timed, in order; fastforest is timed once (it is slow).</summary>
    public static readonly IReadOnlyList<string> Models =
        ["rf(n_estimators=300,n_jobs=1)", "rf(n_estimators=300)", "svc(n_jobs=1)", "svc", "linearsvc", "fastforest(n_estimators=300)"];

    /// <summary>Times the models <paramref name="only"/> (all of <see cref="Models"/> when null) on <paramref name="table"/>
    /// (label column <paramref name="label"/>), ours and scikit-learn's.</summary>
    public static ModelBenchmarkResult Run(string table, string label, int runs = 3, string python = "/usr/bin/python3", Action<string>? log = null,
        IReadOnlyList<string>? only = null)
    {
        if (runs < 1) throw new AlchemyException($"--runs must be >= 1, got {runs}");
        var unknown = only?.Where(m => !Models.Contains(m)).ToArray() ?? [];
        if (unknown.Length > 0)
            throw new AlchemyException($"--models: unknown {string.Join(", ", unknown)}; choose from {string.Join(", ", Models)}");
        var chosen = only is { Count: > 0 } ? Models.Where(only.Contains).ToArray() : Models.ToArray();
        var data = DatasetBuilder.Build(TableReader.Load(table), new ColumnSelection(label));
        var x = new StandardScaler().Fit(data.X).Transform(data.X);
        var enc = new LabelEncoder(data.Labels);
        var y = enc.Transform(data.Labels);
        var ours = new List<ModelTiming>();
        foreach (var spec in chosen)
        {
            int n = spec.StartsWith("fastforest", StringComparison.Ordinal) ? 1 : runs;
            var wall = new List<double>();
            var cpu = new List<double>();
            IClassifier? m = null;
            for (int r = 0; r < n; r++)
            {
                m = ModelFactory.Create(ModelSpec.Parse(spec), 0);
                var proc = Process.GetCurrentProcess();
                var c0 = proc.TotalProcessorTime;
                var sw = Stopwatch.StartNew();
                m.Fit(x, y, enc.Classes.Length);
                wall.Add(sw.Elapsed.TotalSeconds);
                proc.Refresh();
                cpu.Add((proc.TotalProcessorTime - c0).TotalSeconds);
            }
            var pred = m!.Predict(x);
            double acc = pred.Zip(y).Count(p => p.First == p.Second) / (double)y.Length;
            ours.Add(new ModelTiming(spec, Median(wall), Median(cpu), acc));
            log?.Invoke($"ours {spec}: {Median(wall):0.000} s");
        }
        var (sk, version) = Sklearn(table, label, runs, python, log, chosen);
        return new ModelBenchmarkResult(data.Count, data.FeatureCount, runs, ours, sk, version);
    }

    private static (IReadOnlyList<ModelTiming>, string) Sklearn(string table, string label, int runs, string python, Action<string>? log,
        IReadOnlyList<string> models)
    {
        if (!File.Exists(python)) return ([], $"not run: {python} not found");
        string script = Path.Combine(Path.GetTempPath(), $"alchemy_sklearn_fit_times_{Environment.ProcessId}.py");
        var asm = typeof(ModelBenchmark).Assembly;
        string name = asm.GetManifestResourceNames().Single(n => n.EndsWith("sklearn_fit_times.py", StringComparison.Ordinal));
        using (var s = asm.GetManifestResourceStream(name)!)
        using (var f = File.Create(script)) s.CopyTo(f);
        try
        {
            var psi = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { script, Path.GetFullPath(table), label, runs.ToString(System.Globalization.CultureInfo.InvariantCulture), string.Join(";", models) }) psi.ArgumentList.Add(a);
            log?.Invoke("running scikit-learn side (/usr/bin/python3) ...");
            using var p = Process.Start(psi) ?? throw new AlchemyException($"could not start {python}");
            var errTask = p.StandardError.ReadToEndAsync();
            string stdout = p.StandardOutput.ReadToEnd();
            if (!p.WaitForExit(TimeSpan.FromMinutes(30))) { p.Kill(true); return ([], "not run: timed out after 30 min"); }
            string err = errTask.Result;
            if (p.ExitCode != 0)
                return ([], $"not run: python exited {p.ExitCode}: {err.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()}");
            using var doc = JsonDocument.Parse(stdout);
            var root = doc.RootElement;
            var list = root.GetProperty("models").EnumerateObject().Select(m => new ModelTiming(m.Name, m.Value.GetProperty("wall").GetDouble(),
                m.Value.GetProperty("cpu").GetDouble(), m.Value.GetProperty("train_accuracy").GetDouble())).ToList();
            return (list, "scikit-learn " + root.GetProperty("sklearn").GetString());
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static double Median(List<double> v)
    {
        var s = v.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }
}
