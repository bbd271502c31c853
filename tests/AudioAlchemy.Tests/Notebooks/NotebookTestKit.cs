using AudioAlchemy.Notebooks;

namespace AudioAlchemy.Tests.Notebooks;

/// <summary>Notebook runs change the process working directory, so these tests run alone, not beside other classes.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NotebookCollection
{
    public const string Name = "Notebooks";
}

/// <summary>Builds small notebooks in a temp folder and runs them.</summary>
internal static class NotebookTestKit
{
    public static NotebookDocument Notebook(params string[] codeCells)
    {
        var doc = NotebookDocument.CreatePolyglot();
        doc.Cells.Add(NotebookCell.Markdown("# test notebook"));
        foreach (var c in codeCells) doc.Cells.Add(NotebookCell.Code(c));
        return doc;
    }

    public static NotebookRunResult Run(NotebookDocument doc, TempDir dir, IReadOnlyDictionary<string, string>? parameters = null)
    {
        string path = dir.File("test.ipynb");
        doc.Save(path);
        return NotebookRunner.RunAsync(path, new NotebookRunOptions { Parameters = parameters ?? new Dictionary<string, string>() }).GetAwaiter().GetResult();
    }

    /// <summary>The outputs of the n-th code cell (1-based among code cells).</summary>
    public static List<NotebookOutput> Outputs(NotebookRunResult r, int codeCell) => r.Notebook.Cells.Where(c => c.IsCode).ElementAt(codeCell - 1).Outputs;

    public static string Plain(NotebookOutput o) => o.Data["text/plain"];

    public static void AssertOk(NotebookRunResult r) => Assert.True(r.Succeeded, r.Failure?.ToString());
}
