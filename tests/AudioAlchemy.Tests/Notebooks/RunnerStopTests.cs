using System.Diagnostics;
using System.Text.Json.Nodes;
using AudioAlchemy.Notebooks;
using static AudioAlchemy.Tests.Notebooks.NotebookTestKit;

namespace AudioAlchemy.Tests.Notebooks;

/// <summary>
/// A run that is cut short still leaves the notebook with what ran (issue #16 item 3): a per-cell timeout, SIGINT and
/// SIGTERM, Environment.Exit in a cell and an exception on a background thread. The last three kill the process, so
/// they run the real <c>alchemy notebook run</c> as a child process.
/// </summary>
[Collection(NotebookCollection.Name)]
public class RunnerStopTests
{
    private static string Status(NotebookCell cell) => (string?)(cell.Metadata["papermill"] as JsonObject)?["status"] ?? "(none)";

    [Fact]
    public async Task CellTimeout_FailsTheCell_KeepsEarlierOutputs_AndSavesPapermillStatus()
    {
        using var dir = TestData.TempDir();
        var doc = Notebook("Console.WriteLine(\"one\");", "while (true) System.Threading.Thread.Sleep(20);", "Console.WriteLine(\"three\");");
        string path = dir.File("t.ipynb");
        doc.Save(path);
        string outDir = dir.File("out");
        var r = await NotebookRunner.RunAsync(path, new NotebookRunOptions { CellTimeout = TimeSpan.FromSeconds(2), Save = NotebookArtifacts.Saver(path, outDir) });
        Assert.Equal("CellTimeoutError", r.Failure?.ErrorName);
        Assert.Equal(3, r.Failure!.CellNumber);
        Assert.Contains("2 s", r.Failure.Message);
        Assert.Equal("one\n", Outputs(r, 1).Single().Text);
        var saved = NotebookDocument.Load(NotebookArtifacts.PathsFor(path, outDir).Notebook);
        var code = saved.Cells.Where(c => c.IsCode).ToList();
        Assert.Equal(["completed", "failed", "pending"], code.Select(Status));
        Assert.Equal("CellTimeoutError", code[1].Outputs.Single().ErrorName);
        Assert.True((double?)(code[0].Metadata["papermill"] as JsonObject)?["duration"] >= 0);
        Assert.Equal(true, (bool?)(saved.Metadata["papermill"] as JsonObject)?["exception"]);
    }

    [Fact]
    public void CompletedRun_HasPapermillMetadataOnEveryCodeCell()
    {
        using var dir = TestData.TempDir();
        var r = Run(Notebook("int x = 1;", "x + 1"), dir);
        AssertOk(r);
        Assert.All(r.Notebook.Cells.Where(c => c.IsCode), c => Assert.Equal("completed", Status(c)));
        Assert.Equal(false, (bool?)(r.Notebook.Metadata["papermill"] as JsonObject)?["exception"]);
    }

    [Fact]
    public void Sigterm_WritesWhatRan() => Signal_WritesWhatRan("TERM");

    [SigintDeliverableFact]
    public void Sigint_WritesWhatRan() => Signal_WritesWhatRan("INT");

    private static void Signal_WritesWhatRan(string signal)
    {
        using var dir = TestData.TempDir();
        var (path, outDir) = Write(dir, "Console.WriteLine(\"before\");", "System.Threading.Thread.Sleep(600_000);");
        using var p = StartCli(path, outDir);
        string saved = NotebookArtifacts.PathsFor(path, outDir).Notebook;
        var deadline = Stopwatch.StartNew();
        while (!(File.Exists(saved) && Running(saved) == 3))
        {
            if (p.HasExited) Assert.Fail("alchemy exited early: " + p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd());
            Assert.True(deadline.Elapsed < TimeSpan.FromMinutes(3), "cell 3 never showed as running in the saved notebook");
            Thread.Sleep(200);
        }
        using (var kill = Process.Start("kill", ["-" + signal, p.Id.ToString()])) kill.WaitForExit();
        Assert.True(p.WaitForExit(60_000), "alchemy did not stop after SIG" + signal);
        var doc = NotebookDocument.Load(saved);
        var code = doc.Cells.Where(c => c.IsCode).ToList();
        Assert.Equal("before\n", code[0].Outputs.Single().Text);
        Assert.Equal(["completed", "failed"], code.Select(Status));
        var err = code[1].Outputs.Single();
        Assert.Equal("Interrupted", err.ErrorName);
        Assert.Contains("SIG" + signal, err.ErrorValue);
        Assert.True(File.Exists(NotebookArtifacts.PathsFor(path, outDir).Html));
    }

    [Fact]
    public void EnvironmentExit_InACell_WritesWhatRan()
    {
        using var dir = TestData.TempDir();
        var (path, outDir) = Write(dir, "Console.WriteLine(\"before\");", "Environment.Exit(3);", "Console.WriteLine(\"never\");");
        using var p = StartCli(path, outDir);
        Assert.True(p.WaitForExit(180_000), "alchemy did not exit");
        Assert.Equal(3, p.ExitCode);
        var code = NotebookDocument.Load(NotebookArtifacts.PathsFor(path, outDir).Notebook).Cells.Where(c => c.IsCode).ToList();
        Assert.Equal("before\n", code[0].Outputs.Single().Text);
        Assert.Equal(["completed", "failed", "pending"], code.Select(Status));
        Assert.Equal("ProcessExit", code[1].Outputs.Single().ErrorName);
    }

    [Fact]
    public void BackgroundThreadException_WritesWhatRan()
    {
        using var dir = TestData.TempDir();
        var (path, outDir) = Write(dir, "Console.WriteLine(\"before\");",
            "new System.Threading.Thread(() => throw new InvalidOperationException(\"boom from a thread\")).Start(); System.Threading.Thread.Sleep(120_000);");
        using var p = StartCli(path, outDir);
        Assert.True(p.WaitForExit(180_000), "alchemy did not exit");
        Assert.NotEqual(0, p.ExitCode);
        var code = NotebookDocument.Load(NotebookArtifacts.PathsFor(path, outDir).Notebook).Cells.Where(c => c.IsCode).ToList();
        Assert.Equal("before\n", code[0].Outputs.Single().Text);
        var err = code[1].Outputs.Single(o => o.OutputType == "error");
        Assert.Equal("InvalidOperationException", err.ErrorName);
        Assert.Contains("boom from a thread", err.ErrorValue);
        Assert.Equal("failed", Status(code[1]));
    }

    private static (string Path, string OutDir) Write(TempDir dir, params string[] cells)
    {
        string path = dir.File("stop.ipynb");
        Notebook(cells).Save(path);
        return (path, dir.File("out"));
    }

    /// <summary>1-based position of the cell the saved notebook marks running, or 0.</summary>
    private static int Running(string saved)
    {
        try
        {
            var cells = NotebookDocument.Load(saved).Cells;
            return cells.FindIndex(c => Status(c) == "running") + 1;
        }
        catch (NotebookException)
        {
            return 0; // caught between the temp write and the rename
        }
    }

    private static Process StartCli(string notebook, string outDir)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "exec", Path.Combine(AppContext.BaseDirectory, "alchemy.dll"), "notebook", "run", notebook, "--out", outDir }) psi.ArgumentList.Add(a);
        return Process.Start(psi)!;
    }
}
