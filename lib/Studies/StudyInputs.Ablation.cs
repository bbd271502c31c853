using AudioAlchemy.Corpus;
using AudioAlchemy.Corpus.Batch;
using AudioAlchemy.Separation;

namespace AudioAlchemy.Studies;

public static partial class StudyInputs
{
    /// <summary>
    /// Separates every song of <paramref name="corpusManifest"/> (REPET-SIM with its defaults, one thread per song, all
    /// cores) and returns the ablation manifest (3 rows per song, track_type 0/1/2), named after the corpus folder.
    /// </summary>
    public static string Ablate(string corpusManifest, string dataDir, Action<string>? log = null)
    {
        var manifest = Manifest.Load(corpusManifest);
        string corpusName = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(corpusManifest)))!;
        int cores = Environment.ProcessorCount;
        var builder = new AblationBuilder(() => new RepetSimSeparator(new RepetSimOptions(MaxThreads: cores > 1 ? 1 : null)),
            new AblationOptions(Path.Combine(dataDir, "ablation"), ParallelFiles: cores, ManifestName: $"manifest-{corpusName}.csv"));
        var r = builder.Build(manifest);
        foreach (var s in r.Skipped) log?.Invoke($"skipped row {s.Row} ({s.Id}): {s.Reason}");
        log?.Invoke($"ablation: {r.Separated} separated, {r.Cached} from cache, {r.Skipped.Count} skipped → {r.ManifestPath}");
        if (r.Separated + r.Cached == 0) throw new AlchemyException($"{corpusManifest}: no song could be separated");
        return r.ManifestPath;
    }
}
