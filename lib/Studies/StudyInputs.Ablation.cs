using AudioAlchemy.Separation;
using AudioAlchemy.Corpus;
using AudioAlchemy.Corpus.Batch;
using AudioAlchemy.Models.MaskNet;

namespace AudioAlchemy.Studies;

public static partial class StudyInputs
{
    /// <summary>
    /// Separates every song of <paramref name="corpusManifest"/> with <paramref name="separator"/> (<see cref="SeparatorChoice"/>:
    /// <c>best</c> = the shipped learned model, else REPET-SIM; one thread per song, all cores) and returns the ablation
    /// manifest (3 rows per song, track_type 0/1/2), named after the corpus folder and the separator
    /// (<c>manifest-CORPUS.csv</c> for REPET-SIM, <c>manifest-CORPUS-learned.csv</c> for the learned one).
    /// </summary>
    public static string Ablate(string corpusManifest, string dataDir, Action<string>? log = null, string separator = "best")
    {
        var manifest = Manifest.Load(corpusManifest);
        string corpusName = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(corpusManifest)))!;
        string method = SeparatorChoice.Resolve(separator);
        int cores = Environment.ProcessorCount;
        var builder = new AblationBuilder(SeparatorChoice.Factory(method, cores > 1 ? 1 : null),
            new AblationOptions(new DataLayout(dataDir).Ablation, ParallelFiles: cores,
                ManifestName: method == "repet-sim" ? $"manifest-{corpusName}.csv" : $"manifest-{corpusName}-{method}.csv"));
        var r = builder.Build(manifest);
        foreach (var s in r.Skipped) log?.Invoke($"skipped row {s.Row} ({s.Id}): {s.Reason}");
        log?.Invoke($"ablation ({method}): {r.Separated} separated, {r.Cached} from cache, {r.Skipped.Count} skipped → {r.ManifestPath}");
        if (r.Separated + r.Cached == 0) throw new AlchemyException($"{corpusManifest}: no song could be separated");
        return r.ManifestPath;
    }
}
