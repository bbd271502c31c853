namespace AudioAlchemy.Notebooks;

/// <summary>The files of one executed notebook.</summary>
/// <param name="Notebook">The executed .ipynb.</param>
/// <param name="Html">Its standalone HTML rendering.</param>
public sealed record NotebookArtifacts(string Notebook, string Html)
{
    /// <summary>
    /// Writes the executed notebook and its HTML page into <paramref name="outDir"/> as
    /// <c>&lt;name&gt;.ipynb</c> and <c>&lt;name&gt;.html</c> (atomically), never over the source notebook itself
    /// (then the names get an <c>.executed</c> suffix). <paramref name="name"/> overrides <c>&lt;name&gt;</c> (the source's
    /// file name without extension); callers writing several notebooks into one folder pass
    /// <see cref="OutputNames.Unique"/> so that <c>a/x.ipynb</c> and <c>b/x.ipynb</c> do not overwrite each other.
    /// </summary>
    public static NotebookArtifacts Write(NotebookRunResult result, string sourcePath, string outDir, string? name = null) =>
        Write(result.Notebook, sourcePath, outDir, name);

    /// <summary>
    /// A <see cref="NotebookRunOptions.Save"/> callback writing to the paths <see cref="Write(NotebookRunResult, string, string, string?)"/>
    /// uses: the .ipynb at every save, the HTML page too when the save is final.
    /// </summary>
    public static Action<NotebookDocument, bool> Saver(string sourcePath, string outDir, string? name = null) => (doc, final) =>
    {
        var paths = PathsFor(sourcePath, outDir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(paths.Notebook)!);
        doc.Save(paths.Notebook);
        if (final) NotebookHtml.Save(doc, Path.GetFileNameWithoutExtension(sourcePath), paths.Html);
    };

    /// <summary>Writes <paramref name="notebook"/> and its HTML page (see <see cref="Write(NotebookRunResult, string, string, string?)"/>).</summary>
    public static NotebookArtifacts Write(NotebookDocument notebook, string sourcePath, string outDir, string? name = null)
    {
        var paths = PathsFor(sourcePath, outDir, name);
        notebook.Save(paths.Notebook);
        NotebookHtml.Save(notebook, Path.GetFileNameWithoutExtension(sourcePath), paths.Html);
        return paths;
    }

    /// <summary>Where the executed notebook and its page go (never over the source: then an <c>.executed</c> suffix);
    /// <paramref name="name"/> overrides the source's file name without extension.</summary>
    public static NotebookArtifacts PathsFor(string sourcePath, string outDir, string? name = null)
    {
        string stem = name ?? Path.GetFileNameWithoutExtension(sourcePath);
        string ipynb = Path.GetFullPath(Path.Combine(outDir, stem + ".ipynb"));
        if (string.Equals(ipynb, Path.GetFullPath(sourcePath), StringComparison.Ordinal))
        {
            stem += ".executed";
            ipynb = Path.GetFullPath(Path.Combine(outDir, stem + ".ipynb"));
        }
        string html = Path.Combine(Path.GetDirectoryName(ipynb)!, stem + ".html");
        return new NotebookArtifacts(ipynb, html);
    }
}
