using System.Reflection;
using Microsoft.CodeAnalysis;

namespace AudioAlchemy.Notebooks;

/// <summary>
/// What notebook cells compile against: by default the AudioAlchemy library and every package it depends on
/// (already loaded into this process, so script code shares their types and static state), plus the usual
/// imports. Resolves <c>#r "path.dll"</c> and <c>#r "nuget: ..."</c> against this process.
/// </summary>
internal static class ScriptReferences
{
    private const string LibraryName = "AudioAlchemy";
    private static readonly Lazy<IReadOnlyList<Assembly>> DefaultAssembliesLazy = new(LoadDefaults);
    private static readonly Lazy<IReadOnlyList<string>> DefaultImportsLazy = new(LoadImports);

    /// <summary>The AudioAlchemy assembly and its dependency closure (loaded).</summary>
    public static IReadOnlyList<Assembly> DefaultAssemblies => DefaultAssembliesLazy.Value;

    /// <summary>System, System.IO, System.Linq, System.Collections.Generic, System.Text, System.Threading.Tasks,
    /// the Formatting namespace, and every AudioAlchemy.* namespace.</summary>
    public static IReadOnlyList<string> DefaultImports => DefaultImportsLazy.Value;

    /// <summary>Assemblies satisfying <c>#r "nuget: Name, Version"</c>, from the packages this process was built with.</summary>
    /// <param name="reference">The directive.</param>
    /// <param name="warnings">Receives a note when the requested version differs from the available one.</param>
    /// <param name="where">"notebook: cell N" for messages.</param>
    public static IReadOnlyList<Assembly> ResolvePackage(NugetReference reference, List<string> warnings, string where)
    {
        var catalog = PackageCatalog.Current;
        if (!catalog.TryGet(reference.Name, out var package))
        {
            var known = catalog.Names.Where(n => !n.StartsWith("runtime.", StringComparison.OrdinalIgnoreCase)).ToList();
            throw new NotebookException(
                $"{where}, line {reference.Line}: package '{reference.Name}' is not available: #r \"nuget: ...\" is satisfied only by packages the alchemy runner " +
                $"was built with (nothing is downloaded). Add it to AudioAlchemy.Lib.csproj, or use one of: {string.Join(", ", known.Take(40))}{(known.Count > 40 ? ", ..." : "")}");
        }
        if (reference.Version is { } v && !string.Equals(v, package.Version, StringComparison.OrdinalIgnoreCase))
            warnings.Add($"{where}, line {reference.Line}: #r \"nuget: {reference.Name}, {v}\" uses the runner's {package.Name} {package.Version}");
        return catalog.Closure(package.Name).SelectMany(p => p.AssemblyNames).Distinct()
            .Select(PackageCatalog.TryLoad).OfType<Assembly>().ToList();
    }

    /// <summary>
    /// The reference for <c>#r "path.dll"</c> (relative to <paramref name="baseDirectory"/>): an assembly already
    /// loaded in this process under the same name is used as loaded (so the notebook and the runner share one
    /// AudioAlchemy), even when the file is absent; otherwise the file is referenced.
    /// </summary>
    /// <returns>Either the loaded assembly or a file reference.</returns>
    public static (Assembly? Loaded, MetadataReference? File) ResolvePath(PathReference reference, string baseDirectory, List<string> warnings, string where)
    {
        string full = Path.GetFullPath(Path.Combine(baseDirectory, reference.Path));
        string simpleName = Path.GetFileNameWithoutExtension(full);
        if (File.Exists(full))
        {
            AssemblyName name;
            try
            {
                name = AssemblyName.GetAssemblyName(full);
            }
            catch (BadImageFormatException e)
            {
                throw new NotebookException($"{where}, line {reference.Line}: #r \"{reference.Path}\": {full} is not a .NET assembly", e);
            }
            var loaded = Loaded(name.Name ?? simpleName);
            if (loaded is null) return (null, MetadataReference.CreateFromFile(full));
            if (loaded.GetName().Version != name.Version)
                warnings.Add($"{where}, line {reference.Line}: #r \"{reference.Path}\" is {name.Name} {name.Version}; the runner's loaded {loaded.GetName().Version} is used");
            return (loaded, null);
        }
        var same = Loaded(simpleName);
        if (same is null)
            throw new NotebookException($"{where}, line {reference.Line}: #r \"{reference.Path}\": file not found ({full})");
        if (same != typeof(ScriptReferences).Assembly) // the runner's own library is the expected headless case
            warnings.Add($"{where}, line {reference.Line}: #r \"{reference.Path}\" not found; using the runner's loaded {same.GetName().Name} {same.GetName().Version}");
        return (same, null);
    }

    private static Assembly? Loaded(string simpleName) =>
        AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => !a.IsDynamic && a.Location.Length > 0
            && string.Equals(a.GetName().Name, simpleName, StringComparison.OrdinalIgnoreCase));

    private static IReadOnlyList<Assembly> LoadDefaults()
    {
        var library = typeof(ScriptReferences).Assembly;
        var result = new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase) { [library.GetName().Name!] = library };
        // Packages the library was built with (from .deps.json), then whatever its IL references, transitively.
        foreach (var p in PackageCatalog.Current.Closure(LibraryName))
        {
            foreach (var n in p.AssemblyNames)
            {
                if (!result.ContainsKey(n) && PackageCatalog.TryLoad(n) is { } a) result[n] = a;
            }
        }
        var queue = new Queue<Assembly>(result.Values);
        while (queue.Count > 0)
        {
            foreach (var r in queue.Dequeue().GetReferencedAssemblies())
            {
                if (r.Name is null || result.ContainsKey(r.Name)) continue;
                try
                {
                    var a = Assembly.Load(r);
                    result[r.Name] = a;
                    queue.Enqueue(a);
                }
                catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
                {
                    // a reference the library never touches at run time; scripts simply cannot use it
                }
            }
        }
        return result.Values.Where(a => !a.IsDynamic && a.Location.Length > 0).ToList();
    }

    private static IReadOnlyList<string> LoadImports()
    {
        string[] basics = ["System", "System.IO", "System.Linq", "System.Collections.Generic", "System.Text", "System.Threading.Tasks",
            "Microsoft.DotNet.Interactive.Formatting"];
        var ours = typeof(ScriptReferences).Assembly.GetExportedTypes()
            .Select(t => t.Namespace).OfType<string>()
            .Where(n => n == LibraryName || n.StartsWith(LibraryName + ".", StringComparison.Ordinal))
            .Distinct().Order(StringComparer.Ordinal);
        return [.. basics, .. ours];
    }
}
