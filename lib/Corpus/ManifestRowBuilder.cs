using System.Globalization;

namespace AudioAlchemy.Corpus;

/// <summary>Turns one record's fields (column name → text) into a <see cref="ManifestRow"/>, collecting problems.</summary>
internal static class ManifestRowBuilder
{
    /// <summary>Builds the row, or returns null (with a problem) when it has no audio path.</summary>
    public static ManifestRow? Build(int rowNumber, IEnumerable<KeyValuePair<string, string>> fields, string baseDir, List<ManifestProblem> problems,
        string? fallbackId = null)
    {
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        var extra = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, raw) in fields)
        {
            string value = raw.Trim();
            if (value.Length == 0) continue;
            string canon = ManifestColumns.Canonical(name);
            if (ManifestColumns.Written.Contains(canon)) known.TryAdd(canon, value);
            else extra.TryAdd(canon, value);
        }
        string? id = known.GetValueOrDefault("id") ?? fallbackId;
        if (!known.TryGetValue("path", out var path))
        {
            problems.Add(new ManifestProblem(rowNumber, id, ManifestProblemKind.MissingField, "no audio path (column 'path')", true));
            return null;
        }
        if (IsRemote(path))
        {
            problems.Add(new ManifestProblem(rowNumber, id, ManifestProblemKind.BadValue, $"audio path '{path}' is a remote link; download it and give the local file", true));
            return null;
        }
        string full = Manifest.ResolvePath(baseDir, path);
        id ??= Path.GetFileNameWithoutExtension(full);
        double? tempo = null;
        if (known.TryGetValue("tempo_bpm", out var t))
        {
            if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var bpm) && bpm > 0 && double.IsFinite(bpm)) tempo = bpm;
            else problems.Add(new ManifestProblem(rowNumber, id, ManifestProblemKind.BadValue, $"tempo_bpm '{t}' is not a positive number; ignored", false));
        }
        return new ManifestRow(rowNumber, id, full,
            Stem("vocals_path"), Stem("accompaniment_path"),
            known.GetValueOrDefault("artist"), known.GetValueOrDefault("title"), known.GetValueOrDefault("genre"),
            known.GetValueOrDefault("language"), known.GetValueOrDefault("key"), known.GetValueOrDefault("mode"), tempo,
            known.GetValueOrDefault("seed"), known.GetValueOrDefault("track_type"), extra);

        string? Stem(string column) => known.TryGetValue(column, out var p) && !IsRemote(p) ? Manifest.ResolvePath(baseDir, p) : null;
    }

    private static bool IsRemote(string p) =>
        p.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || p.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
