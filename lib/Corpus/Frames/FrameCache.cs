using AudioAlchemy.Audio;
using AudioAlchemy.Features.Frames;

namespace AudioAlchemy.Corpus.Frames;

/// <summary>
/// The frame-feature stage of the <see cref="ContentCache"/>: one .npy per (audio content, frame parameters) under
/// <c>root/frames/ab/abcd….npy</c> (parameters = <see cref="FrameFeatureOptions.CacheKey"/> and the duration): shape
/// (kept frames, 1 + dimension), column 0 the STFT frame index. Writes are atomic, unreadable entries are recomputed;
/// empty results are not cached (they are cheap). Thread-safe.
/// </summary>
public sealed class FrameCache
{
    /// <summary>The stage folder under the cache root.</summary>
    public const string Stage = "frames";

    /// <summary>Version of the cached computation; bump when the frame features' semantics change.</summary>
    public const string Version = "frames-v1";

    private readonly ContentCache _cache;

    /// <summary>Uses the cache root <paramref name="root"/> (entries under <c>root/frames</c>).</summary>
    public FrameCache(string root) => _cache = new ContentCache(root, Stage, Version);

    /// <summary>The stage folder, <c>root/frames</c>.</summary>
    public string Directory => _cache.Folder;

    /// <summary>The entry (.npy path) of <paramref name="audioPath"/>'s content under <paramref name="parameters"/>; FIFOs and devices are refused.</summary>
    public string Key(string audioPath, string parameters) => _cache.PathForFile(audioPath, parameters, "npy");

    /// <summary>The cached frames of <paramref name="key"/> (dimension <paramref name="dimension"/>), or null.</summary>
    public FrameFeatures? TryGet(string key, int dimension, int totalFrames)
    {
        var p = key;
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
        Npy.Write(key, rows); // atomic (AtomicFile)
    }
}
