namespace AudioAlchemy.Notebooks;

/// <summary>Options of one headless notebook run.</summary>
public sealed record NotebookRunOptions
{
    /// <summary><c>--param name=value</c> overrides for the cell tagged "parameters" (empty: run with the defaults).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>The working directory while cells run; null means the notebook's folder (as Jupyter and Polyglot do).
    /// The process working directory is changed for the run and restored afterwards; runs in one process are serialised.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Called after each code cell with its progress (outside the cell, so printing is not captured).</summary>
    public Action<CellProgress>? Progress { get; init; }

    /// <summary>Longest time one code cell may run (null: no limit, as in papermill); a cell over it fails the run with a <c>CellTimeoutError</c>.</summary>
    public TimeSpan? CellTimeout { get; init; }

    /// <summary>
    /// Saves the notebook as it stands: called before the first cell, before and after every code cell
    /// (<c>final</c> false), and once with <c>final</c> true when the process is stopped mid-run (SIGINT, SIGTERM,
    /// <see cref="Environment.Exit"/>, an unhandled background-thread exception). The finished notebook is the
    /// caller's to write (see <see cref="NotebookArtifacts.Saver"/>).
    /// </summary>
    public Action<NotebookDocument, bool>? Save { get; init; }

    /// <summary>Checks the options once.</summary>
    /// <exception cref="NotebookException">A parameter name is empty or not a C# identifier, or the working directory is missing.</exception>
    public void Validate()
    {
        foreach (var name in Parameters.Keys)
        {
            if (!Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(name))
                throw new NotebookException($"--param {name}=...: '{name}' is not a valid C# identifier");
        }
        if (CellTimeout is { } t && t <= TimeSpan.Zero)
            throw new NotebookException($"cell timeout must be positive, got {t.TotalSeconds} s");
        if (WorkingDirectory is { } w && !Directory.Exists(w))
            throw new NotebookException($"working directory {w} does not exist");
    }
}

/// <summary>Progress of a run: one code cell finished.</summary>
/// <param name="CellNumber">1-based position of the cell in the notebook (markdown cells included).</param>
/// <param name="CodeCellIndex">1-based index among the code cells.</param>
/// <param name="CodeCellCount">Number of code cells.</param>
/// <param name="Elapsed">Time the cell took.</param>
/// <param name="Failed">True when the cell raised an error (the run stops).</param>
public sealed record CellProgress(int CellNumber, int CodeCellIndex, int CodeCellCount, TimeSpan Elapsed, bool Failed);

/// <summary>Timing of one executed code cell.</summary>
/// <param name="CellNumber">1-based position of the cell in the notebook.</param>
/// <param name="ExecutionCount">The execution count given to it.</param>
/// <param name="Elapsed">Compile + run time.</param>
public sealed record CellTiming(int CellNumber, int ExecutionCount, TimeSpan Elapsed);

/// <summary>Where and why a run stopped.</summary>
/// <param name="CellNumber">1-based position of the failing cell in the notebook (markdown cells included).</param>
/// <param name="ErrorName">Exception type name, "CompilationError" or "NotebookError".</param>
/// <param name="Message">The error message (compile errors: every error with its line and column).</param>
public sealed record NotebookFailure(int CellNumber, string ErrorName, string Message)
{
    /// <summary>"cell N: Name: message".</summary>
    public override string ToString() => $"cell {CellNumber}: {ErrorName}: {Message}";
}

/// <summary>The outcome of a run: the executed notebook (complete, or partial up to the failing cell).</summary>
/// <param name="Notebook">The executed notebook: outputs and execution counts filled in.</param>
/// <param name="Failure">Null when every cell ran.</param>
/// <param name="Elapsed">Wall time of the run.</param>
/// <param name="Cells">Timing of every executed code cell.</param>
/// <param name="Warnings">Notes about version differences, stripped magics and skipped cells.</param>
public sealed record NotebookRunResult(NotebookDocument Notebook, NotebookFailure? Failure, TimeSpan Elapsed,
    IReadOnlyList<CellTiming> Cells, IReadOnlyList<string> Warnings)
{
    /// <summary>True when every code cell ran without error.</summary>
    public bool Succeeded => Failure is null;
}
