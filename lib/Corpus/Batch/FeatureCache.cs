using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AudioAlchemy.Features;

namespace AudioAlchemy.Corpus.Batch;

/// <summary>
/// One small JSON file per (file content, parameters) under a cache folder (e.g. data/cache/features/ab/abcd….json):
/// the key is SHA-256 of the audio bytes combined with the parameter text, so a rerun reads every finished file
/// back and an interrupted run resumes. Writes are atomic (temp file + rename); unreadable entries are recomputed.
/// Thread-safe.
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
        using var sha = SHA256.Create();
        using (var fs = File.OpenRead(audioPath))
        {
            var fileHash = sha.ComputeHash(fs);
            var all = Encoding.UTF8.GetBytes(Convert.ToHexString(fileHash) + "|" + Version + "|" + parameters);
            return Convert.ToHexString(SHA256.HashData(all)).ToLowerInvariant();
        }
    }

    private string PathOf(string key) => System.IO.Path.Combine(Directory, key[..2], key + ".json");

    /// <summary>The cached summary for <paramref name="key"/>, or null.</summary>
    public Table1Summary? TryGet(string key)
    {
        var p = PathOf(key);
        if (!File.Exists(p)) return null;
        try { return JsonSerializer.Deserialize<Table1Summary>(File.ReadAllText(p), Json); }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException) { return null; }
    }

    /// <summary>Stores <paramref name="summary"/> under <paramref name="key"/> atomically.</summary>
    public void Put(string key, Table1Summary summary)
    {
        AtomicFile.WriteAllText(PathOf(key), JsonSerializer.Serialize(summary, Json));
    }
}
