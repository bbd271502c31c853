using AudioAlchemy.Notebooks;
using static AudioAlchemy.Tests.Notebooks.NotebookTestKit;

namespace AudioAlchemy.Tests.Notebooks;

[Collection(NotebookCollection.Name)]
public class ErrorTests
{
    [Fact]
    public void RuntimeException_IsRecordedOnTheFailingCell_AndTheRunStops()
    {
        using var dir = TestData.TempDir();
        var r = Run(Notebook("Console.WriteLine(\"before\");", "var n = 3;\nthrow new InvalidOperationException($\"boom {n}\");", "Console.WriteLine(\"never\");"), dir);
        Assert.False(r.Succeeded);
        Assert.Equal(3, r.Failure!.CellNumber); // markdown title is cell 1
        Assert.Equal("InvalidOperationException", r.Failure.ErrorName);
        Assert.Equal("boom 3", r.Failure.Message);
        Assert.Equal("cell 3: InvalidOperationException: boom 3", r.Failure.ToString());
        var error = Assert.Single(Outputs(r, 2));
        Assert.Equal(("error", "InvalidOperationException", "boom 3"), (error.OutputType, error.ErrorName, error.ErrorValue));
        Assert.Contains(error.Traceback, l => l.Contains("cell 3"));
        var last = r.Notebook.Cells.Where(c => c.IsCode).Last();
        Assert.Null(last.ExecutionCount);
        Assert.Empty(last.Outputs);
        Assert.Equal("before\n", Outputs(r, 1)[0].Text);

        var files = NotebookArtifacts.Write(r, dir.File("test.ipynb"), dir.File("out"));
        var written = NotebookDocument.Load(files.Notebook);
        Assert.Equal("error", written.Cells[2].Outputs.Single().OutputType);
        Assert.Contains("boom 3", File.ReadAllText(files.Html));
    }

    [Fact]
    public void CompileError_NamesCellLineAndMessage()
    {
        using var dir = TestData.TempDir();
        var r = Run(Notebook("var ok = 1;", "var a = 2;\nvar b = undefinedName + ok;"), dir);
        Assert.False(r.Succeeded);
        Assert.Equal(3, r.Failure!.CellNumber);
        Assert.Equal("CompilationError", r.Failure.ErrorName);
        Assert.Contains("CS0103", r.Failure.Message);
        Assert.Contains("undefinedName", r.Failure.Message);
        Assert.Contains("line 2", r.Failure.Message);
        var error = Assert.Single(Outputs(r, 2));
        Assert.StartsWith("cell 3, line 2, column 9: error CS0103", error.Traceback[0]);
        Assert.Equal(2, r.Notebook.Cells.Where(c => c.IsCode).ElementAt(1).ExecutionCount);
    }

    [Fact]
    public void ExceptionInAnAwaitedTask_IsUnwrapped()
    {
        using var dir = TestData.TempDir();
        var r = Run(Notebook("await Task.Run(() => throw new ArgumentException(\"bad arg\"));"), dir);
        Assert.Equal(("ArgumentException", "bad arg"), (r.Failure!.ErrorName, r.Failure.Message));
    }

    [Fact]
    public void ArtifactsNeverOverwriteTheSourceNotebook()
    {
        using var dir = TestData.TempDir();
        var r = Run(Notebook("1"), dir);
        var files = NotebookArtifacts.Write(r, dir.File("test.ipynb"), dir.Path);
        Assert.EndsWith("test.executed.ipynb", files.Notebook);
        Assert.EndsWith("test.executed.html", files.Html);
        Assert.Null(NotebookDocument.Load(dir.File("test.ipynb")).Cells[1].ExecutionCount);
    }
}
