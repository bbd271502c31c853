using System.Diagnostics;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.DotNet.Interactive.Formatting;

namespace AudioAlchemy.Notebooks;

/// <summary>
/// Headless notebook execution (the C# counterpart of <c>jupyter nbconvert --execute</c> / papermill): runs the C#
/// code cells in order with Roslyn scripting, state carried from cell to cell, and records stdout/stderr, displayed
/// values, final expression values and errors as Jupyter outputs. The first failing cell gets an error output and
/// the run stops; the partial notebook is still returned. Like papermill, every code cell carries
/// <c>metadata.papermill</c> (status, start/end time, duration) and, with <see cref="NotebookRunOptions.Save"/>, the
/// notebook is saved before and after each cell and once more when the process is stopped under it (SIGINT, SIGTERM,
/// <see cref="Environment.Exit"/>, an unhandled background-thread exception), so what ran is never lost.
/// <see cref="NotebookRunOptions.CellTimeout"/> stops a cell that runs too long (its thread cannot be aborted in .NET;
/// it is a background thread, abandoned, and the run stops with a <c>CellTimeoutError</c>).
/// </summary>
public static class NotebookRunner
{
    private static readonly SemaphoreSlim RunGate = new(1, 1);

    /// <summary>Loads and runs the notebook at <paramref name="path"/>.</summary>
    /// <exception cref="NotebookException">The notebook cannot be read or the parameters do not apply.</exception>
    public static Task<NotebookRunResult> RunAsync(string path, NotebookRunOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync(NotebookDocument.Load(path), path, options, cancellationToken);

    /// <summary>
    /// Runs a copy of <paramref name="notebook"/>; <paramref name="notebookPath"/> (which need not exist) names it in
    /// messages and anchors relative <c>#r</c> paths and the working directory.
    /// </summary>
    /// <exception cref="NotebookException">The parameters do not apply (unknown name, bad value, no parameters cell).</exception>
    public static async Task<NotebookRunResult> RunAsync(NotebookDocument notebook, string notebookPath, NotebookRunOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new NotebookRunOptions();
        options.Validate();
        string name = Path.GetFileName(notebookPath);
        string folder = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!;
        var doc = notebook.Clone();
        NotebookParameters.Apply(doc, options.Parameters, name);
        foreach (var cell in doc.Cells.Where(c => c.IsCode))
        {
            cell.Outputs.Clear();
            cell.ExecutionCount = null;
        }

        await RunGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        string previousDirectory = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = options.WorkingDirectory ?? folder;
            OutputHooks.Ensure();
            return await ExecuteAsync(doc, Path.GetFullPath(notebookPath), folder, options, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Environment.CurrentDirectory = previousDirectory;
            RunGate.Release();
        }
    }

    /// <summary>Synchronous <see cref="RunAsync(string, NotebookRunOptions?, CancellationToken)"/>.</summary>
    public static NotebookRunResult Run(string path, NotebookRunOptions? options = null) => RunAsync(path, options).GetAwaiter().GetResult();

    private static async Task<NotebookRunResult> ExecuteAsync(NotebookDocument doc, string inputPath, string folder, NotebookRunOptions options,
        CancellationToken cancellationToken)
    {
        string name = Path.GetFileName(inputPath);
        var total = Stopwatch.StartNew();
        var started = DateTime.UtcNow;
        PapermillMetadata.Start(doc, inputPath, options.Parameters, started);
        NotebookCell? running = null;
        CellContext? runningContext = null;
        var cellStart = started;
        var saveGate = new object();
        void Save(bool final)
        {
            if (options.Save is { } save) lock (saveGate) save(doc, final);
        }
        using var guard = options.Save is null ? null : new RunGuard((ename, message) =>
        {
            if (running is { } cell)
            {
                runningContext?.Flush();
                cell.Outputs.Add(NotebookOutput.Error(ename, message, [message]));
                PapermillMetadata.Done(cell, cellStart, DateTime.UtcNow, failed: true);
            }
            PapermillMetadata.Finish(doc, started, DateTime.UtcNow, exception: true);
            Save(final: true);
        });
        Save(final: false);
        var warnings = new List<string>();
        var timings = new List<CellTiming>();
        var scriptOptions = ScriptOptions.Default
            .AddReferences(ScriptReferences.DefaultAssemblies)
            .AddImports(ScriptReferences.DefaultImports)
            .WithEmitDebugInformation(true)
            .WithFileEncoding(System.Text.Encoding.UTF8);
        var globals = new NotebookGlobals();
        ScriptState<object>? state = null;
        int executionCount = 0;
        int codeCells = doc.Cells.Count(c => c.IsCode), codeIndex = 0;

        for (int i = 0; i < doc.Cells.Count; i++)
        {
            var cell = doc.Cells[i];
            if (!cell.IsCode) continue;
            codeIndex++;
            int cellNumber = i + 1;
            string where = $"{name}: cell {cellNumber}";
            var sw = Stopwatch.StartNew();
            var directives = CellDirectives.Parse(cell.Source, cell.KernelName);
            warnings.AddRange(directives.Ignored.Select(m => $"{where}: '{m}' ignored (no effect headless)"));
            if (directives.IsMarkdown)
            {
                warnings.Add($"{where}: #!markdown cell is not executed");
                continue;
            }
            cell.ExecutionCount = ++executionCount;
            NotebookFailure? failure = null;
            var context = new CellContext(cell.Outputs);
            cellStart = DateTime.UtcNow;
            PapermillMetadata.Running(cell, cellStart);
            Save(final: false);
            (running, runningContext) = (cell, context);
            try
            {
                if (!directives.IsCSharp)
                    throw new NotebookException($"{where} is a '{directives.Kernel}' cell; the headless runner executes C# cells only");
                scriptOptions = AddReferences(scriptOptions, directives, folder, warnings, where);
                var cellOptions = scriptOptions.WithFilePath($"cell {cellNumber}");
                if (!string.IsNullOrWhiteSpace(directives.Code) || state is null)
                {
                    CellContext.Current = context;
                    try
                    {
                        var previous = state;
                        Task<ScriptState<object>> Work() => previous is null
                            ? CSharpScript.Create(directives.Code, cellOptions, typeof(NotebookGlobals)).RunAsync(globals, _ => true, cancellationToken)
                            : previous.ContinueWithAsync(directives.Code, cellOptions, _ => true, cancellationToken);
                        state = options.CellTimeout is { } limit
                            ? await WithTimeout(Work, limit, where, cancellationToken).ConfigureAwait(false)
                            : await Work().ConfigureAwait(false);
                    }
                    finally
                    {
                        CellContext.Current = null;
                        context.Flush();
                    }
                    if (state.Exception is { } ex)
                    {
                        var inner = Unwrap(ex);
                        string ename = inner.GetType().Name;
                        context.Add(NotebookOutput.Error(ename, inner.Message, Traceback(inner)));
                        failure = new NotebookFailure(cellNumber, ename, inner.Message);
                    }
                    else if (state.ReturnValue is { } value and not DisplayedValue)
                    {
                        var data = DisplayFormatter.Format(value);
                        if (data.Count > 0) context.Add(NotebookOutput.ExecuteResult(data, executionCount));
                    }
                }
            }
            catch (CompilationErrorException e)
            {
                var errors = e.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                var lines = errors.Select(d => Describe(d, cellNumber)).ToList();
                string message = string.Join("; ", errors.Select(d => Describe(d, null)));
                context.Add(NotebookOutput.Error("CompilationError", message, lines));
                failure = new NotebookFailure(cellNumber, "CompilationError", message);
            }
            catch (CellTimeoutException e)
            {
                context.Add(NotebookOutput.Error("CellTimeoutError", e.Message, [e.Message]));
                failure = new NotebookFailure(cellNumber, "CellTimeoutError", e.Message);
            }
            catch (NotebookException e)
            {
                context.Add(NotebookOutput.Error("NotebookError", e.Message, [e.Message]));
                failure = new NotebookFailure(cellNumber, "NotebookError", e.Message);
            }
            sw.Stop();
            running = null;
            PapermillMetadata.Done(cell, cellStart, DateTime.UtcNow, failure is not null);
            if (failure is not null) PapermillMetadata.Finish(doc, started, DateTime.UtcNow, exception: true);
            Save(final: false);
            timings.Add(new CellTiming(cellNumber, executionCount, sw.Elapsed));
            options.Progress?.Invoke(new CellProgress(cellNumber, codeIndex, codeCells, sw.Elapsed, failure is not null));
            if (failure is not null) return new NotebookRunResult(doc, failure, total.Elapsed, timings, warnings);
        }
        PapermillMetadata.Finish(doc, started, DateTime.UtcNow, exception: false);
        return new NotebookRunResult(doc, null, total.Elapsed, timings, warnings);
    }

    /// <summary>Runs a cell on its own background thread and waits at most <paramref name="limit"/> for it.</summary>
    private static async Task<ScriptState<object>> WithTimeout(Func<Task<ScriptState<object>>> work, TimeSpan limit, string where, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<ScriptState<object>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                done.SetResult(work().GetAwaiter().GetResult());
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        }, 16 * 1024 * 1024) { IsBackground = true, Name = where };
        thread.Start();
        var first = await Task.WhenAny(done.Task, Task.Delay(limit, cancellationToken)).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (first != done.Task)
            throw new CellTimeoutException($"{where} did not finish within {limit.TotalSeconds:0.###} s (cell timeout); the run was stopped");
        return await done.Task.ConfigureAwait(false);
    }

    private static ScriptOptions AddReferences(ScriptOptions options, CellDirectives directives, string folder, List<string> warnings, string where)
    {
        foreach (var p in directives.Packages)
            options = options.AddReferences(ScriptReferences.ResolvePackage(p, warnings, where));
        foreach (var p in directives.Paths)
        {
            var (loaded, file) = ScriptReferences.ResolvePath(p, folder, warnings, where);
            options = loaded is not null ? options.AddReferences(loaded) : options.AddReferences(file!);
        }
        return options;
    }

    private static string Describe(Diagnostic d, int? cellNumber)
    {
        var span = d.Location.GetLineSpan();
        string at = d.Location.IsInSource ? $"line {span.StartLinePosition.Line + 1}, column {span.StartLinePosition.Character + 1}" : "";
        string prefix = cellNumber is { } n ? $"cell {n}, {at}" : at;
        return $"{prefix}: error {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    private static Exception Unwrap(Exception e)
    {
        while (true)
        {
            switch (e)
            {
                case TargetInvocationException { InnerException: { } t }:
                    e = t;
                    continue;
                case AggregateException a when a.InnerExceptions.Count == 1:
                    e = a.InnerExceptions[0];
                    continue;
                default:
                    return e;
            }
        }
    }

    private static IEnumerable<string> Traceback(Exception e) =>
        e.ToString().Split('\n').Select(l => l.TrimEnd('\r'))
            .Where(l => !l.TrimStart().StartsWith("at Microsoft.CodeAnalysis.Scripting.", StringComparison.Ordinal)
                && !l.Contains("--- End of stack trace from previous location ---", StringComparison.Ordinal));
}
