using AudioAlchemy.Audio;

namespace AudioAlchemy.Corpus;

/// <summary>
/// Validates a manifest before a long run: missing and unreadable audio, missing stems, duplicate ids, labels outside
/// a known vocabulary, classes left empty, and class counts. Every problem names its row; the remaining rows stay
/// usable (<see cref="ManifestReport.Usable"/>).
/// </summary>
public static class ManifestChecker
{
    /// <summary>Checks <paramref name="manifest"/>.</summary>
    public static ManifestReport Check(Manifest manifest, CheckOptions? options = null)
    {
        options ??= new CheckOptions();
        var problems = new List<ManifestProblem>(manifest.ReadProblems);
        var usable = new List<ManifestRow>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in manifest.Rows)
        {
            bool ok = true;
            if (seen.TryGetValue(row.Id, out int first))
            {
                problems.Add(new ManifestProblem(row.RowNumber, row.Id, ManifestProblemKind.DuplicateId, $"id '{row.Id}' already used by row {first}", true));
                ok = false;
            }
            else seen[row.Id] = row.RowNumber;

            ok &= CheckFile(row, row.Path, "audio", problems, options.CheckAudio, stem: false);
            if (row.VocalsPath != null) CheckFile(row, row.VocalsPath, "vocals stem", problems, options.CheckAudio, stem: true);
            if (row.AccompanimentPath != null) CheckFile(row, row.AccompanimentPath, "accompaniment stem", problems, options.CheckAudio, stem: true);

            if (options.KnownLabels != null)
                foreach (var (label, allowed) in options.KnownLabels)
                {
                    string? value = row.Label(label);
                    if (value == null)
                    {
                        problems.Add(new ManifestProblem(row.RowNumber, row.Id, ManifestProblemKind.MissingField, $"no {label} label", true));
                        ok = false;
                    }
                    else if (!allowed.Contains(value, StringComparer.Ordinal))
                    {
                        problems.Add(new ManifestProblem(row.RowNumber, row.Id, ManifestProblemKind.UnknownLabel,
                            $"{label} '{value}' is not one of {string.Join(", ", allowed)}", true));
                        ok = false;
                    }
                }
            if (ok) usable.Add(row);
        }

        var counts = new Dictionary<string, SortedDictionary<string, int>>(StringComparer.Ordinal);
        var countLabels = (options.CountLabels ?? CheckOptions.DefaultCountLabels).Concat(options.KnownLabels?.Keys ?? []).Distinct();
        foreach (var label in countLabels)
        {
            var c = Manifest.CountClasses(usable, label);
            if (options.KnownLabels != null && options.KnownLabels.TryGetValue(label, out var allowed))
                foreach (var cls in allowed)
                    if (!c.ContainsKey(cls))
                    {
                        c[cls] = 0;
                        problems.Add(new ManifestProblem(0, null, ManifestProblemKind.EmptyClass, $"{label} '{cls}' has no usable row", false));
                    }
            if (c.Count == 1 && c.ContainsKey("(none)")) continue;
            counts[label] = c;
        }
        problems.Sort((a, b) => a.Row.CompareTo(b.Row));
        return new ManifestReport(manifest, usable, problems, counts);
    }

    private static bool CheckFile(ManifestRow row, string path, string what, List<ManifestProblem> problems, bool decode, bool stem)
    {
        var missingKind = stem ? ManifestProblemKind.MissingStem : ManifestProblemKind.MissingFile;
        if (!File.Exists(path))
        {
            problems.Add(new ManifestProblem(row.RowNumber, row.Id, missingKind, $"{what} file '{path}' does not exist", !stem));
            return false;
        }
        if (!decode) return true;
        try
        {
            var info = AudioFile.Info(path);
            if (info.Frames <= 0) throw new AudioFileException(path, AudioErrorKind.Empty, "contains no audio frames");
            return true;
        }
        catch (AlchemyException e)
        {
            problems.Add(new ManifestProblem(row.RowNumber, row.Id, stem ? ManifestProblemKind.MissingStem : ManifestProblemKind.UnreadableFile,
                $"{what} file is unreadable: {e.Message}", !stem));
            return false;
        }
    }
}
