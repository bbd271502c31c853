using AudioAlchemy.Corpus;

namespace AudioAlchemy.Corpus.Batch;

/// <summary>
/// The corpus manifest (<see cref="Manifest"/>, CSV or JSON, see docs/corpus.md) as feature jobs: each row's
/// <c>path</c> gives a job with its <c>track_type</c> (parsed by <see cref="TrackTypes.TryParse"/>; 0 when absent), <c>vocals_path</c> one with track_type 1 and
/// <c>accompaniment_path</c> one with track_type 2. Rows the manifest reader marks unusable become problems.
/// </summary>
public sealed class CorpusManifestAdapter : IFeatureManifest
{
    private CorpusManifestAdapter(string source, List<FeatureJob> jobs, List<string> problems)
    {
        Source = source;
        Jobs = jobs;
        Problems = problems;
    }

    /// <inheritdoc/>
    public string Source { get; }

    /// <inheritdoc/>
    public IReadOnlyList<FeatureJob> Jobs { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Reads <paramref name="path"/> with <see cref="Manifest.Load"/>.</summary>
    public static CorpusManifestAdapter Load(string path)
    {
        var m = Manifest.Load(path);
        var problems = m.ReadProblems.Select(p => p.ToString()).ToList();
        var unusable = m.ReadProblems.Where(p => p.RowUnusable).Select(p => p.Row).ToHashSet();
        var jobs = new List<FeatureJob>();
        var seen = new HashSet<(string, int)>();
        foreach (var r in m.Rows)
        {
            if (unusable.Contains(r.RowNumber)) continue;
            int type = string.IsNullOrWhiteSpace(r.TrackType) ? 0 : TrackTypes.TryParse(r.TrackType, out var tt) ? tt.Code() : -1;
            if (type < 0)
            {
                string ts = r.TrackType ?? "";
                problems.Add($"row {r.RowNumber} ({r.Id}): track_type '{ts}' is not 0, 1 or 2");
                continue;
            }
            void Add(int tt, string file)
            {
                if (!seen.Add((r.Id, tt))) { problems.Add($"row {r.RowNumber} ({r.Id}): duplicate (id, track_type {tt})"); return; }
                jobs.Add(new FeatureJob(r.Id, tt, Manifest.ResolvePath(m.BaseDirectory, file), r.Genre, r.Language, r.Artist, r.RowNumber));
            }
            Add(type, r.Path);
            if (r.VocalsPath is { } v) Add(1, v);
            if (r.AccompanimentPath is { } a) Add(2, a);
        }
        return new CorpusManifestAdapter(path, jobs, problems);
    }
}
