using AudioAlchemy.Notebooks;
using static AudioAlchemy.Tests.Notebooks.NotebookTestKit;

namespace AudioAlchemy.Tests.Notebooks;

[Collection(NotebookCollection.Name)]
public class RunnerTests
{
    [Fact]
    public void State_CarriesBetweenCells_AndFinalExpressionIsTheResult()
    {
        using var dir = TestData.TempDir();
        var r = Run(Notebook("var x = 20;", "int Twice(int v) => 2 * v;\nx += 1;", "Twice(x)", "var y = x;"), dir);
        AssertOk(r);
        Assert.Equal([1, 2, 3, 4], r.Notebook.Cells.Where(c => c.IsCode).Select(c => c.ExecutionCount ?? 0));
        Assert.Empty(Outputs(r, 1));
        var result = Assert.Single(Outputs(r, 3));
        Assert.Equal("execute_result", result.OutputType);
        Assert.Equal("42", Plain(result));
        Assert.Equal(3, result.ExecutionCount);
        Assert.Empty(Outputs(r, 4)); // a statement with a semicolon has no value
        Assert.Equal(4, r.Cells.Count);
    }

    [Fact]
    public void Stdout_AndStderr_AreCapturedPerCell_InOrderWithDisplays()
    {
        using var dir = TestData.TempDir();
        var r = Run(Notebook(
            "Console.WriteLine(\"one\");\nConsole.Write(\"two\");\nConsole.WriteLine();",
            "Console.Error.WriteLine(\"warn\");\ndisplay(\"shown\");\nConsole.WriteLine(\"after\");\nawait Task.Run(() => Console.WriteLine(\"from a task\"));"), dir);
        AssertOk(r);
        var first = Assert.Single(Outputs(r, 1));
        Assert.Equal(("stream", "stdout", "one\ntwo\n"), (first.OutputType, first.StreamName, first.Text));
        var second = Outputs(r, 2);
        Assert.Equal(["stream", "display_data", "stream"], second.Select(o => o.OutputType));
        Assert.Equal(("stderr", "warn\n"), (second[0].StreamName, second[0].Text));
        Assert.Equal("shown", Plain(second[1]));
        Assert.Equal("after\nfrom a task\n", second[2].Text);
    }

    [Fact]
    public void ManyWrites_FormOneStreamOutput()
    {
        using var dir = TestData.TempDir();
        var r = Run(Notebook("for (int i = 0; i < 5000; i++) Console.WriteLine(i);"), dir);
        AssertOk(r);
        var output = Assert.Single(Outputs(r, 1));
        var lines = output.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5000, lines.Length);
        Assert.Equal("4999", lines[^1]);
    }

    [Fact]
    public void LibraryIsReferencedAndImportedByDefault_SameAssemblyAsTheRunner()
    {
        using var dir = TestData.TempDir();
        var r = Run(Notebook("System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(typeof(AudioFile).Assembly)"), dir);
        AssertOk(r);
        Assert.Equal(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(typeof(AudioAlchemy.Audio.AudioFile).Assembly).ToString(),
            Plain(Outputs(r, 1)[0]));
    }

    [Fact]
    public void WorkingDirectory_IsTheNotebookFolder_DuringTheRunOnly()
    {
        using var dir = TestData.TempDir();
        File.WriteAllText(dir.File("hello.txt"), "from the notebook folder");
        string before = Environment.CurrentDirectory;
        var r = Run(Notebook("File.ReadAllText(\"hello.txt\")"), dir);
        AssertOk(r);
        Assert.Equal("from the notebook folder", Plain(Outputs(r, 1)[0]));
        Assert.Equal(before, Environment.CurrentDirectory);
    }

    [Fact]
    public void MagicLines_AreStripped_MarkdownKernelSkipped_ForeignKernelFails()
    {
        using var dir = TestData.TempDir();
        var r = Run(Notebook("#!csharp\n#!time\nvar a = 1;\na", "#!markdown\n# not code", "a + 1"), dir);
        AssertOk(r);
        Assert.Equal("1", Plain(Outputs(r, 1)[0]));
        Assert.Null(r.Notebook.Cells.Where(c => c.IsCode).ElementAt(1).ExecutionCount);
        Assert.Equal("2", Plain(Outputs(r, 3)[0]));
        Assert.Contains(r.Warnings, w => w.Contains("#!time"));

        var f = Run(Notebook("var b = 1;", "#!fsharp\nlet b = 2"), dir);
        Assert.False(f.Succeeded);
        Assert.Equal(3, f.Failure!.CellNumber);
        Assert.Contains("'fsharp' cell", f.Failure.Message);
    }

    [Fact]
    public void RerunningAnExecutedNotebook_ReplacesOldOutputs()
    {
        using var dir = TestData.TempDir();
        var first = Run(Notebook("Console.WriteLine(\"x\");", "1 + 1"), dir);
        var second = Run(first.Notebook, dir);
        AssertOk(second);
        Assert.Single(Outputs(second, 1));
        Assert.Single(Outputs(second, 2));
    }
}
