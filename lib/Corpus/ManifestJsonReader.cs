using System.Text.Json;

namespace AudioAlchemy.Corpus;

/// <summary>
/// Reads JSON manifests tolerantly, including the seed study's node layout. Accepted shapes: a top-level array of
/// nodes; an object whose first array-valued property (e.g. <c>nodes</c>, <c>songs</c>) holds the nodes; or an
/// object mapping ids to nodes. In a node, fields may sit at the top level or inside a nested <c>Data</c> object
/// (nested objects are flattened; the top level wins). Names go through <see cref="ManifestColumns"/>: so
/// <c>"Song Title"</c> → title, <c>"Audio Link"</c>/<c>"audio"</c>/<c>"links"</c> → path, <c>"Region"</c> → extra
/// column <c>region</c>. A list value (e.g. <c>"Genre": ["rock", "pop"]</c>) gives its first element; for paths the
/// first local (non-http) entry. The full genre list is kept as extra column <c>genre_list</c> ("|"-separated).
/// </summary>
public static class ManifestJsonReader
{
    /// <summary>Parses <paramref name="text"/> read from <paramref name="path"/>.</summary>
    /// <exception cref="AlchemyException">Not valid JSON, or no list of nodes inside.</exception>
    public static Manifest Read(string path, string text)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }); }
        catch (JsonException e) { throw new AlchemyException($"manifest '{path}' is not valid JSON: {e.Message}", e); }
        using (doc)
        {
            var nodes = Nodes(doc.RootElement, path);
            string baseDir = Path.GetDirectoryName(Path.GetFullPath(path))!;
            var problems = new List<ManifestProblem>();
            var rows = new List<ManifestRow>();
            for (int i = 0; i < nodes.Count; i++)
            {
                var (key, node) = nodes[i];
                if (node.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(new ManifestProblem(i + 1, key, ManifestProblemKind.Format, $"node is a {node.ValueKind}, not an object", true));
                    continue;
                }
                var fields = new List<KeyValuePair<string, string>>();
                Flatten(node, fields, 0);
                var row = ManifestRowBuilder.Build(i + 1, fields, baseDir, problems, key);
                if (row != null) rows.Add(row);
            }
            return new Manifest(path, rows, problems);
        }
    }

    private static List<(string? Key, JsonElement Node)> Nodes(JsonElement root, string path)
    {
        if (root.ValueKind == JsonValueKind.Array) return root.EnumerateArray().Select(e => ((string?)null, e.Clone())).ToList();
        if (root.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in root.EnumerateObject())
                if (p.Value.ValueKind == JsonValueKind.Array && p.Value.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.Object))
                    return p.Value.EnumerateArray().Select(e => ((string?)null, e.Clone())).ToList();
            var objects = root.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Object).ToList();
            if (objects.Count > 0) return objects.Select(p => ((string?)p.Name, p.Value.Clone())).ToList();
        }
        throw new AlchemyException($"manifest '{path}': expected a list of song nodes (an array, an object with an array property, or an object of id → node)");
    }

    /// <summary>Top-level scalars first, then nested objects (Data...), so top-level names take precedence.</summary>
    private static void Flatten(JsonElement obj, List<KeyValuePair<string, string>> fields, int depth)
    {
        foreach (var p in obj.EnumerateObject())
        {
            string canon = ManifestColumns.Canonical(p.Name);
            switch (p.Value.ValueKind)
            {
                case JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                    fields.Add(new(p.Name, Scalar(p.Value)));
                    break;
                case JsonValueKind.Array:
                    var items = p.Value.EnumerateArray().Where(e => e.ValueKind is JsonValueKind.String or JsonValueKind.Number).Select(Scalar).ToList();
                    if (items.Count == 0) break;
                    string first = canon is "path" or "vocals_path" or "accompaniment_path"
                        ? items.FirstOrDefault(s => !s.StartsWith("http", StringComparison.OrdinalIgnoreCase)) ?? items[0]
                        : items[0];
                    fields.Add(new(p.Name, first));
                    if (canon == "genre") fields.Add(new("genre_list", string.Join('|', items)));
                    break;
            }
        }
        if (depth >= 3) return;
        foreach (var p in obj.EnumerateObject())
            if (p.Value.ValueKind == JsonValueKind.Object) Flatten(p.Value, fields, depth + 1);
    }

    private static string Scalar(JsonElement e) => e.ValueKind == JsonValueKind.String ? e.GetString() ?? "" : e.GetRawText();
}
