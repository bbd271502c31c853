using AudioAlchemy.Experiments;
using AudioAlchemy.Recommendation;
using Microsoft.Data.Analysis;

namespace AudioAlchemy.Tests.Recommendation;

public class SimilarSongsTests
{
    private static SongLibrary Table(string dir)
    {
        // four songs: a and b point the same way, c is orthogonal, d opposite; languages en, en, es, en
        var df = new DataFrame(
            new StringDataFrameColumn("id", ["a", "b", "c", "d"]),
            new StringDataFrameColumn("title", ["Alpha", "Beta", "Gamma", "Delta"]),
            new StringDataFrameColumn("genre", ["rock", "rock", "jazz", "pop"]),
            new StringDataFrameColumn("language", ["en", "en", "es", "en"]),
            new DoubleDataFrameColumn("tempo", [120.0, 61.0, 118.0, 90.0]),
            new StringDataFrameColumn("key", ["C major", "A minor", "G major", "F# major"]),
            new DoubleDataFrameColumn("t1_x", [1.0, 0.9, 0.0, -1.0]),
            new DoubleDataFrameColumn("t1_y", [0.0, 0.1, 1.0, -1.0]),
            new DoubleDataFrameColumn("p_genre_rock", [0.9, 0.8, 0.1, 0.0]));
        string path = System.IO.Path.Combine(dir, "lib.parquet");
        TableWriter.Save(df, path);
        return SongLibrary.Load(path);
    }

    [Fact]
    public void NearestByCosine_WithExplanations()
    {
        using var dir = TestData.TempDir();
        var lib = Table(dir.Path);
        Assert.Equal(["p_genre", "t1"], lib.Blocks.Order());
        var recs = SimilarSongs.Find(lib, "a", new SimilarSongsOptions(K: 3));
        Assert.Equal(["b", "c", "d"], recs.Select(r => r.Song.Id));
        Assert.True(recs[0].Similarity > 0.9);
        var why = recs[0].Why;
        Assert.True(why.SameGenre);
        Assert.True(why.SameLanguage);
        Assert.Equal(0, why.KeyDistance); // A minor is C major's relative key
        Assert.Equal(122.0 / 120, why.TempoRatio, 12); // 61 BPM is half-time of 122
        Assert.Contains("relative key", recs[0].Text);
        Assert.Contains("another metrical level", recs[0].Text);
        // same song found by title (case-insensitive)
        Assert.Equal("b", SimilarSongs.Find(lib, "alpha", new SimilarSongsOptions(K: 1))[0].Song.Id);
    }

    [Fact]
    public void Explanations_SayWhenGenreOrLanguageIsPredicted()
    {
        Song S(string id, string? genre, string? predGenre, string? lang, string? predLang) => new(id, null, null, null, genre, lang, double.NaN, null, predGenre, predLang);
        string Text(Song q, Song r) => Explanation.Of(q, r).Describe(q, r);
        Assert.Equal("same genre (rock), other language (es vs en)", Text(S("q", "rock", null, "en", null), S("r", "rock", null, "es", null)));
        Assert.Equal("same predicted genre (rock), same predicted language (es)", Text(S("q", null, "rock", null, "es"), S("r", "pop", "rock", null, "es")));
        Assert.Equal("other genre (pop vs rock; the query's is predicted), same language (en; this song's is predicted)",
            Text(S("q", "jazz", "rock", "en", null), S("r", "pop", null, "fr", "en")));
    }

    [Fact]
    public void LanguageFilters()
    {
        using var dir = TestData.TempDir();
        var lib = Table(dir.Path);
        Assert.Equal(["b", "d"], SimilarSongs.Find(lib, "a", new SimilarSongsOptions(K: 5, SameLanguage: true)).Select(r => r.Song.Id));
        Assert.Equal(["c"], SimilarSongs.Find(lib, "a", new SimilarSongsOptions(K: 5, Language: "es")).Select(r => r.Song.Id));
        Assert.Contains("no other song in language 'ko'", Assert.Throws<AlchemyException>(() => SimilarSongs.Find(lib, "a", new SimilarSongsOptions(Language: "ko"))).Message);
    }

    [Fact]
    public void BadInput_ClearErrors()
    {
        using var dir = TestData.TempDir();
        var lib = Table(dir.Path);
        var e = Assert.Throws<AlchemyException>(() => SimilarSongs.Find(lib, "zeta", new SimilarSongsOptions()));
        Assert.Contains("unknown song 'zeta'", e.Message);
        Assert.Contains("--k must be at least 1", Assert.Throws<AlchemyException>(() => SimilarSongs.Find(lib, "a", new SimilarSongsOptions(K: 0))).Message);
        // a Table-1 feature table is not an embedding table
        string plain = dir.File("features.csv");
        File.WriteAllText(plain, "id,genre,tempo,mfcc_mean_0\na,rock,120,1.5\n");
        var noEmb = Assert.Throws<AlchemyException>(() => SongLibrary.Load(plain));
        Assert.Contains("no embedding columns", noEmb.Message);
        Assert.Contains("alchemy embed", noEmb.Message);
        string noId = dir.File("noid.csv");
        File.WriteAllText(noId, "track,t1_x\na,1\n");
        Assert.Contains("no 'id' column", Assert.Throws<AlchemyException>(() => SongLibrary.Load(noId)).Message);
        string text = dir.File("text.csv");
        File.WriteAllText(text, "id,t1_x\na,1\nb,oops\n");
        Assert.Contains("'t1_x' is not numeric (row 2)", Assert.Throws<AlchemyException>(() => SongLibrary.Load(text)).Message);
        string dup = dir.File("dup.csv");
        File.WriteAllText(dup, "id,t1_x\na,1\na,2\n");
        Assert.Contains("appears twice", Assert.Throws<AlchemyException>(() => SongLibrary.Load(dup)).Message);
    }

    [Fact]
    public void KeyAndTempoCloseness()
    {
        Assert.Equal(1, Explanation.KeyFifths("C major", "G major"));
        Assert.Equal(1, Explanation.KeyFifths("C major", "F major"));
        Assert.Equal(0, Explanation.KeyFifths("E minor", "G major"));
        Assert.Equal(6, Explanation.KeyFifths("C major", "F# major"));
        Assert.Null(Explanation.KeyFifths("C major", "H dorian"));
        Assert.Equal(1.0, Explanation.FoldedTempoRatio(120, 60), 12);
        Assert.Equal(1.1, Explanation.FoldedTempoRatio(100, 110), 12);
        Assert.True(double.IsNaN(Explanation.FoldedTempoRatio(0, 110)));
    }
}
