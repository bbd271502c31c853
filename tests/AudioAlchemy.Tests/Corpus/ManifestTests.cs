using AudioAlchemy.Corpus;
using AudioAlchemy.Corpus.Synth;

namespace AudioAlchemy.Tests.Corpus;

public class ManifestTests
{
    private static void Wav(string path, double seconds = 0.2) => FloatWav.Write(path, TestData.Sine(220, 22050, seconds), 22050);

    [Fact]
    public void CsvWithAliasesQuotesAndRelativePathsIsRead()
    {
        using var dir = TestData.TempDir();
        Directory.CreateDirectory(dir.File("audio"));
        Wav(dir.File("audio/a.wav"));
        Wav(dir.File("audio/b, c.wav"));
        File.WriteAllText(dir.File("m.csv"),
            "\uFEFFSong ID,File,Artist,Song Title,Genre,Lang,BPM,Region\r\n" +
            "s1,audio/a.wav,\"Doe, Jane\",\"Say \"\"hi\"\"\",rock,en,120.5,Europe\r\n" +
            "s2,\"audio/b, c.wav\",X,Y,pop,es,fast,\r\n");
        var m = Manifest.Load(dir.File("m.csv"));
        Assert.Equal(2, m.Rows.Count);
        var r = m.Rows[0];
        Assert.Equal(("s1", 1), (r.Id, r.RowNumber));
        Assert.Equal(Path.GetFullPath(dir.File("audio/a.wav")), r.Path);
        Assert.Equal("Doe, Jane", r.Artist);
        Assert.Equal("Say \"hi\"", r.Title);
        Assert.Equal(("rock", "en", 120.5), (r.Genre, r.Language, r.TempoBpm!.Value));
        Assert.Equal("Europe", r.Label("region"));
        Assert.Equal(Path.GetFullPath(dir.File("audio/b, c.wav")), m.Rows[1].Path);
        Assert.Null(m.Rows[1].TempoBpm);
        var bad = Assert.Single(m.ReadProblems);
        Assert.Equal((2, ManifestProblemKind.BadValue, false), (bad.Row, bad.Kind, bad.RowUnusable));
        Assert.Contains("fast", bad.Message);
    }

    [Fact]
    public void WrittenManifestReadsBackTheSameRows()
    {
        using var dir = TestData.TempDir();
        Directory.CreateDirectory(dir.File("sub"));
        var rows = new[]
        {
            new ManifestRow(1, "a", dir.File("mixture/a.wav"), dir.File("vocals/a.wav"), dir.File("accompaniment/a.wav"), "Art", "T, 1", "jazz", "ko", "C#", "minor", 96, "123"),
            new ManifestRow(2, "b", dir.File("b.wav"), Extra: new Dictionary<string, string> { ["region"] = "Asia" }),
        };
        Manifest.WriteCsv(dir.File("sub/m.csv"), rows);
        string text = File.ReadAllText(dir.File("sub/m.csv"));
        Assert.StartsWith("id,path,vocals_path,accompaniment_path,artist,title,genre,language,key,mode,tempo_bpm,seed,track_type,region\n", text);
        Assert.Contains("a,../mixture/a.wav,../vocals/a.wav,../accompaniment/a.wav,Art,\"T, 1\",jazz,ko,C#,minor,96,123,,", text);
        var back = Manifest.Load(dir.File("sub/m.csv"));
        Assert.Equal(rows[0] with { Extra = null }, back.Rows[0] with { Extra = null });
        Assert.Equal("Asia", back.Rows[1].Label("region"));
        Assert.Empty(back.ReadProblems);
    }

    [Fact]
    public void SeedStudyJsonNodeLayoutIsRead()
    {
        using var dir = TestData.TempDir();
        Wav(dir.File("one.wav"));
        Wav(dir.File("two.wav"));
        File.WriteAllText(dir.File("songs.json"), """
        {
          "nodes": [
            { "Audio Links": ["https://youtube.example/watch?v=1", "one.wav"], "Region": "Latin America",
              "Data": { "Artist": "Los Ejemplos", "Song Title": "Uno", "Genre": ["pop", "rock"], "Language": "es", "Views": 12 } },
            { "id": "n2", "audio": "two.wav", "Data": { "Artist": "B", "Song Title": "Dos", "Genre": "jazz" } },
            { "audio": "https://only.example/remote.mp3", "Data": { "Song Title": "Remote" } },
            { "Region": "Nowhere", "Data": { "Song Title": "No audio" } },
            42
          ]
        }
        """);
        var m = Manifest.Load(dir.File("songs.json"));
        Assert.Equal(2, m.Rows.Count);
        var a = m.Rows[0];
        Assert.Equal(("one", 1, Path.GetFullPath(dir.File("one.wav"))), (a.Id, a.RowNumber, a.Path));
        Assert.Equal(("Los Ejemplos", "Uno", "pop", "es"), (a.Artist, a.Title, a.Genre, a.Language));
        Assert.Equal("pop|rock", a.Label("genre_list"));
        Assert.Equal("Latin America", a.Label("region"));
        Assert.Equal("12", a.Label("views"));
        Assert.Equal(("n2", "jazz"), (m.Rows[1].Id, m.Rows[1].Genre));
        Assert.Equal(
            new[] { (3, ManifestProblemKind.BadValue), (4, ManifestProblemKind.MissingField), (5, ManifestProblemKind.Format) },
            m.ReadProblems.Select(p => (p.Row, p.Kind)));
    }

    [Fact]
    public void JsonObjectOfIdToNodeIsRead()
    {
        using var dir = TestData.TempDir();
        Wav(dir.File("x.wav"));
        File.WriteAllText(dir.File("m.json"), """{ "song-7": { "path": "x.wav", "genre": "blues" } }""");
        var r = Assert.Single(Manifest.Load(dir.File("m.json")).Rows);
        Assert.Equal(("song-7", "blues"), (r.Id, r.Genre));
    }

    [Fact]
    public void CheckReportsEveryKindOfProblemWithItsRowAndKeepsTheRestUsable()
    {
        using var dir = TestData.TempDir();
        Wav(dir.File("ok1.wav"));
        Wav(dir.File("ok2.wav"));
        Wav(dir.File("dup.wav"));
        Wav(dir.File("polka.wav"));
        File.WriteAllBytes(dir.File("garbage.wav"), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
        File.WriteAllText(dir.File("m.csv"),
            "id,path,genre,language,vocals_path\n" +
            "a,ok1.wav,rock,en,missing_vocals.wav\n" +   // row 1: usable, stem missing
            "b,nothere.wav,rock,en,\n" +                  // row 2: missing file
            "c,garbage.wav,pop,en,\n" +                   // row 3: unreadable
            "a,dup.wav,pop,es,\n" +                       // row 4: duplicate id
            "d,polka.wav,polka,es,\n" +                   // row 5: unknown label
            "e,,rock,es,\n" +                             // row 6: no path
            "f,ok2.wav,pop,es,\n");                       // row 7: usable
        var m = Manifest.Load(dir.File("m.csv"));
        var report = ManifestChecker.Check(m, new CheckOptions(new Dictionary<string, IReadOnlyList<string>> { ["genre"] = ["rock", "pop", "jazz"] }));
        Assert.Equal(new[] { "a", "f" }, report.Usable.Select(r => r.Id));
        var kinds = report.Problems.Select(p => (p.Row, p.Kind)).ToList();
        Assert.Contains((0, ManifestProblemKind.EmptyClass), kinds);
        Assert.Contains((1, ManifestProblemKind.MissingStem), kinds);
        Assert.Contains((2, ManifestProblemKind.MissingFile), kinds);
        Assert.Contains((3, ManifestProblemKind.UnreadableFile), kinds);
        Assert.Contains((4, ManifestProblemKind.DuplicateId), kinds);
        Assert.Contains((5, ManifestProblemKind.UnknownLabel), kinds);
        Assert.Contains((6, ManifestProblemKind.MissingField), kinds);
        Assert.Contains("jazz", report.Problems.Single(p => p.Kind == ManifestProblemKind.EmptyClass).Message);
        Assert.Contains("row 1", report.Problems.Single(p => p.Kind == ManifestProblemKind.DuplicateId).Message);
        Assert.Equal(new Dictionary<string, int> { ["jazz"] = 0, ["pop"] = 1, ["rock"] = 1 }, report.ClassCounts["genre"]);
        Assert.Equal(new Dictionary<string, int> { ["en"] = 1, ["es"] = 1 }, report.ClassCounts["language"]);
        Assert.Equal(7, report.TotalRows);
        Assert.True(report.AnyUsable);
    }

    [Fact]
    public void NothingUsableIsReportedAsSuch()
    {
        using var dir = TestData.TempDir();
        File.WriteAllText(dir.File("m.csv"), "path,genre\nnope.wav,rock\n");
        var report = ManifestChecker.Check(Manifest.Load(dir.File("m.csv")));
        Assert.False(report.AnyUsable);
        Assert.Equal(ManifestProblemKind.MissingFile, Assert.Single(report.Problems).Kind);
    }

    [Fact]
    public void UnreadableManifestsThrowClearErrors()
    {
        using var dir = TestData.TempDir();
        Assert.Contains("does not exist", Assert.Throws<AlchemyException>(() => Manifest.Load(dir.File("none.csv"))).Message);
        File.WriteAllText(dir.File("h.csv"), "genre,artist\nrock,x\n");
        Assert.Contains("no audio path column", Assert.Throws<AlchemyException>(() => Manifest.Load(dir.File("h.csv"))).Message);
        File.WriteAllText(dir.File("j.json"), "{ not json");
        Assert.Contains("not valid JSON", Assert.Throws<AlchemyException>(() => Manifest.Load(dir.File("j.json"))).Message);
        File.WriteAllText(dir.File("k.json"), "\"just a string\"");
        Assert.Contains("list of song nodes", Assert.Throws<AlchemyException>(() => Manifest.Load(dir.File("k.json"))).Message);
    }

    [Fact]
    public void StemCheckerFlagsSumMismatchAndSilentAccompaniment()
    {
        using var dir = TestData.TempDir();
        int n = 22050 * 2;
        var v = new float[n];
        var a = new float[n];
        for (int i = 0; i < n; i++)
        {
            v[i] = i < n / 2 ? (float)(0.2 * Math.Sin(i * 0.07)) : 0;
            a[i] = (float)(0.3 * Math.Sin(i * 0.01));
        }
        var m = v.Zip(a, (x, y) => x + y).ToArray();
        FloatWav.Write(dir.File("v.wav"), v, 22050);
        FloatWav.Write(dir.File("a.wav"), a, 22050);
        FloatWav.Write(dir.File("m.wav"), m, 22050);
        var row = new ManifestRow(1, "s", dir.File("m.wav"), dir.File("v.wav"), dir.File("a.wav"));
        var good = StemChecker.Measure(row);
        Assert.Empty(StemChecker.Problems(good));
        Assert.Equal(0, good.MaxSumError);
        Assert.InRange(good.VocalActiveFraction, 0.45, 0.55);
        Assert.InRange(good.VocalToAccompanimentDb, 10 * Math.Log10(0.04 / 0.09) - 0.5, 10 * Math.Log10(0.04 / 0.09) + 0.5);

        m[1000] += 0.01f;
        FloatWav.Write(dir.File("m2.wav"), m, 22050);
        FloatWav.Write(dir.File("a0.wav"), new float[n], 22050);
        var bad = StemChecker.Measure(row with { Path = dir.File("m2.wav"), AccompanimentPath = dir.File("a0.wav") });
        var msgs = StemChecker.Problems(bad).Select(p => p.Message).ToList();
        Assert.Contains(msgs, s => s.Contains("mixture differs"));
        Assert.Contains(msgs, s => s.Contains("accompaniment nearly silent"));
    }

    [Fact]
    public void CommittedExampleManifestsParse()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "AudioAlchemy.slnx"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var csv = Manifest.Load(Path.Combine(dir.FullName, "data", "manifests", "example.csv"));
        Assert.Equal(new[] { "song001", "song002", "song003" }, csv.Rows.Select(r => r.Id));
        Assert.True(csv.Rows[1].HasStems);
        Assert.Equal(("Canción, la", 128.0), (csv.Rows[1].Title!, csv.Rows[1].TempoBpm!.Value));
        var json = Manifest.Load(Path.Combine(dir.FullName, "data", "manifests", "example.json"));
        Assert.Equal(new[] { "0001", "0002" }, json.Rows.Select(r => r.Id));
        Assert.Equal(("Song One", "pop", "es", "Latin America"), (json.Rows[0].Title, json.Rows[0].Genre, json.Rows[0].Language, json.Rows[0].Label("region")));
        Assert.Equal("full", json.Rows[1].TrackType);
        Assert.Empty(csv.ReadProblems.Concat(json.ReadProblems));
    }
}
