using System.Text.Json;
using System.Text.Json.Nodes;

namespace AudioAlchemy.Notebooks;

/// <summary>
/// A Jupyter notebook (nbformat 4) as Polyglot Notebooks writes it: cells, notebook metadata (kernelspec,
/// language_info, polyglot_notebook) and format version. Reads <c>source</c>/output text stored as a string or an
/// array of lines; writes arrays of lines, sorted keys and one-space indentation like the Polyglot writer.
/// </summary>
public sealed class NotebookDocument
{
    private readonly JsonObject _extra;

    private NotebookDocument(JsonObject metadata, int nbformat, int nbformatMinor, JsonObject extra)
    {
        Metadata = metadata;
        NbFormat = nbformat;
        NbFormatMinor = nbformatMinor;
        _extra = extra;
    }

    /// <summary>The cells in order.</summary>
    public List<NotebookCell> Cells { get; } = [];

    /// <summary>The notebook metadata (kernelspec, language_info, polyglot_notebook, ...), written back as is.</summary>
    public JsonObject Metadata { get; }

    /// <summary>The nbformat major version (4).</summary>
    public int NbFormat { get; }

    /// <summary>The nbformat minor version (5 for Polyglot).</summary>
    public int NbFormatMinor { get; }

    /// <summary>An empty notebook with Polyglot's C# notebook metadata (nbformat 4.5).</summary>
    public static NotebookDocument CreatePolyglot()
    {
        var metadata = new JsonObject
        {
            ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
            ["language_info"] = new JsonObject
            {
                ["file_extension"] = ".cs", ["mimetype"] = "text/x-csharp", ["name"] = "C#",
                ["pygments_lexer"] = "csharp", ["version"] = "13.0",
            },
            ["polyglot_notebook"] = new JsonObject
            {
                ["kernelInfo"] = new JsonObject
                {
                    ["defaultKernelName"] = "csharp",
                    ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = "csharp" }),
                },
            },
        };
        return new NotebookDocument(metadata, 4, 5, new JsonObject());
    }

    /// <summary>Reads a .ipynb file.</summary>
    /// <exception cref="NotebookException">The file is missing or is not a valid nbformat 4 notebook.</exception>
    public static NotebookDocument Load(string path)
    {
        if (!File.Exists(path)) throw new NotebookException($"{path}: notebook not found");
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new NotebookException($"{path}: cannot read the notebook ({e.Message})", e);
        }
        return Parse(text, path);
    }

    /// <summary>Parses notebook JSON; <paramref name="sourceName"/> names it in error messages.</summary>
    /// <exception cref="NotebookException">The text is not a valid nbformat 4 notebook.</exception>
    public static NotebookDocument Parse(string json, string sourceName = "notebook")
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new NotebookException($"{sourceName}: not valid JSON ({e.Message})", e);
        }
        if (root is not JsonObject o) throw new NotebookException($"{sourceName}: the notebook is not a JSON object");
        int major = ReadInt(o, "nbformat", sourceName) ?? throw new NotebookException($"{sourceName}: missing \"nbformat\"");
        if (major != 4) throw new NotebookException($"{sourceName}: nbformat {major} is not supported (only nbformat 4)");
        int minor = ReadInt(o, "nbformat_minor", sourceName) ?? 0;
        var extra = new JsonObject();
        foreach (var (key, value) in o)
        {
            if (key is not ("cells" or "metadata" or "nbformat" or "nbformat_minor")) extra[key] = value?.DeepClone();
        }
        var doc = new NotebookDocument(NotebookJson.CloneObject(o["metadata"] as JsonObject), major, minor, extra);
        if (o["cells"] is not JsonArray cells) throw new NotebookException($"{sourceName}: missing the \"cells\" array");
        for (int i = 0; i < cells.Count; i++)
        {
            string where = $"{sourceName}: cell {i + 1}";
            doc.Cells.Add(NotebookCell.FromJson(cells[i] as JsonObject ?? throw new NotebookException($"{where} is not a JSON object"), where));
        }
        return doc;
    }

    /// <summary>The notebook as .ipynb JSON text (sorted keys, one-space indent, final newline).</summary>
    public string ToJson()
    {
        var o = NotebookJson.CloneObject(_extra);
        o["cells"] = new JsonArray(Cells.Select(c => (JsonNode?)c.ToJson()).ToArray());
        o["metadata"] = Metadata.DeepClone();
        o["nbformat"] = NbFormat;
        o["nbformat_minor"] = NbFormatMinor;
        return NotebookJson.Write(o);
    }

    /// <summary>Writes the notebook to <paramref name="path"/> atomically (temp file + rename).</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, ToJson());

    /// <summary>A deep copy of the notebook.</summary>
    public NotebookDocument Clone()
    {
        var d = new NotebookDocument(NotebookJson.CloneObject(Metadata), NbFormat, NbFormatMinor, NotebookJson.CloneObject(_extra));
        d.Cells.AddRange(Cells.Select(c => c.Clone()));
        return d;
    }

    private static int? ReadInt(JsonObject o, string key, string sourceName)
    {
        try
        {
            return (int?)o[key];
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new NotebookException($"{sourceName}: \"{key}\" is not an integer", e);
        }
    }
}
