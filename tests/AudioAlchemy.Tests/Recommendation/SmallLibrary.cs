using AudioAlchemy.Recommendation;

namespace AudioAlchemy.Tests.Recommendation;

/// <summary>Hand-made song libraries for recommender tests.</summary>
internal static class SmallLibrary
{
    /// <summary><paramref name="n"/> songs s0.. with a 2-value t1 block (song i at angle i).</summary>
    public static SongLibrary Make(int n) => new(
        Enumerable.Range(0, n).Select(i => new Song($"s{i}", $"Song {i}", "A", null, "rock", "en", 120, "C major", null, null)).ToList(),
        new Dictionary<string, float[][]> { ["t1"] = Enumerable.Range(0, n).Select(i => new[] { (float)Math.Cos(i), (float)Math.Sin(i) }).ToArray() });

    /// <summary>
    /// <paramref name="perCell"/> songs per genre × language cell; the t1 block encodes the genre clearly and the
    /// language weakly; tempo and key vary.
    /// </summary>
    public static SongLibrary Grid(string[] genres, string[] languages, int perCell, int seed = 0)
    {
        var rng = new Random(seed);
        var songs = new List<Song>();
        var rows = new List<float[]>();
        string[] keys = ["C major", "G major", "A minor", "E minor", "F major"];
        foreach (var g in genres)
            foreach (var l in languages)
                for (int k = 0; k < perCell; k++)
                {
                    songs.Add(new Song($"{g}_{l}_{k}", $"{g} {l} {k}", $"artist {g}", null, g, l, 80 + 40 * rng.NextDouble() + 10 * Array.IndexOf(genres, g), keys[rng.Next(keys.Length)], null, null));
                    var v = new float[genres.Length + languages.Length];
                    v[Array.IndexOf(genres, g)] = 1f + 0.3f * (float)rng.NextDouble();
                    v[genres.Length + Array.IndexOf(languages, l)] = 0.2f * (float)rng.NextDouble();
                    for (int j = 0; j < v.Length; j++) v[j] += 0.2f * (float)(rng.NextDouble() - 0.5);
                    rows.Add(v);
                }
        return new SongLibrary(songs, new Dictionary<string, float[][]> { ["t1"] = rows.ToArray() });
    }
}
