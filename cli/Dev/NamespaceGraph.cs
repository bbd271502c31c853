using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AudioAlchemy.Cli.Dev;

/// <summary>One measured dependency between two AudioAlchemy namespaces: how many symbol uses, and one example.</summary>
/// <param name="From">Namespace of the code that uses the symbol.</param>
/// <param name="To">Namespace that declares the symbol.</param>
/// <param name="Count">Number of symbol uses (identifier occurrences bound by the semantic model).</param>
/// <param name="Example">One use, as <c>file:line symbol</c>.</param>
public sealed record NamespaceEdge(string From, string To, int Count, string Example);

/// <summary>
/// The namespace dependency graph of the C# sources under a folder, measured with Roslyn's semantic model: every
/// simple name is bound and the namespace declaring the symbol (type, or the type that contains the member) is
/// recorded, so unused <c>using</c> directives do not count and fully qualified or extension-method uses do.
/// </summary>
public sealed class NamespaceGraph
{
    /// <summary>The measured edges (From != To), sorted by From then To.</summary>
    public IReadOnlyList<NamespaceEdge> Edges { get; }

    /// <summary>Every AudioAlchemy namespace that declares code in the measured sources.</summary>
    public IReadOnlyList<string> Namespaces { get; }

    private NamespaceGraph(IReadOnlyList<NamespaceEdge> edges, IReadOnlyList<string> namespaces)
    {
        Edges = edges;
        Namespaces = namespaces;
    }

    /// <summary>Parses and binds every <c>*.cs</c> file under <paramref name="sourceRoots"/> (bin/obj skipped) as one compilation.</summary>
    public static NamespaceGraph Measure(params string[] sourceRoots)
    {
        var trees = sourceRoots
            .SelectMany(root => Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
            .Where(p => !p.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => CSharpSyntaxTree.ParseText(File.ReadAllText(p), new CSharpParseOptions(LanguageVersion.Preview), path: p))
            .ToList();
        var compilation = CSharpCompilation.Create("NamespaceGraph", trees, References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));
        var counts = new Dictionary<(string, string), (int Count, string Example)>();
        var declared = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var tree in trees)
        {
            var model = compilation.GetSemanticModel(tree);
            var root = tree.GetRoot();
            foreach (var ns in root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>())
                declared.Add(ns.Name.ToString());
            foreach (var name in root.DescendantNodes().OfType<SimpleNameSyntax>())
            {
                if (name.Parent is QualifiedNameSyntax q && q.Right != name && IsNamespace(model, name)) continue;
                string? from = EnclosingNamespace(name);
                if (from is null || !from.StartsWith("AudioAlchemy", StringComparison.Ordinal)) continue;
                var info = model.GetSymbolInfo(name);
                var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
                string? to = DeclaringNamespace(symbol);
                if (to is null || to == from || !to.StartsWith("AudioAlchemy", StringComparison.Ordinal)) continue;
                var key = (from, to);
                if (counts.TryGetValue(key, out var c)) counts[key] = (c.Count + 1, c.Example);
                else
                {
                    int line = name.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                    counts[key] = (1, $"{Path.GetFileName(tree.FilePath)}:{line} {symbol!.ToDisplayString()}");
                }
            }
        }
        var edges = counts.Select(kv => new NamespaceEdge(kv.Key.Item1, kv.Key.Item2, kv.Value.Count, kv.Value.Example))
            .OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal).ToList();
        return new NamespaceGraph(edges, declared.ToList());
    }

    /// <summary>Strongly connected groups of more than one namespace (each one is a dependency cycle).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var adj = Namespaces.Concat(Edges.SelectMany(e => new[] { e.From, e.To })).Distinct()
            .ToDictionary(n => n, n => Edges.Where(e => e.From == n).Select(e => e.To).ToList());
        int index = 0;
        var idx = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var result = new List<IReadOnlyList<string>>();
        void Visit(string v)
        {
            idx[v] = low[v] = index++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in adj[v])
            {
                if (!idx.ContainsKey(w)) { Visit(w); low[v] = Math.Min(low[v], low[w]); }
                else if (onStack.Contains(w)) low[v] = Math.Min(low[v], idx[w]);
            }
            if (low[v] != idx[v]) return;
            var group = new List<string>();
            string x;
            do { x = stack.Pop(); onStack.Remove(x); group.Add(x); } while (x != v);
            if (group.Count > 1) result.Add(group.OrderBy(n => n, StringComparer.Ordinal).ToList());
        }
        foreach (var v in adj.Keys.OrderBy(n => n, StringComparer.Ordinal))
            if (!idx.ContainsKey(v)) Visit(v);
        return result;
    }

    /// <summary>Edges that point from a lower layer to a higher one (see <see cref="Layers"/>), or touch an unlayered namespace.</summary>
    public IReadOnlyList<NamespaceEdge> Violations() =>
        Edges.Where(e => Layers.Of(e.From) is not { } f || Layers.Of(e.To) is not { } t || t > f).ToList();

    /// <summary>The graph as text: one line per namespace with its layer, then one line per edge, then cycles and violations.</summary>
    public string ToText()
    {
        var w = new StringWriter();
        w.WriteLine("# namespaces (layer)");
        foreach (var n in Namespaces) w.WriteLine($"{n} ({Layers.Of(n)?.ToString() ?? "?"})");
        w.WriteLine("# edges: from -> to  [uses]  example");
        foreach (var e in Edges)
        {
            string mark = Layers.Of(e.From) is { } f && Layers.Of(e.To) is { } t && t <= f ? "" : "  UPWARD";
            w.WriteLine($"{e.From} -> {e.To}  [{e.Count}]  {e.Example}{mark}");
        }
        var cycles = Cycles();
        w.WriteLine($"# cycles: {cycles.Count}");
        foreach (var c in cycles) w.WriteLine("  " + string.Join(" <-> ", c));
        w.WriteLine($"# upward or unlayered edges: {Violations().Count}");
        return w.ToString();
    }

    private static bool IsNamespace(SemanticModel model, SimpleNameSyntax name) => model.GetSymbolInfo(name).Symbol is INamespaceSymbol;

    private static string? EnclosingNamespace(SyntaxNode node) =>
        node.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString();

    private static string? DeclaringNamespace(ISymbol? symbol) => symbol switch
    {
        null or INamespaceSymbol or ILocalSymbol or IParameterSymbol or ITypeParameterSymbol or ILabelSymbol or IRangeVariableSymbol => null,
        IMethodSymbol { ReducedFrom: { } original } => original.ContainingType?.ContainingNamespace?.ToDisplayString(),
        ITypeSymbol t => (t is IArrayTypeSymbol a ? a.ElementType : t).ContainingNamespace?.ToDisplayString(),
        _ => symbol.ContainingType?.ContainingNamespace?.ToDisplayString(),
    };

    private static IEnumerable<MetadataReference> References()
    {
        var paths = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll"))
            .Where(p => !Path.GetFileName(p).StartsWith("AudioAlchemy", StringComparison.Ordinal) && Path.GetFileName(p) != "alchemy.dll")
            .GroupBy(Path.GetFileName).Select(g => g.First());
        foreach (var p in paths)
        {
            MetadataReference? r = null;
            try
            {
                AssemblyName.GetAssemblyName(p);
                r = MetadataReference.CreateFromFile(p);
            }
            catch (BadImageFormatException) { }
            if (r is not null) yield return r;
        }
    }
}
