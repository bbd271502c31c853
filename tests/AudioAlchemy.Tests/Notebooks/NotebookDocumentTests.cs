using System.Text.Json.Nodes;
using AudioAlchemy.Notebooks;

namespace AudioAlchemy.Tests.Notebooks;

public class NotebookDocumentTests
{
    private const string Polyglot = """
        {
         "cells": [
          {
           "cell_type": "markdown",
           "id": "aa11bb22",
           "metadata": {},
           "source": "# Title\nText"
          },
          {
           "cell_type": "code",
           "execution_count": 3,
           "id": "3c954261",
           "metadata": {"dotnet_interactive": {"language": "csharp"}, "polyglot_notebook": {"kernelName": "csharp"}, "tags": ["parameters"]},
           "outputs": [{"output_type": "stream", "name": "stdout", "text": ["a\n", "b\n"]},
                       {"output_type": "display_data", "data": {"image/png": "iVBOR", "application/json": {"k": 1}}, "metadata": {}}],
           "source": ["var x = 1 + 1;\n", "x"]
          },
          {"cell_type": "raw", "metadata": {}, "source": [], "attachments": {"a.png": {"image/png": "xyz"}}}
         ],
         "metadata": {"kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"}, "custom": [1, 2]},
         "nbformat": 4,
         "nbformat_minor": 5
        }
        """;

    [Fact]
    public void Parse_AcceptsSourceAsStringOrArray_AndReadsOutputs()
    {
        var doc = NotebookDocument.Parse(Polyglot);
        Assert.Equal(3, doc.Cells.Count);
        Assert.Equal("# Title\nText", doc.Cells[0].Source);
        var code = doc.Cells[1];
        Assert.Equal("var x = 1 + 1;\nx", code.Source);
        Assert.Equal(3, code.ExecutionCount);
        Assert.Equal(["parameters"], code.Tags);
        Assert.Equal("csharp", code.KernelName);
        Assert.Equal("a\nb\n", code.Outputs[0].Text);
        Assert.Equal("stdout", code.Outputs[0].StreamName);
        Assert.Equal("iVBOR", code.Outputs[1].Data["image/png"]);
        Assert.Equal(4, doc.NbFormat);
        Assert.Equal(5, doc.NbFormatMinor);
    }

    [Fact]
    public void RoundTrip_KeepsMetadataUnknownKeysAndOutputs()
    {
        var doc = NotebookDocument.Parse(Polyglot);
        var again = NotebookDocument.Parse(doc.ToJson());
        Assert.Equal(doc.ToJson(), again.ToJson());
        var root = JsonNode.Parse(again.ToJson())!;
        Assert.Equal("[1,2]", root["metadata"]!["custom"]!.ToJsonString());
        Assert.Equal("xyz", (string?)root["cells"]![2]!["attachments"]!["a.png"]!["image/png"]);
        Assert.Equal(1, (int?)root["cells"]![1]!["outputs"]![1]!["data"]!["application/json"]!["k"]);
        Assert.Null(root["cells"]![0]!["outputs"]);
        Assert.Null(root["cells"]![0]!["execution_count"]);
    }

    [Fact]
    public void ToJson_WritesPolyglotShape_OneSpaceIndentSortedKeysLineArrays()
    {
        var doc = NotebookDocument.CreatePolyglot();
        doc.Cells.Add(NotebookCell.Code("var x = 1 + 1;\nx"));
        string json = doc.ToJson();
        Assert.StartsWith("{\n \"cells\": [\n  {\n   \"cell_type\": \"code\",\n   \"execution_count\": null,\n   \"id\": \"", json);
        Assert.EndsWith("\n \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n", json);
        var cell = JsonNode.Parse(json)!["cells"]![0]!;
        Assert.Equal(["var x = 1 + 1;\n", "x"], cell["source"]!.AsArray().Select(n => (string?)n));
        Assert.Equal("csharp", (string?)cell["metadata"]!["polyglot_notebook"]!["kernelName"]);
        Assert.Equal("polyglot-notebook", (string?)cell["metadata"]!["vscode"]!["languageId"]);
        var meta = JsonNode.Parse(json)!["metadata"]!;
        Assert.Equal(".net-csharp", (string?)meta["kernelspec"]!["name"]);
        Assert.Equal("csharp", (string?)meta["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]);
        Assert.Contains("\"<b>\"", NotebookOutputJson(NotebookOutput.DisplayData(new Dictionary<string, string> { ["text/html"] = "<b>" })));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"nbformat\": 3, \"cells\": []}")]
    [InlineData("{\"nbformat\": 4}")]
    [InlineData("{\"nbformat\": 4, \"cells\": [{\"source\": \"x\"}]}")]
    public void Parse_RejectsMalformedNotebooks_WithNamedError(string json)
    {
        var e = Assert.Throws<NotebookException>(() => NotebookDocument.Parse(json, "bad.ipynb"));
        Assert.StartsWith("bad.ipynb", e.Message);
    }

    [Fact]
    public void Save_IsAtomicAndLoadable()
    {
        using var dir = TestData.TempDir();
        var doc = NotebookDocument.Parse(Polyglot);
        string path = dir.File("sub/n.ipynb");
        doc.Save(path);
        Assert.Equal(doc.ToJson(), NotebookDocument.Load(path).ToJson());
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
        Assert.Throws<NotebookException>(() => NotebookDocument.Load(dir.File("missing.ipynb")));
    }

    private static string NotebookOutputJson(NotebookOutput o)
    {
        var doc = NotebookDocument.CreatePolyglot();
        var cell = NotebookCell.Code("1");
        cell.Outputs.Add(o);
        doc.Cells.Add(cell);
        return doc.ToJson();
    }
}
