using AudioAlchemy.Cli.Dev;

namespace AudioAlchemy.Tests.Architecture;

/// <summary>The namespace layering of DESIGN.md, measured on the sources with Roslyn's semantic model.</summary>
public class LayerTests
{
    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AudioAlchemy.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root (AudioAlchemy.slnx) not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void LibAndCli_HaveNoCycleAndNoUpwardEdge()
    {
        var root = RepoRoot();
        var graph = NamespaceGraph.Measure(Path.Combine(root, "lib"), Path.Combine(root, "cli"), Path.Combine(root, "player"));
        Assert.True(graph.Edges.Count > 30, "the graph should see the library's real edges:\n" + graph.ToText());
        Assert.DoesNotContain(graph.Namespaces, n => Layers.Of(n) is null);
        Assert.True(graph.Cycles().Count == 0 && graph.Violations().Count == 0, graph.ToText());
    }

    [Fact]
    public void UpwardEdgeAndCycle_AreReported()
    {
        using var dir = TestData.TempDir();
        File.WriteAllText(Path.Combine(dir.Path, "A.cs"), "namespace AudioAlchemy.Features; public static class Uses { public static int N => AudioAlchemy.Corpus.Row.Count; }");
        File.WriteAllText(Path.Combine(dir.Path, "B.cs"), "namespace AudioAlchemy.Corpus; public static class Row { public static int Count => AudioAlchemy.Features.Uses.N; }");
        var graph = NamespaceGraph.Measure(dir.Path);
        var up = Assert.Single(graph.Violations());
        Assert.Equal(("AudioAlchemy.Features", "AudioAlchemy.Corpus"), (up.From, up.To));
        Assert.Single(graph.Cycles());
    }
}
