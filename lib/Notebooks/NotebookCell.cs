using System.Text.Json.Nodes;

namespace AudioAlchemy.Notebooks;

/// <summary>
/// One cell of a notebook: its kind ("code", "markdown", "raw"), source text, metadata (tags, kernel), and for code
/// cells the outputs and execution count. Unknown keys (e.g. attachments) are kept and written back unchanged.
/// </summary>
public sealed class NotebookCell
{
    private readonly JsonObject _extra;

    private NotebookCell(string cellType, string? id, string source, JsonObject metadata, JsonObject extra)
    {
        CellType = cellType;
        Id = id;
        Source = source;
        Metadata = metadata;
        _extra = extra;
    }

    /// <summary>"code", "markdown" or "raw".</summary>
    public string CellType { get; }

    /// <summary>The nbformat 4.5 cell id (null in older notebooks).</summary>
    public string? Id { get; set; }

    /// <summary>The cell's source text (lines joined with their "\n").</summary>
    public string Source { get; set; }

    /// <summary>The cell metadata (kernel name, tags, ...), written back as is.</summary>
    public JsonObject Metadata { get; }

    /// <summary>The outputs of a code cell, in order (always empty for markdown/raw cells).</summary>
    public List<NotebookOutput> Outputs { get; } = [];

    /// <summary>The execution count of a code cell (null when not executed).</summary>
    public int? ExecutionCount { get; set; }

    /// <summary>True for a code cell.</summary>
    public bool IsCode => CellType == "code";

    /// <summary>True for a markdown cell.</summary>
    public bool IsMarkdown => CellType == "markdown";

    /// <summary>The cell's tags (<c>metadata.tags</c>), e.g. "parameters".</summary>
    public IReadOnlyList<string> Tags =>
        Metadata["tags"] is JsonArray a ? a.Select(n => n is JsonValue v && v.TryGetValue(out string? s) ? s : "").ToArray() : [];

    /// <summary>The kernel named in the cell metadata (Polyglot <c>polyglot_notebook.kernelName</c> or older
    /// <c>dotnet_interactive.language</c>), or null when none is named.</summary>
    public string? KernelName =>
        (string?)(Metadata["polyglot_notebook"] as JsonObject)?["kernelName"]
        ?? (string?)(Metadata["dotnet_interactive"] as JsonObject)?["language"];

    /// <summary>A new C# code cell with Polyglot's metadata and the given tags.</summary>
    public static NotebookCell Code(string source, params string[] tags)
    {
        var metadata = new JsonObject
        {
            ["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" },
            ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" },
            ["vscode"] = new JsonObject { ["languageId"] = "polyglot-notebook" },
        };
        if (tags.Length > 0) metadata["tags"] = new JsonArray(tags.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray());
        return new NotebookCell("code", NewId(), source, metadata, new JsonObject());
    }

    /// <summary>A new markdown cell.</summary>
    public static NotebookCell Markdown(string source) => new("markdown", NewId(), source, new JsonObject(), new JsonObject());

    /// <summary>A deep copy of this cell (outputs included).</summary>
    public NotebookCell Clone()
    {
        var c = new NotebookCell(CellType, Id, Source, NotebookJson.CloneObject(Metadata), NotebookJson.CloneObject(_extra)) { ExecutionCount = ExecutionCount };
        c.Outputs.AddRange(Outputs);
        return c;
    }

    internal static NotebookCell FromJson(JsonObject json, string where)
    {
        string cellType = (string?)json["cell_type"] ?? throw new NotebookException($"{where}: cell without a \"cell_type\"");
        var extra = new JsonObject();
        foreach (var (key, value) in json)
        {
            if (key is not ("cell_type" or "id" or "source" or "metadata" or "outputs" or "execution_count"))
                extra[key] = value?.DeepClone();
        }
        var cell = new NotebookCell(cellType, (string?)json["id"], NotebookJson.ReadText(json["source"], $"{where}: source"),
            NotebookJson.CloneObject(json["metadata"] as JsonObject), extra);
        if (cell.IsCode)
        {
            cell.ExecutionCount = (int?)json["execution_count"];
            if (json["outputs"] is JsonArray outputs)
            {
                foreach (var o in outputs)
                    cell.Outputs.Add(NotebookOutput.FromJson(o as JsonObject ?? throw new NotebookException($"{where}: an output is not a JSON object"), where));
            }
        }
        return cell;
    }

    internal JsonObject ToJson()
    {
        var o = NotebookJson.CloneObject(_extra);
        o["cell_type"] = CellType;
        if (Id is not null) o["id"] = Id;
        o["metadata"] = Metadata.DeepClone();
        o["source"] = NotebookJson.Lines(Source);
        if (IsCode)
        {
            o["execution_count"] = ExecutionCount;
            o["outputs"] = new JsonArray(Outputs.Select(x => (JsonNode?)x.ToJson()).ToArray());
        }
        return o;
    }

    private static string NewId() => Guid.NewGuid().ToString("N")[..8];
}
