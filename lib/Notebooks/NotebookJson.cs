using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AudioAlchemy.Notebooks;

/// <summary>
/// JSON conventions of the .ipynb format: multi-line strings stored as a string or an array of lines, keys written
/// sorted (like nbformat and the Polyglot writer), one-space indentation, a final newline.
/// </summary>
internal static class NotebookJson
{
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A multi-line text field: a string, an array of strings (concatenated), or missing (empty).</summary>
    public static string ReadText(JsonNode? node, string what)
    {
        switch (node)
        {
            case null:
                return "";
            case JsonValue v when v.TryGetValue(out string? s):
                return s;
            case JsonArray a:
                var sb = new StringBuilder();
                foreach (var item in a)
                {
                    if (item is JsonValue iv && iv.TryGetValue(out string? line)) sb.Append(line);
                    else throw new NotebookException($"{what}: expected a string or an array of strings, found {item?.ToJsonString() ?? "null"}");
                }
                return sb.ToString();
            default:
                throw new NotebookException($"{what}: expected a string or an array of strings, found {node.ToJsonString()}");
        }
    }

    /// <summary>Splits text into nbformat's array of lines, each keeping its trailing "\n" (the last may lack one).</summary>
    public static JsonArray Lines(string text)
    {
        var array = new JsonArray();
        int start = 0;
        while (start < text.Length)
        {
            int nl = text.IndexOf('\n', start);
            int end = nl < 0 ? text.Length : nl + 1;
            array.Add(JsonValue.Create(text[start..end]));
            start = end;
        }
        return array;
    }

    /// <summary>A deep copy of <paramref name="node"/> whose objects have their keys sorted ordinally.</summary>
    public static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Sorted).ToArray()),
        null => null,
        _ => node.DeepClone(),
    };

    /// <summary>Serialises with sorted keys, one-space indentation and a final newline.</summary>
    public static string Write(JsonNode node) => Sorted(node)!.ToJsonString(WriteOptions) + "\n";

    /// <summary>A deep copy of an object (empty when null).</summary>
    public static JsonObject CloneObject(JsonObject? o) => o is null ? new JsonObject() : (JsonObject)o.DeepClone();
}
