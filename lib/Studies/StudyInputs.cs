using AudioAlchemy.Corpus.Batch;
using AudioAlchemy.Features;

namespace AudioAlchemy.Studies;

/// <summary>
/// The inputs the study notebooks share, each step cached under the data folder: the full / vocals / no_vocals ablation of a
/// corpus (the best separator: the shipped learned model, else REPET-SIM; <c>data/ablation</c>, keyed by audio content + settings) and the Table-1 feature table of a manifest
/// (<c>data/cache/features</c>, one JSON per file content + parameters). Reruns only read caches.
/// </summary>
public static partial class StudyInputs
{
    /// <summary>
    /// Table-1 features of every (track, track_type) of <paramref name="manifest"/> (all cores, cached), written to
    /// <paramref name="outCsv"/> (.csv or .parquet). <paramref name="trackTypes"/> keeps only those track types (null = all).
    /// Returns the number of rows written; failed files are logged and skipped.
    /// </summary>
    public static int Features(string manifest, string outCsv, string dataDir, IReadOnlySet<int>? trackTypes = null, double? seconds = null,
        Action<string>? log = null)
    {
        var m = CorpusManifestAdapter.Load(manifest);
        foreach (var p in m.Problems) log?.Invoke($"manifest: {p}");
        var jobs = m.Jobs.Where(j => trackTypes is null || trackTypes.Contains(j.TrackType)).ToList();
        return Features(jobs, outCsv, dataDir, seconds, log);
    }

    /// <summary>Table-1 features of explicit <paramref name="jobs"/> (cached), written to <paramref name="outCsv"/>; returns the row count.</summary>
    public static int Features(IReadOnlyList<FeatureJob> jobs, string outCsv, string dataDir, double? seconds = null, Action<string>? log = null)
    {
        var t1 = new Table1Options().Validate();
        var (results, failures) = FeatureBatch.Run(jobs, new FeatureBatchOptions(t1, new DataLayout(dataDir).Cache, seconds));
        foreach (var f in failures) log?.Invoke($"features skipped {f.Job.Label}: {f.Error}");
        if (results.Count == 0) throw new AlchemyException($"features: none of {jobs.Count} files could be analysed");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outCsv))!);
        FeatureTable.Save(results, outCsv, t1.NMfcc);
        log?.Invoke($"features: {results.Count} rows ({results.Count(r => r.FromCache)} from cache), {failures.Count} failed → {outCsv}");
        return results.Count;
    }
}
