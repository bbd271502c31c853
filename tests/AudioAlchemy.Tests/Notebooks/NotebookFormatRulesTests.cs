using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit;

namespace AudioAlchemy.Tests.Notebooks;

/// <summary>
/// Every notebook in notebooks/ keeps the shape Polyglot Notebooks / the .NET Interactive Jupyter kernel write and read
/// (../shared/POLYGLOT-IPYNB.md: nbformat 4.5, kernelspec .net-csharp, C# language_info, a unique id per cell, C# kernel
/// metadata on code cells, no outputs on markdown cells), and its first code cell names, as <c>#r "nuget: X, V"</c>, every
/// package the library needs at run time in a real kernel, pinned to Directory.Packages.props (TorchSharp needs the
/// native <c>libtorch-cpu-linux-x64</c> next to it there; our runner satisfies these from its own build).
/// </summary>
public sealed partial class NotebookFormatRulesTests
{
    /// <summary>Library packages a real kernel does not need from a notebook: Roslyn scripting is our runner's, and the
    /// kernel ships its own Microsoft.DotNet.Interactive.Formatting.</summary>
    private static readonly HashSet<string> KernelProvided = ["Microsoft.CodeAnalysis.CSharp.Scripting", "Microsoft.DotNet.Interactive.Formatting"];

    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(Root(), "notebooks"), "*.ipynb").Order()) data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_HasTheDotnetInteractiveFileShape(string name)
    {
        var nb = JsonNode.Parse(File.ReadAllText(Path.Combine(Root(), "notebooks", name)))!.AsObject();
        Assert.Equal(4, (int)nb["nbformat"]!);
        Assert.True((int)nb["nbformat_minor"]! >= 5, $"{name}: nbformat_minor {nb["nbformat_minor"]} < 5 (cell ids need 4.5)");
        var meta = nb["metadata"]!.AsObject();
        Assert.Equal(".net-csharp", (string?)meta["kernelspec"]?["name"]);
        Assert.Equal("C#", (string?)meta["kernelspec"]?["language"]);
        Assert.Equal("C#", (string?)meta["language_info"]?["name"]);
        Assert.Equal("csharp", (string?)meta["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]);
        var ids = new HashSet<string>();
        foreach (var (cell, i) in nb["cells"]!.AsArray().Select((c, i) => (c!.AsObject(), i)))
        {
            string? id = (string?)cell["id"];
            Assert.False(string.IsNullOrEmpty(id), $"{name}: cell {i} has no id");
            Assert.True(ids.Add(id!), $"{name}: cell {i} repeats id {id}");
            Assert.Matches("^[A-Za-z0-9_-]{1,64}$", id!);
            if ((string?)cell["cell_type"] == "code")
            {
                Assert.Equal("csharp", (string?)cell["metadata"]?["dotnet_interactive"]?["language"]);
                Assert.Equal("csharp", (string?)cell["metadata"]?["polyglot_notebook"]?["kernelName"]);
                Assert.NotNull(cell["outputs"]);
            }
            else Assert.Null(cell["outputs"]);
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void FirstCodeCell_NamesEveryRuntimePackage_AtThePinnedVersion(string name)
    {
        var nb = JsonNode.Parse(File.ReadAllText(Path.Combine(Root(), "notebooks", name)))!.AsObject();
        var first = nb["cells"]!.AsArray().First(c => (string?)c!["cell_type"] == "code")!;
        string source = string.Concat(first["source"]!.AsArray().Select(s => (string?)s));
        var referenced = NugetLine().Matches(source).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        var pinned = PackageVersion().Matches(File.ReadAllText(Path.Combine(Root(), "Directory.Packages.props")))
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        var needed = PackageReference().Matches(File.ReadAllText(Path.Combine(Root(), "AudioAlchemy.Lib.csproj")))
            .Select(m => m.Groups[1].Value).Where(p => !KernelProvided.Contains(p)).ToList();
        Assert.Contains("libtorch-cpu-linux-x64", needed);
        foreach (var package in needed)
        {
            Assert.True(referenced.TryGetValue(package, out var version), $"{name}: first code cell lacks #r \"nuget: {package}, {pinned[package]}\"");
            Assert.Equal(pinned[package], version);
        }
        Assert.Contains("#r \"../cli/bin/Release/net10.0/AudioAlchemy.dll\"", source);
    }

    /// <summary>
    /// Cells call the library for every path (ResultsLayout, DataLayout, a study's Charts): no cell joins paths or spells
    /// a results file name, so renaming a table or chart in the library cannot leave a notebook pointing at nothing.
    /// </summary>
    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_CellsNeverRebuildFileNames(string name)
    {
        var nb = JsonNode.Parse(File.ReadAllText(Path.Combine(Root(), "notebooks", name)))!.AsObject();
        var bad = new List<string>();
        foreach (var (cell, i) in nb["cells"]!.AsArray().Select((c, i) => (c!.AsObject(), i)))
        {
            if ((string?)cell["cell_type"] != "code") continue;
            string source = string.Concat(cell["source"]!.AsArray().Select(l => (string?)l));
            foreach (var line in source.Split('\n'))
                if (line.Contains("Path.Combine(", StringComparison.Ordinal) || FileNameLiteral().IsMatch(line))
                    bad.Add($"cell {i}: {line.Trim()}");
        }
        Assert.True(bad.Count == 0, $"{name} builds file names itself:\n" + string.Join("\n", bad));
    }

    private static string Root()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "AudioAlchemy.slnx"))) return d.FullName;
        throw new DirectoryNotFoundException($"no AudioAlchemy.slnx above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex("""#r "nuget:\s*([^,"]+),\s*([^"]+)"\s*""")]
    private static partial Regex NugetLine();

    [GeneratedRegex(@"""[^""\s]*[\w}]\.(html|csv|parquet|png|json|wav|npy|pt|ipynb)""")]
    private static partial Regex FileNameLiteral();

    [GeneratedRegex("""<PackageVersion Include="([^"]+)" Version="([^"]+)" />""")]
    private static partial Regex PackageVersion();

    [GeneratedRegex("""<PackageReference Include="([^"]+)"[^>]*/>""")]
    private static partial Regex PackageReference();
}
