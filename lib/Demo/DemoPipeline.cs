using System.Diagnostics;
using AudioAlchemy.Notebooks;
using AudioAlchemy.Reporting;

namespace AudioAlchemy.Demo;

/// <summary>Settings of a <see cref="DemoPipeline"/> run.</summary>
/// <param name="NotebooksDir">Folder holding <c>00-…ipynb</c> … <c>05-…ipynb</c> (run in name order).</param>
/// <param name="ResultsDir">Output folder (figures, tables, <c>notebooks/</c>, <c>index.html</c>).</param>
/// <param name="DataDir">Folder of the corpus, caches and ablation stems.</param>
/// <param name="Mode">Tiny, quick or full.</param>
/// <param name="Only">When given, only notebooks whose name starts with one of these prefixes (e.g. "00", "04").</param>
/// <param name="Extras">Host steps run after the notebooks (e.g. the player screenshot); with <paramref name="Only"/>, only those whose name starts with a prefix (<c>--only player</c>).</param>
public sealed record DemoOptions(string NotebooksDir, string ResultsDir, string DataDir, DemoMode Mode = DemoMode.Quick, IReadOnlyList<string>? Only = null,
    IReadOnlyList<DemoExtraStep>? Extras = null);

/// <summary>One notebook's outcome.</summary>
/// <param name="Name">Notebook file name.</param>
/// <param name="Succeeded">False when a cell failed.</param>
/// <param name="Seconds">Wall time.</param>
/// <param name="Failure">Failing cell and message, if any.</param>
/// <param name="Html">Main output: the executed notebook as HTML, or the first file an extra step wrote.</param>
public sealed record DemoStep(string Name, bool Succeeded, double Seconds, string? Failure, string Html);

/// <summary>What a demo run produced.</summary>
/// <param name="CorpusManifest">Manifest of the corpus used.</param>
/// <param name="Steps">Notebook outcomes in run order.</param>
/// <param name="IndexHtml">The report page.</param>
/// <param name="Seconds">Total wall time.</param>
public sealed record DemoReport(string CorpusManifest, IReadOnlyList<DemoStep> Steps, string IndexHtml, double Seconds)
{
    /// <summary>True when every notebook ran to the end.</summary>
    public bool Succeeded => Steps.All(s => s.Succeeded);
}

/// <summary>
/// The main job: generate the demo corpus if absent, run every study notebook headless with the mode's parameters
/// (<see cref="DemoPlan"/>) plus <c>results_dir</c>/<c>data_dir</c>, write each executed notebook (.ipynb + .html) to
/// <c>results/notebooks</c>, and build <c>results/index.html</c>. A failing notebook is reported and the next one runs.
/// Everything expensive in the notebooks is cached under the data folder, so a rerun resumes.
/// </summary>
public static class DemoPipeline
{
    /// <summary>Runs the demo; <paramref name="log"/> gets one line per step and per finished cell.</summary>
    public static DemoReport Run(DemoOptions options, Action<string>? log = null)
    {
        var sw = Stopwatch.StartNew();
        if (!Directory.Exists(options.NotebooksDir)) throw new AlchemyException($"{options.NotebooksDir}: notebooks folder not found");
        string results = Path.GetFullPath(options.ResultsDir), data = Path.GetFullPath(options.DataDir);
        Directory.CreateDirectory(results);
        var values = new Dictionary<string, string>(DemoPlan.ParametersFor(options.Mode))
        {
            ["results_dir"] = results,
            ["data_dir"] = data,
        };
        var (perGenre, seconds) = DemoPlan.Corpus(options.Mode);
        log?.Invoke($"[corpus] {perGenre} songs per genre x {seconds:0.#} s in {DemoCorpus.FolderFor(data, perGenre, seconds)}");
        var t = Stopwatch.StartNew();
        string manifest = DemoCorpus.Ensure(data, perGenre, seconds, log: line => log?.Invoke("  " + line));
        log?.Invoke($"[corpus] ready in {t.Elapsed.TotalSeconds:0.0} s: {manifest}");

        var notebooks = Directory.GetFiles(options.NotebooksDir, "*.ipynb").Order(StringComparer.Ordinal)
            .Where(p => options.Only is null || options.Only.Any(o => Path.GetFileName(p).StartsWith(o, StringComparison.Ordinal))).ToList();
        var steps = new List<DemoStep>();
        string outDir = Path.Combine(results, "notebooks");
        foreach (var path in notebooks)
        {
            string name = Path.GetFileName(path);
            var doc = NotebookDocument.Load(path);
            var declared = NotebookParameters.Read(doc).Select(p => p.Name).ToHashSet();
            var given = values.Where(kv => declared.Contains(kv.Key)).ToDictionary();
            log?.Invoke($"[{name}] {string.Join(' ', given.Where(kv => kv.Key is not ("results_dir" or "data_dir")).Select(kv => $"{kv.Key}={kv.Value}"))}");
            var run = NotebookRunner.RunAsync(doc, path, new NotebookRunOptions
            {
                Parameters = given,
                Save = NotebookArtifacts.Saver(path, outDir),
                Progress = p => log?.Invoke($"  cell {p.CellNumber,3} ({p.CodeCellIndex}/{p.CodeCellCount}) {p.Elapsed.TotalSeconds,7:0.0} s{(p.Failed ? " FAILED" : "")}"),
            }).GetAwaiter().GetResult();
            var written = NotebookArtifacts.Write(run, path, outDir);
            steps.Add(new DemoStep(name, run.Succeeded, run.Elapsed.TotalSeconds, run.Failure?.ToString(), written.Html));
            log?.Invoke($"[{name}] {(run.Succeeded ? "ok" : "FAILED: " + run.Failure)} in {run.Elapsed.TotalSeconds:0.0} s → {written.Html}");
        }
        foreach (var extra in (options.Extras ?? []).Where(x => options.Only is null || options.Only.Any(o => x.Name.StartsWith(o, StringComparison.Ordinal))))
        {
            t.Restart();
            log?.Invoke($"[{extra.Name}]");
            try
            {
                var files = extra.Run(new DemoStepContext(results, data, options.Mode, manifest, line => log?.Invoke("  " + line)));
                steps.Add(new DemoStep(extra.Name, true, t.Elapsed.TotalSeconds, null, files.FirstOrDefault() ?? ""));
                log?.Invoke($"[{extra.Name}] ok in {t.Elapsed.TotalSeconds:0.0} s → {string.Join(", ", files)}");
            }
            catch (AlchemyException e)
            {
                steps.Add(new DemoStep(extra.Name, false, t.Elapsed.TotalSeconds, e.Message, ""));
                log?.Invoke($"[{extra.Name}] FAILED: {e.Message}");
            }
        }
        string index = ReportIndex.Write(results);
        log?.Invoke($"[report] {index}");
        return new DemoReport(manifest, steps, index, sw.Elapsed.TotalSeconds);
    }
}
