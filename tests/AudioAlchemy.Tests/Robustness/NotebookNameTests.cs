using AudioAlchemy.Tests.Notebooks;
using static AudioAlchemy.Tests.Robustness.HostileInput;

namespace AudioAlchemy.Tests.Robustness;

/// <summary>Issue 16 item 6, notebook half: two notebooks with one file name run into one folder keep both outputs.</summary>
[Collection(NotebookCollection.Name)]
public class NotebookNameTests
{
    [Fact]
    public void Item06_NotebooksWithOneFileNameFromTwoFoldersKeepBothOutputs()
    {
        using var dir = TestData.TempDir();
        Directory.CreateDirectory(dir.File("a"));
        Directory.CreateDirectory(dir.File("b"));
        NotebookTestKit.Notebook("Console.WriteLine(\"from a\");").Save(dir.File(Path.Combine("a", "x.ipynb")));
        NotebookTestKit.Notebook("Console.WriteLine(\"from b\");").Save(dir.File(Path.Combine("b", "x.ipynb")));
        Assert.Equal(0, RunCli(300, "notebook", "run", dir.File(Path.Combine("a", "x.ipynb")), dir.File(Path.Combine("b", "x.ipynb")), "--out", dir.File("o")));
        var written = Directory.GetFiles(dir.File("o"), "*.ipynb").Select(File.ReadAllText).ToList();
        Assert.Equal(2, written.Count);
        Assert.Contains(written, t => t.Contains("from a"));
        Assert.Contains(written, t => t.Contains("from b"));
    }
}
