using AudioAlchemy.Audio;
using AudioAlchemy.Corpus.Batch;
using AudioAlchemy.Features.Frames;

namespace AudioAlchemy.Corpus.Frames;

/// <summary>
/// One .npy per (audio content, frame parameters) under a folder (data/cache/frames/ab/abcd….npy, key = SHA-256 of the
/// file bytes and <see cref="FrameFeatureOptions.CacheKey"/>): shape (kept frames, 1 + dimension), column 0 the STFT frame
/// index. Writes are atomic, unreadable entries are recomputed; empty results are not cached (they are cheap). Thread-safe.
/// </summary>
public sealed class FrameCache(string directory)
{
    /// <summary>The cache folder.</summary>
    public string Directory { get; } = directory;

    /// <summary>Cache key of <paramref name="audioPath"/> under <paramref name="parameters"/>.</summary>
    public static string Key(string audioPath, string parameters) => FeatureCache.Key(audioPath, parameters);

    private string PathOf(string key) => Path.Combine(Directory, key[..2], key + ".npy");

    /// <summary>The cached frames of <paramref name="key"/> (dimension <paramref name="dimension"/>), or null.</summary>
    public FrameFeatures? TryGet(string key, int dimension, int totalFrames)
    {
        var p = PathOf(key);
        if (!File.Exists(p)) return null;
        try
        {
            var a = Npy.Read(p);
            if (a.Shape.Length != 2 || a.Shape[1] != dimension + 1) return null;
            int n = a.Shape[0];
            var rows = new float[n][];
            var index = new int[n];
            for (int i = 0; i < n; i++)
            {
                index[i] = (int)a[i, 0];
                var r = new float[dimension];
                for (int j = 0; j < dimension; j++) r[j] = (float)a[i, j + 1];
                rows[i] = r;
            }
            return new FrameFeatures(rows, index, totalFrames, null);
        }
        catch (Exception e) when (e is IOException or AlchemyException or FormatException or InvalidDataException or AudioFileException) { return null; }
    }

    /// <summary>Stores non-empty <paramref name="features"/> under <paramref name="key"/> atomically.</summary>
    public void Put(string key, FrameFeatures features)
    {
        if (features.IsEmpty) return;
        var rows = features.Frames.Select((r, i) => (float[])[features.FrameIndex[i], .. r]).ToArray();
        Npy.Write(PathOf(key), rows);
    }
}
