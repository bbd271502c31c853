using System.Text.Json;
using AudioAlchemy.Features;

namespace AudioAlchemy.Corpus.Batch;

/// <summary>
/// The Table-1 stage of the <see cref="ContentCache"/>: one small JSON file per (file content, parameters) under
/// <c>root/features/ab/abcd….json</c>, so a rerun reads every finished file back and an interrupted run resumes. Writes
/// are atomic (temp file + rename). An entry that cannot be read, is not JSON, or is JSON without every field of a
/// summary (e.g. <c>{}</c> from a crashed tool) is a cache miss: it is recomputed and overwritten, and
/// <see cref="TryGet(string, out string?)"/> says why. Thread-safe.
/// </summary>
public sealed class FeatureCache
{
    /// <summary>The stage folder under the cache root.</summary>
    public const string Stage = "features";

    /// <summary>Version of the cached computation; bump when the summary's semantics change.</summary>
    public const string Version = "table1-v1";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };
    private readonly ContentCache _cache;

    /// <summary>Uses the cache root <paramref name="root"/> (entries under <c>root/features</c>, created on first write).</summary>
    public FeatureCache(string root) => _cache = new ContentCache(root, Stage, Version);

    /// <summary>The stage folder, <c>root/features</c>.</summary>
    public string Directory => _cache.Folder;

    /// <summary>
    /// The entry of <paramref name="audioPath"/>'s content under <paramref name="parameters"/> (the path of its JSON). The
    /// input is checked first: a FIFO or a device throws <see cref="AlchemyException"/> instead of blocking while hashing.
    /// </summary>
    public string Key(string audioPath, string parameters) => _cache.PathForFile(audioPath, parameters, "json");

    /// <summary>The cached summary at entry <paramref name="key"/> (from <see cref="Key"/>), or null when absent.</summary>
    public Table1Summary? TryGet(string key) => TryGet(key, out _);

    /// <summary>
    /// The cached summary for <paramref name="key"/>, or null; <paramref name="invalid"/> is set (and null returned) when an
    /// entry exists but is unreadable or incomplete, naming the entry file and the reason.
    /// </summary>
    public Table1Summary? TryGet(string key, out string? invalid)
    {
        invalid = null;
        var p = key;
        if (!File.Exists(p)) return null;
        try
        {
            var s = JsonSerializer.Deserialize<Table1Summary>(File.ReadAllText(p), Json);
            string? missing = s is null ? "null" : MissingField(s);
            if (missing is null) return s;
            invalid = $"cache entry {p} is incomplete (no '{missing}'); recomputing";
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException or UnauthorizedAccessException)
        {
            invalid = $"cache entry {p} is unreadable ({e.Message}); recomputing";
        }
        return null;
    }

    /// <summary>The first field a complete summary must have that <paramref name="s"/> lacks, or null.</summary>
    private static string? MissingField(Table1Summary s) =>
        s.MfccMean is null ? nameof(s.MfccMean)
        : s.MfccStd is null ? nameof(s.MfccStd)
        : s.FreqEBins is null ? nameof(s.FreqEBins)
        : s.FreqEMeanPower is null ? nameof(s.FreqEMeanPower)
        : !(s.DurationS > 0) ? nameof(s.DurationS)
        : s.Frames <= 0 ? nameof(s.Frames)
        : s.MfccMean.Length == 0 || s.MfccStd.Length != s.MfccMean.Length ? nameof(s.MfccStd)
        : null;

    /// <summary>Stores <paramref name="summary"/> under <paramref name="key"/> atomically.</summary>
    public void Put(string key, Table1Summary summary)
    {
        ContentCache.WriteAllText(key, JsonSerializer.Serialize(summary, Json));
    }
}
