using System.Reflection;

namespace AudioAlchemy.Player;

/// <summary>
/// The page's HTML, JS and CSS, embedded in this assembly (<c>wwwroot/</c>) and served by exact name only: nothing is
/// read from disk, nothing is fetched from a CDN, and a name that is not in the table is a 404.
/// </summary>
public static class StaticAssets
{
    private static readonly Lazy<IReadOnlyDictionary<string, (byte[] Bytes, string ContentType)>> All = new(Load);

    /// <summary>Asset names (e.g. <c>index.html</c>, <c>app.js</c>).</summary>
    public static IEnumerable<string> Names => All.Value.Keys;

    /// <summary>The asset called <paramref name="name"/>, or null.</summary>
    public static (byte[] Bytes, string ContentType)? Find(string name) => All.Value.TryGetValue(name, out var a) ? a : null;

    private static IReadOnlyDictionary<string, (byte[], string)> Load()
    {
        var asm = typeof(StaticAssets).Assembly;
        var map = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var res in asm.GetManifestResourceNames().Where(n => n.StartsWith("wwwroot/", StringComparison.Ordinal)))
        {
            using var s = asm.GetManifestResourceStream(res)!;
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            string name = res["wwwroot/".Length..];
            map[name] = (ms.ToArray(), ContentType(name));
        }
        return map;
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        _ => "application/octet-stream",
    };
}
