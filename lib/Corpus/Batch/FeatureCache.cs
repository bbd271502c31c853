using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AudioAlchemy.Features;

namespace AudioAlchemy.Corpus.Batch;

/// <summary>
/// One small JSON file per (file content, parameters) under a cache folder (e.g. data/cache/features/ab/abcd….json):
/// the key is SHA-256 of the audio bytes combined with the parameter text, so a rerun reads every finished file
/// back and an interrupted run resumes. Writes are atomic (temp file + rename). An entry that cannot be read, is not
/// JSON, or is JSON without every field of a summary (e.g. <c>{}</c> from a crashed tool) is a cache miss: it is
/// recomputed and overwritten, and <see cref="TryGet(string, out string?)"/> says why. Thread-safe.
/// </summary>
public sealed class FeatureCache
{
    /// <summary>Version of the cached computation; bump when the summary's semantics change.</summary>
    public const string Version = "table1-v1";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>Uses <paramref name="directory"/> (created on first write).</summary>
    public FeatureCache(string directory) => Directory = directory;

    /// <summary>The cache folder.</summary>
    public string Directory { get; }

    /// <summary>The cache key of <paramref name="audioPath"/> under <paramref name="parameters"/> (hex SHA-256).</summary>
    public static string Key(string audioPath, string parameters)
    {
        InputFile.RequireReadable(audioPath); // a FIFO or /dev/zero would block or never end while hashing
        using var sha = SHA256.Create();
        using (var fs = File.OpenRead(audioPath))
        {
            var fileHash = sha.ComputeHash(fs);
            var all = Encoding.UTF8.GetBytes(Convert.ToHexString(fileHash) + "|" + Version + "|" + parameters);
            return Convert.ToHexString(SHA256.HashData(all)).ToLowerInvariant();
        }
    }

    private string PathOf(string key) => System.IO.Path.Combine(Directory, key[..2], key + ".json");

    /// <summary>The cached summary for <paramref name="key"/>, or null when absent.</summary>
    public Table1Summary? TryGet(string key) => TryGet(key, out _);

    /// <summary>
    /// The cached summary for <paramref name="key"/>, or null; <paramref name="invalid"/> is set (and null returned) when an
    /// entry exists but is unreadable or incomplete, naming the entry file and the reason.
    /// </summary>
    public Table1Summary? TryGet(string key, out string? invalid)
    {
        invalid = null;
        var p = PathOf(key);
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
        AtomicFile.WriteAllText(PathOf(key), JsonSerializer.Serialize(summary, Json));
    }
}
