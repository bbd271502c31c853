using AudioAlchemy.Notebooks;
using static AudioAlchemy.Tests.Notebooks.NotebookTestKit;

namespace AudioAlchemy.Tests.Notebooks;

[Collection(NotebookCollection.Name)]
public class ParameterTests
{
    private const string Defaults = "var perGenre = 4;\ndouble seconds = 5;\nvar budget = 1.5;\nvar label = \"quick\";\nbool full = false;\nvar offset = -2;\nvar items = new[] { 1 };";

    private static NotebookDocument WithParameters(params string[] after)
    {
        var doc = Notebook(after);
        doc.Cells.Insert(1, NotebookCell.Code(Defaults, NotebookParameters.ParametersTag));
        return doc;
    }

    [Fact]
    public void Parse_InfersTypesFromLiteralsAndDeclarations()
    {
        var p = NotebookParameters.Parse(Defaults).ToDictionary(x => x.Name, x => x.Type);
        Assert.Equal("int", p["perGenre"]);
        Assert.Equal("double", p["seconds"]);
        Assert.Equal("double", p["budget"]);
        Assert.Equal("string", p["label"]);
        Assert.Equal("bool", p["full"]);
        Assert.Equal("int", p["offset"]);
        Assert.Null(p["items"]);
    }

    [Fact]
    public void Override_InjectsATypedCellAfterTheParametersCell()
    {
        using var dir = TestData.TempDir();
        var doc = WithParameters("$\"{perGenre.GetType().Name}:{perGenre} {seconds.GetType().Name}:{seconds} {budget} {label} {full} {offset}\"");
        var r = Run(doc, dir, new Dictionary<string, string> { ["perGenre"] = "2", ["seconds"] = "3", ["label"] = "tiny \"mode\"", ["full"] = "True", ["budget"] = "0.25" });
        AssertOk(r);
        var injected = r.Notebook.Cells[2];
        Assert.Equal([NotebookParameters.InjectedTag], injected.Tags);
        Assert.Contains("perGenre = 2;", injected.Source);
        Assert.Contains("seconds = 3d;", injected.Source);
        Assert.Equal("Int32:2 Double:3 0.25 tiny \"mode\" True -2", Plain(Outputs(r, 3)[0]));

        // re-running the executed notebook replaces the injected cell instead of adding another
        var again = Run(r.Notebook, dir, new Dictionary<string, string> { ["perGenre"] = "7" });
        Assert.Single(again.Notebook.Cells, c => c.Tags.Contains(NotebookParameters.InjectedTag));
        Assert.StartsWith("Int32:7 Double:5", Plain(Outputs(again, 3)[0]));
    }

    [Fact]
    public void NoOverrides_RunsTheDefaults_WithoutInjecting()
    {
        using var dir = TestData.TempDir();
        var r = Run(WithParameters("perGenre * seconds"), dir);
        AssertOk(r);
        Assert.DoesNotContain(r.Notebook.Cells, c => c.Tags.Contains(NotebookParameters.InjectedTag));
        Assert.Equal("20", Plain(Outputs(r, 2)[0]));
    }

    [Theory]
    [InlineData("nope", "1", "unknown parameter 'nope'")]
    [InlineData("perGenre", "2.5", "'2.5' is not a valid int")]
    [InlineData("full", "maybe", "'maybe' is not a valid bool")]
    [InlineData("seconds", "NaN", "is not a valid double")]
    [InlineData("items", "1", "--param can set only")]
    public void BadOverrides_FailBeforeRunning_WithClearErrors(string name, string value, string expected)
    {
        using var dir = TestData.TempDir();
        var e = Assert.Throws<NotebookException>(() => Run(WithParameters("1"), dir, new Dictionary<string, string> { [name] = value }));
        Assert.Contains(expected, e.Message);
        Assert.StartsWith("test.ipynb", e.Message);
    }

    [Fact]
    public void Override_WithoutAParametersCell_IsAnError()
    {
        using var dir = TestData.TempDir();
        var e = Assert.Throws<NotebookException>(() => Run(Notebook("1"), dir, new Dictionary<string, string> { ["x"] = "1" }));
        Assert.Contains("no code cell is tagged \"parameters\"", e.Message);
    }
}
