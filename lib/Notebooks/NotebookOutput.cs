using System.Text.Json.Nodes;

namespace AudioAlchemy.Notebooks;

/// <summary>
/// One output of a code cell in Jupyter's format: <c>stream</c> (stdout/stderr text), <c>display_data</c> or
/// <c>execute_result</c> (a mime bundle such as text/html + text/plain), or <c>error</c> (ename, evalue, traceback).
/// Wraps the output's JSON object, so outputs written by other tools (images, JSON mime types) survive a round trip.
/// </summary>
public sealed class NotebookOutput
{
    private readonly JsonObject _json;

    private NotebookOutput(JsonObject json) => _json = json;

    /// <summary>The output type: "stream", "display_data", "execute_result" or "error".</summary>
    public string OutputType => (string?)_json["output_type"] ?? "";

    /// <summary>The stream name ("stdout" or "stderr") of a stream output, else null.</summary>
    public string? StreamName => (string?)_json["name"];

    /// <summary>The text of a stream output (empty for other kinds).</summary>
    public string Text => NotebookJson.ReadText(_json["text"], "stream output text");

    /// <summary>The mime bundle of a display_data/execute_result output: mime type → text (JSON-valued types as JSON text).</summary>
    public IReadOnlyDictionary<string, string> Data
    {
        get
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            if (_json["data"] is JsonObject data)
            {
                foreach (var (mime, value) in data)
                    result[mime] = value is JsonObject ? value.ToJsonString() : NotebookJson.ReadText(value, $"output data '{mime}'");
            }
            return result;
        }
    }

    /// <summary>The exception type (or "CompilationError") of an error output, else null.</summary>
    public string? ErrorName => (string?)_json["ename"];

    /// <summary>The error message of an error output, else null.</summary>
    public string? ErrorValue => (string?)_json["evalue"];

    /// <summary>The traceback lines of an error output (empty for other kinds).</summary>
    public IReadOnlyList<string> Traceback =>
        _json["traceback"] is JsonArray a ? a.Select(n => (string?)n ?? "").ToArray() : [];

    /// <summary>The execution count stored on an execute_result output, else null.</summary>
    public int? ExecutionCount => (int?)_json["execution_count"];

    /// <summary>A stream output (<paramref name="name"/> "stdout" or "stderr").</summary>
    public static NotebookOutput Stream(string name, string text) =>
        new(new JsonObject { ["output_type"] = "stream", ["name"] = name, ["text"] = NotebookJson.Lines(text) });

    /// <summary>A display_data output holding a mime bundle (mime type → text).</summary>
    public static NotebookOutput DisplayData(IReadOnlyDictionary<string, string> data) =>
        new(new JsonObject { ["output_type"] = "display_data", ["data"] = Bundle(data), ["metadata"] = new JsonObject() });

    /// <summary>An execute_result output (a cell's final expression value) for execution <paramref name="executionCount"/>.</summary>
    public static NotebookOutput ExecuteResult(IReadOnlyDictionary<string, string> data, int executionCount) =>
        new(new JsonObject
        {
            ["output_type"] = "execute_result",
            ["data"] = Bundle(data),
            ["execution_count"] = executionCount,
            ["metadata"] = new JsonObject(),
        });

    /// <summary>An error output: exception name, message and traceback lines.</summary>
    public static NotebookOutput Error(string ename, string evalue, IEnumerable<string> traceback) =>
        new(new JsonObject
        {
            ["output_type"] = "error",
            ["ename"] = ename,
            ["evalue"] = evalue,
            ["traceback"] = new JsonArray(traceback.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
        });

    internal static NotebookOutput FromJson(JsonObject json, string where)
    {
        if (json["output_type"] is not JsonValue t || !t.TryGetValue(out string? _))
            throw new NotebookException($"{where}: output without an \"output_type\"");
        return new NotebookOutput((JsonObject)json.DeepClone());
    }

    internal JsonObject ToJson() => (JsonObject)_json.DeepClone();

    private static JsonObject Bundle(IReadOnlyDictionary<string, string> data)
    {
        var o = new JsonObject();
        foreach (var (mime, text) in data) o[mime] = NotebookJson.Lines(text);
        return o;
    }
}
