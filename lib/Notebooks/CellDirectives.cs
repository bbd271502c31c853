using System.Text.RegularExpressions;

namespace AudioAlchemy.Notebooks;

/// <summary>A <c>#r "nuget: Name, Version"</c> line of a cell.</summary>
/// <param name="Name">Package id.</param>
/// <param name="Version">Requested version, or null when none was given.</param>
/// <param name="Line">1-based line within the cell.</param>
public sealed record NugetReference(string Name, string? Version, int Line);

/// <summary>A <c>#r "path.dll"</c> line of a cell.</summary>
/// <param name="Path">The path as written (relative paths are resolved against the notebook's folder).</param>
/// <param name="Line">1-based line within the cell.</param>
public sealed record PathReference(string Path, int Line);

/// <summary>
/// A code cell's source split into plain C# and the notebook directives around it: <c>#r</c> references,
/// <c>#!kernel</c> / <c>#!magic</c> lines and <c>#i</c> package sources. Directive lines are blanked (not removed) in
/// <see cref="Code"/> so compiler line numbers still match the cell.
/// </summary>
/// <param name="Code">C# source with directive lines blanked.</param>
/// <param name="Kernel">The kernel the cell runs in ("csharp" unless a <c>#!fsharp</c>-style line or metadata says otherwise).</param>
/// <param name="Paths">The <c>#r "path"</c> references.</param>
/// <param name="Packages">The <c>#r "nuget: ..."</c> references.</param>
/// <param name="Ignored">Magic lines that were stripped without effect (e.g. <c>#!time</c>, <c>#i</c>).</param>
public sealed partial record CellDirectives(string Code, string Kernel, IReadOnlyList<PathReference> Paths,
    IReadOnlyList<NugetReference> Packages, IReadOnlyList<string> Ignored)
{
    private static readonly HashSet<string> CSharpNames = new(StringComparer.OrdinalIgnoreCase) { "csharp", "c#", "cs" };
    private static readonly HashSet<string> KernelNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "csharp", "c#", "cs", "fsharp", "f#", "fs", "pwsh", "powershell", "javascript", "js", "html", "markdown", "md",
        "sql", "kql", "mermaid", "value", "http", "python", "r",
    };

    /// <summary>True when the cell is C# (possibly after a <c>#!csharp</c> line).</summary>
    public bool IsCSharp => CSharpNames.Contains(Kernel);

    /// <summary>True when the cell is a Polyglot markdown cell (<c>#!markdown</c> or kernel "markdown").</summary>
    public bool IsMarkdown => Kernel.Equals("markdown", StringComparison.OrdinalIgnoreCase) || Kernel.Equals("md", StringComparison.OrdinalIgnoreCase);

    /// <summary>Splits <paramref name="source"/>; <paramref name="metadataKernel"/> is the kernel named in the cell metadata.</summary>
    public static CellDirectives Parse(string source, string? metadataKernel)
    {
        string kernel = string.IsNullOrWhiteSpace(metadataKernel) ? "csharp" : metadataKernel;
        var lines = source.Split('\n');
        var paths = new List<PathReference>();
        var packages = new List<NugetReference>();
        var ignored = new List<string>();
        for (int i = 0; i < lines.Length; i++)
        {
            string t = lines[i].Trim();
            if (t.StartsWith("#!", StringComparison.Ordinal))
            {
                string word = t[2..].Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
                if (KernelNames.Contains(word)) kernel = word;
                else ignored.Add(t);
                lines[i] = "";
            }
            else if (ReferenceLine().Match(t) is { Success: true } m)
            {
                string target = m.Groups[1].Value.Trim();
                if (target.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
                {
                    var parts = target["nuget:".Length..].Split(',', 2, StringSplitOptions.TrimEntries);
                    packages.Add(new NugetReference(parts[0], parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null, i + 1));
                }
                else
                {
                    paths.Add(new PathReference(target, i + 1));
                }
                lines[i] = "";
            }
            else if (t.StartsWith("#i ", StringComparison.Ordinal))
            {
                ignored.Add(t);
                lines[i] = "";
            }
        }
        return new CellDirectives(string.Join('\n', lines), kernel, paths, packages, ignored);
    }

    [GeneratedRegex("""^#r\s+"([^"]*)"\s*(//.*)?$""")]
    private static partial Regex ReferenceLine();
}
