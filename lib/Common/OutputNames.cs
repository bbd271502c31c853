namespace AudioAlchemy;

/// <summary>
/// Output base names for many inputs written into one folder, never two the same: each input gets its file name
/// without the extension ("song" for <c>a/song.wav</c>); when two inputs would share one, those get the full file name
/// ("a.wav", "a.mp3"), and when that still collides, their parent folders are prepended ("a_x", "b_x" for
/// <c>a/x.ipynb</c>, <c>b/x.ipynb</c>) until the names differ; the same path given twice gets "-2", "-3". Names compare
/// case-insensitively, so the result is also safe on case-insensitive file systems. Deterministic: same inputs, same names.
/// </summary>
public static class OutputNames
{
    /// <summary>One unique base name per entry of <paramref name="inputs"/>, in order.</summary>
    public static IReadOnlyList<string> Unique(IReadOnlyList<string> inputs)
    {
        var full = inputs.Select(p => Path.GetFullPath(p)).ToArray();
        var names = full.Select(p => Path.GetFileNameWithoutExtension(p)).ToArray();
        Refine(names, full, i => Path.GetFileName(full[i]));
        for (int depth = 1; depth <= 64 && Colliding(names, full).Count > 0; depth++)
        {
            int d = depth;
            Refine(names, full, i => Prefixed(full[i], d));
        }
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < names.Length; i++)
        {
            string baseName = names[i], name = baseName;
            for (int k = 2; !seen.Add(name); k++) name = $"{baseName}-{k}";
            names[i] = name;
        }
        return names;
    }

    private static void Refine(string[] names, string[] full, Func<int, string> better)
    {
        foreach (int i in Colliding(names, full)) names[i] = better(i);
    }

    /// <summary>Indices whose name is shared with a different input path (the same path twice is left to the "-2" suffix).</summary>
    private static List<int> Colliding(string[] names, string[] full) =>
        names.Select((n, i) => (n, i)).GroupBy(x => x.n, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Select(x => full[x.i]).Distinct(StringComparer.Ordinal).Count() > 1).SelectMany(g => g.Select(x => x.i)).ToList();

    /// <summary>"parent_..._name" with <paramref name="depth"/> parent folders, keeping the extension when the stem collided too.</summary>
    private static string Prefixed(string fullPath, int depth)
    {
        var parts = new List<string> { Path.GetFileNameWithoutExtension(fullPath) };
        string? dir = Path.GetDirectoryName(fullPath);
        for (int k = 0; k < depth && !string.IsNullOrEmpty(dir) && Path.GetFileName(dir) is { Length: > 0 } part; k++)
        {
            parts.Insert(0, part);
            dir = Path.GetDirectoryName(dir);
        }
        return string.Join('_', parts);
    }
}
