namespace AudioAlchemy.Corpus;

/// <summary>
/// Reads CSV/TSV manifests: a header row, then one song per row. The separator is a tab for <c>.tsv</c> files or when
/// the header has tabs but no commas, else a comma. Column names are matched through <see cref="ManifestColumns"/>.
/// </summary>
public static class ManifestCsvReader
{
    /// <summary>Parses <paramref name="text"/> read from <paramref name="path"/> (paths resolve against its folder).</summary>
    /// <exception cref="AlchemyException">No header, or no column that names the audio path.</exception>
    public static Manifest Read(string path, string text)
    {
        string firstLine = text.Split('\n', 2)[0];
        char delim = path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) || (firstLine.Contains('\t') && !firstLine.Contains(',')) ? '\t' : ',';
        var records = Csv.Parse(text, delim);
        if (records.Count == 0) throw new AlchemyException($"manifest '{path}' is empty (expected a header row such as id,path,genre,language)");
        var header = records[0].Select(h => h.Trim()).ToArray();
        if (!header.Any(h => ManifestColumns.Canonical(h) == "path"))
            throw new AlchemyException($"manifest '{path}': the header ({string.Join(",", header)}) has no audio path column (path, file, audio...)");
        string baseDir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var problems = new List<ManifestProblem>();
        var rows = new List<ManifestRow>();
        for (int r = 1; r < records.Count; r++)
        {
            var rec = records[r];
            if (rec.Length != header.Length)
                problems.Add(new ManifestProblem(r, null, ManifestProblemKind.BadValue,
                    $"has {rec.Length} fields but the header has {header.Length}; {(rec.Length < header.Length ? "missing fields treated as empty" : "extra fields ignored")}", false));
            var fields = header.Select((h, i) => new KeyValuePair<string, string>(h, i < rec.Length ? rec[i] : ""));
            var row = ManifestRowBuilder.Build(r, fields, baseDir, problems);
            if (row != null) rows.Add(row);
        }
        return new Manifest(path, rows, problems);
    }
}
