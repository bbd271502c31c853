using System.Globalization;
using Microsoft.Data.Analysis;

namespace AudioAlchemy.Experiments;

/// <summary>
/// Seeded synthetic feature tables in the layout of the real ones, for tests and timing: each track appears as
/// track_type 0 (full), 1 (vocals), 2 (no_vocals); genre shifts the instrumental part, language shifts the vocal
/// part, the full mix carries both; each artist has one genre and one language and a small offset of its own.
/// Columns: track_id, track_type, genre, language, artist, mfcc_mean_0..12, mfcc_std_0..12, spectral_centroid_mean,
/// zcr_mean.
/// </summary>
public static class SyntheticFeatures
{
    /// <summary>Genres used.</summary>
    public static readonly string[] Genres = ["blues", "classical", "disco", "metal", "pop"];

    /// <summary>Languages used.</summary>
    public static readonly string[] Languages = ["en", "es", "fr"];

    /// <summary>Number of MFCC coefficients.</summary>
    public const int NMfcc = 13;

    /// <summary>A table of <paramref name="tracks"/> × 3 rows, <paramref name="artists"/> artists.</summary>
    /// <param name="tracks">Number of tracks.</param>
    /// <param name="artists">Number of artists (each track belongs to one).</param>
    /// <param name="seed">Random seed.</param>
    /// <param name="separation">Distance scale between class means (noise std is 1).</param>
    public static DataFrame Table(int tracks, int artists, int seed, double separation = 0.6) => Build(tracks, artists, seed, separation, 0).Table;

    /// <summary>
    /// The table plus a long-format frame table (columns track_id, track_type, frame, mfcc_0..12) with
    /// <paramref name="frames"/> frames per row, drawn around that row's MFCC means.
    /// </summary>
    public static (DataFrame Table, DataFrame Frames) WithFrames(int tracks, int artists, int seed, int frames, double separation = 0.6) =>
        Build(tracks, artists, seed, separation, frames);

    private static (DataFrame Table, DataFrame Frames) Build(int tracks, int artists, int seed, double separation, int frames)
    {
        if (tracks < 1 || artists < 1) throw new AlchemyException("synthetic table needs at least one track and one artist");
        var rng = new Random(seed);
        int d = 2 * NMfcc + 2;
        double[] Vec(double scale) => Enumerable.Range(0, d).Select(_ => Gauss(rng) * scale).ToArray();
        var genreMean = Genres.Select(_ => Vec(separation)).ToArray();
        var langMean = Languages.Select(_ => Vec(separation)).ToArray();
        var artistGenre = Enumerable.Range(0, artists).Select(a => a % Genres.Length).ToArray();
        var artistLang = Enumerable.Range(0, artists).Select(a => (a % Genres.Length + a / Genres.Length) % Languages.Length).ToArray();
        var artistOffset = Enumerable.Range(0, artists).Select(_ => Vec(0.3)).ToArray();
        var names = new List<string>();
        for (int k = 0; k < NMfcc; k++) names.Add($"mfcc_mean_{k}");
        for (int k = 0; k < NMfcc; k++) names.Add($"mfcc_std_{k}");
        names.Add("spectral_centroid_mean");
        names.Add("zcr_mean");
        var ids = new List<string>(); var types = new List<int>(); var genres = new List<string>(); var langs = new List<string>(); var arts = new List<string>();
        var cols = names.Select(_ => new List<double>()).ToArray();
        var fId = new List<string>(); var fType = new List<int>(); var fIdx = new List<int>(); var fCols = Enumerable.Range(0, NMfcc).Select(_ => new List<double>()).ToArray();
        for (int t = 0; t < tracks; t++)
        {
            int a = rng.Next(artists);
            int g = artistGenre[a], l = artistLang[a];
            string id = "trk" + t.ToString("D5", CultureInfo.InvariantCulture);
            for (int type = 0; type < 3; type++)
            {
                ids.Add(id); types.Add(type); genres.Add(Genres[g]); langs.Add(Languages[l]); arts.Add("artist" + a.ToString("D3", CultureInfo.InvariantCulture));
                var row = new double[d];
                for (int j = 0; j < d; j++)
                {
                    double inst = genreMean[g][j], voc = langMean[l][j];
                    double mean = type switch { 0 => inst + 0.7 * voc, 1 => voc + 0.1 * inst, _ => inst };
                    row[j] = mean + artistOffset[a][j] + Gauss(rng);
                    cols[j].Add(row[j]);
                }
                for (int f = 0; f < frames; f++)
                {
                    fId.Add(id); fType.Add(type); fIdx.Add(f);
                    for (int k = 0; k < NMfcc; k++) fCols[k].Add(row[k] + 1.5 * Gauss(rng));
                }
            }
        }
        var table = new DataFrame([
            new StringDataFrameColumn("track_id", ids), new Int32DataFrameColumn("track_type", types),
            new StringDataFrameColumn("genre", genres), new StringDataFrameColumn("language", langs), new StringDataFrameColumn("artist", arts),
            .. names.Select((n, j) => (DataFrameColumn)new DoubleDataFrameColumn(n, cols[j]))]);
        var frameTable = new DataFrame([
            new StringDataFrameColumn("track_id", fId), new Int32DataFrameColumn("track_type", fType), new Int32DataFrameColumn("frame", fIdx),
            .. Enumerable.Range(0, NMfcc).Select(k => (DataFrameColumn)new DoubleDataFrameColumn($"mfcc_{k}", fCols[k]))]);
        return (table, frameTable);
    }

    private static double Gauss(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
