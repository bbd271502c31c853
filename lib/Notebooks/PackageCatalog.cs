using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AudioAlchemy.Notebooks;

/// <summary>One NuGet package (or project) the running process was built with: its version, managed assemblies and
/// direct dependencies, as listed in the process's .deps.json.</summary>
/// <param name="Name">Package id as written in .deps.json (e.g. "Plotly.NET").</param>
/// <param name="Version">Package version (e.g. "6.0.0").</param>
/// <param name="AssemblyNames">Simple names of the package's managed runtime assemblies.</param>
/// <param name="Dependencies">Ids of the packages it depends on.</param>
public sealed record PackageInfo(string Name, string Version, IReadOnlyList<string> AssemblyNames, IReadOnlyList<string> Dependencies);

/// <summary>
/// The packages available to notebook cells: those the running process (the <c>alchemy</c> CLI or the test host)
/// was built with. A <c>#r "nuget: Name, Version"</c> is satisfied from this catalog; nothing is downloaded.
/// </summary>
public sealed class PackageCatalog
{
    private static readonly Lazy<PackageCatalog> CurrentLazy = new(FromCurrentProcess);
    private readonly Dictionary<string, PackageInfo> _packages;

    private PackageCatalog(Dictionary<string, PackageInfo> packages) => _packages = packages;

    /// <summary>The catalog of the running process (read once from its .deps.json files).</summary>
    public static PackageCatalog Current => CurrentLazy.Value;

    /// <summary>All package ids, sorted.</summary>
    public IEnumerable<string> Names => _packages.Keys.Order(StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds a package by id (case-insensitive).</summary>
    public bool TryGet(string name, out PackageInfo info) => _packages.TryGetValue(name, out info!);

    /// <summary>The package and everything it depends on, transitively (each once).</summary>
    public IReadOnlyList<PackageInfo> Closure(string name)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<PackageInfo>();
        var stack = new Stack<string>([name]);
        while (stack.Count > 0)
        {
            string n = stack.Pop();
            if (!seen.Add(n) || !_packages.TryGetValue(n, out var p)) continue;
            result.Add(p);
            foreach (var d in p.Dependencies) stack.Push(d);
        }
        return result;
    }

    /// <summary>Builds a catalog from .deps.json texts (the format the .NET host reads).</summary>
    public static PackageCatalog FromDepsJson(IEnumerable<string> depsJsonTexts)
    {
        var packages = new Dictionary<string, PackageInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var text in depsJsonTexts)
        {
            if (JsonNode.Parse(text) is not JsonObject root || root["targets"] is not JsonObject targets) continue;
            foreach (var (_, target) in targets)
            {
                if (target is not JsonObject entries) continue;
                foreach (var (key, entry) in entries)
                {
                    int slash = key.IndexOf('/');
                    if (slash <= 0 || entry is not JsonObject e) continue;
                    string name = key[..slash], version = key[(slash + 1)..];
                    var assemblies = (e["runtime"] as JsonObject)?.Select(r => Path.GetFileNameWithoutExtension(r.Key))
                        .Where(a => a.Length > 0).ToArray() ?? [];
                    var deps = (e["dependencies"] as JsonObject)?.Select(d => d.Key).ToArray() ?? [];
                    packages.TryAdd(name, new PackageInfo(name, version, assemblies, deps));
                }
            }
        }
        return new PackageCatalog(packages);
    }

    private static PackageCatalog FromCurrentProcess()
    {
        var files = (AppContext.GetData("APP_CONTEXT_DEPS_FILES") as string ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(File.Exists).ToList();
        var texts = new List<string>();
        foreach (var f in files)
        {
            try
            {
                texts.Add(File.ReadAllText(f));
            }
            catch (IOException)
            {
                // an unreadable deps file only shrinks the catalog
            }
        }
        PackageCatalog catalog;
        try
        {
            catalog = FromDepsJson(texts);
        }
        catch (JsonException)
        {
            catalog = new PackageCatalog(new Dictionary<string, PackageInfo>(StringComparer.OrdinalIgnoreCase));
        }
        // Without a deps file (or for assemblies it does not list), loaded assemblies stand for packages of the same name.
        foreach (var a in AppDomain.CurrentDomain.GetAssemblies())
        {
            var n = a.GetName();
            if (!a.IsDynamic && n.Name is { } simple)
                catalog._packages.TryAdd(simple, new PackageInfo(simple, n.Version?.ToString() ?? "", [simple], []));
        }
        return catalog;
    }

    internal static Assembly? TryLoad(string simpleName)
    {
        try
        {
            return Assembly.Load(new AssemblyName(simpleName));
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            return null;
        }
    }
}
