namespace AudioAlchemy.Recommendation;

/// <summary>
/// One unit-length vector per song for cosine similarity: the chosen blocks of a <see cref="SongLibrary"/>, each block
/// centred over the songs and scaled to unit length per song, times its weight, concatenated and scaled to unit length
/// again. Blocks of different sizes (a 64-value CNN layer, 10 probabilities, 40 Table-1 features) thus count by their
/// weights, not by their widths; the dot product of two vectors is their cosine similarity.
/// </summary>
public sealed class SongVectors
{
    private SongVectors(float[][] rows, IReadOnlyList<string> blocks)
    {
        Rows = rows;
        BlocksUsed = blocks;
    }

    /// <summary>Unit vectors, one per song (all zeros for a song whose every block is constant).</summary>
    public float[][] Rows { get; }

    /// <summary>The blocks used, in order.</summary>
    public IReadOnlyList<string> BlocksUsed { get; }

    /// <summary>Vector length.</summary>
    public int Dimension => Rows.Length == 0 ? 0 : Rows[0].Length;

    /// <summary>
    /// Vectors of <paramref name="library"/> from every block (or those of <paramref name="blocks"/>), each weighted by
    /// <paramref name="weights"/> (default 1). <paramref name="languageBlind"/> drops the language model's blocks.
    /// </summary>
    public static SongVectors Of(SongLibrary library, IEnumerable<string>? blocks = null, IReadOnlyDictionary<string, double>? weights = null, bool languageBlind = false)
    {
        var names = (blocks ?? library.Blocks).Where(b => !(languageBlind && EmbeddingColumns.IsLanguageBlock(b)))
            .OrderBy(b => Array.IndexOf(EmbeddingColumns.BlockPrefixes, b + "_")).ToList();
        if (names.Count == 0) throw new AlchemyException($"{library.Source}: no embedding blocks left to compare (present: {string.Join(", ", library.Blocks)})");
        int n = library.Count;
        var parts = names.Select(b => Normalised(library.Block(b), weights is not null && weights.TryGetValue(b, out double w) ? w : 1.0)).ToList();
        int dim = parts.Sum(p => p.Length == 0 ? 0 : p[0].Length);
        var rows = new float[n][];
        for (int i = 0; i < n; i++)
        {
            var v = new float[dim];
            int o = 0;
            foreach (var p in parts) { p[i].CopyTo(v, o); o += p[i].Length; }
            Unit(v);
            rows[i] = v;
        }
        return new SongVectors(rows, names);
    }

    /// <summary>Cosine similarity of songs <paramref name="a"/> and <paramref name="b"/>.</summary>
    public double Cosine(int a, int b) => Dot(Rows[a], Rows[b]);

    /// <summary>Dot product.</summary>
    public static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += (double)a[i] * b[i];
        return s;
    }

    /// <summary>Scales <paramref name="v"/> to unit length in place (leaves a zero vector alone).</summary>
    public static void Unit(Span<float> v)
    {
        double s = 0;
        foreach (float x in v) s += (double)x * x;
        if (s <= 0) return;
        float inv = (float)(1 / Math.Sqrt(s));
        for (int i = 0; i < v.Length; i++) v[i] *= inv;
    }

    private static float[][] Normalised(float[][] block, double weight)
    {
        int n = block.Length, d = n == 0 ? 0 : block[0].Length;
        var mean = new double[d];
        foreach (var r in block) for (int j = 0; j < d; j++) mean[j] += r[j];
        for (int j = 0; j < d; j++) mean[j] /= Math.Max(1, n);
        var o = new float[n][];
        for (int i = 0; i < n; i++)
        {
            o[i] = new float[d];
            for (int j = 0; j < d; j++) o[i][j] = (float)(block[i][j] - mean[j]);
            Unit(o[i]);
            for (int j = 0; j < d; j++) o[i][j] *= (float)weight;
        }
        return o;
    }
}
