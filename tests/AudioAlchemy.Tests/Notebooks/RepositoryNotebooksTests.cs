using AudioAlchemy.Demo;
using AudioAlchemy.Notebooks;

namespace AudioAlchemy.Tests.Notebooks;

/// <summary>Every notebook in notebooks/ runs headless in a tiny mode (parameters shrink corpus, clips and sweeps).</summary>
[Collection(NotebookCollection.Name)]
public class RepositoryNotebooksTests
{
    /// <summary>
    /// Tiny values for the parameter names the notebooks use (the CI size of <c>alchemy demo --tiny</c>); each notebook gets
    /// the ones it declares. Results go to one temp folder shared by the notebooks of a test run, so 05-report sees what
    /// 00-04 wrote; the tiny corpus and the caches stay in the repository's data/ folder (git-ignored) and make reruns fast.
    /// </summary>
    private static readonly Dictionary<string, string> Tiny = new(DemoPlan.ParametersFor(DemoMode.Tiny))
    {
        ["results_dir"] = Path.Combine(Path.GetTempPath(), $"alchemy-notebook-results-{Environment.ProcessId}"),
    };

    public static TheoryData<string> NotebookNames()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(NotebooksFolder(), "*.ipynb").Order()) data.Add(Path.GetFileName(f));
        return data;
    }

    [Fact]
    public void TheSevenStudyNotebooksExist()
    {
        var names = Directory.GetFiles(NotebooksFolder(), "*.ipynb").Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(7, names.Length);
        Assert.Equal(["00", "01", "02", "03", "04", "05", "06"], names.Select(n => n![..2]));
    }

    [Theory]
    [MemberData(nameof(NotebookNames))]
    public async Task Notebook_RunsInTinyMode(string name)
    {
        string path = Path.Combine(NotebooksFolder(), name);
        var doc = NotebookDocument.Load(path);
        Assert.Equal(".net-csharp", (string?)doc.Metadata["kernelspec"]?["name"]);
        Assert.True(NotebookParameters.FindCell(doc) >= 0, $"{name} has no cell tagged 'parameters'");
        Assert.Contains(doc.Cells, c => c.IsMarkdown && c.Source.Contains("**Question.**") && c.Source.Contains("**Method.**"));
        var declared = NotebookParameters.Read(doc).Select(p => p.Name).ToHashSet();
        var tiny = Tiny.Where(kv => declared.Contains(kv.Key)).ToDictionary();

        var result = await NotebookRunner.RunAsync(doc, path, new NotebookRunOptions { Parameters = tiny });

        Assert.True(result.Succeeded, $"{name}: {result.Failure}");
        Assert.All(result.Notebook.Cells.Where(c => c.IsCode), c => Assert.NotNull(c.ExecutionCount));
        Assert.Contains(result.Notebook.Cells, c => c.Outputs.Any(o => o.OutputType is "execute_result" or "display_data"));
        if (name.StartsWith("01", StringComparison.Ordinal))   // Q1 runs the frame models of its mode (tiny: GMM-UBM, GMM-SV) next to the table models
            foreach (var model in new[] { "GMM-UBM", "GMM-SV" })
                Assert.Contains(result.Notebook.Cells, c => c.Outputs.Any(o => o.Data.Values.Any(v => v.Contains(model, StringComparison.Ordinal))));
        using var dir = TestData.TempDir();
        var files = NotebookArtifacts.Write(result, path, dir.Path);
        Assert.True(new FileInfo(files.Html).Length > 0);
        Assert.Equal(result.Notebook.ToJson(), NotebookDocument.Load(files.Notebook).ToJson());
    }

    private static string NotebooksFolder()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "AudioAlchemy.slnx"))) return Path.Combine(d.FullName, "notebooks");
        }
        throw new DirectoryNotFoundException($"no AudioAlchemy.slnx above {AppContext.BaseDirectory}");
    }
}
