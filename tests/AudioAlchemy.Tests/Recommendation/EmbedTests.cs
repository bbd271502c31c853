using AudioAlchemy.Audio;
using AudioAlchemy.Models.Cnn;
using AudioAlchemy.Recommendation;
using AudioAlchemy.Sharding;
using AudioAlchemy.Tests.Cnn;

namespace AudioAlchemy.Tests.Recommendation;

[Collection("Torch")]
public class EmbedTests
{
    private static string Corpus(TempDir dir, bool withMissing)
    {
        double[] hz = [220, 233, 660];
        var lines = new List<string> { "id,path,title,artist,genre,language" };
        for (int i = 0; i < hz.Length; i++)
        {
            AudioFile.Save(dir.File($"s{i}.wav"), TestData.Sine(hz[i], 22050, 2.0), 22050);
            lines.Add($"s{i},s{i}.wav,Tone {i},Osc,{(i < 2 ? "low" : "high")},en");
        }
        if (withMissing) lines.Add("gone,missing.wav,Gone,Osc,low,en");
        string m = dir.File("manifest.csv");
        File.WriteAllLines(m, lines);
        return m;
    }

    [Fact]
    public void Table1Only_WritesStandardisedFeatures_SkipsBadFiles()
    {
        using var dir = TestData.TempDir();
        string manifest = Corpus(dir, withMissing: true);
        string table = dir.File("emb.parquet");
        var r = SongEmbedder.Run(manifest, table, new EmbedOptions(CacheDir: dir.File("cache")));
        Assert.Equal(3, r.Rows);
        Assert.Single(r.Skipped);
        Assert.Contains("gone", r.Skipped[0]);
        var lib = SongLibrary.Load(table);
        Assert.Equal(["t1"], lib.Blocks);
        Assert.Equal(["s0", "s1", "s2"], lib.Songs.Select(s => s.Id));
        Assert.Equal("Tone 1", lib.Songs[1].Title);
        // standardised on load: every t1 column has mean 0 and (unless constant) population std 1 over the songs
        var t1 = lib.Block("t1");
        for (int j = 0; j < t1[0].Length; j++)
        {
            Assert.Equal(0.0, t1.Average(row => row[j]), 5);
            double var = t1.Average(row => (double)row[j] * row[j]);
            Assert.True(Math.Abs(var - 1) < 1e-4 || var == 0, $"{lib.BlockColumns["t1"][j]}: variance {var}");
        }
        // the two low tones are each other's nearest neighbour
        Assert.Equal("s1", SimilarSongs.Find(lib, "s0", new SimilarSongsOptions(K: 1))[0].Song.Id);
    }

    [Fact]
    public void Shards_MergeToTheSingleRunTable()
    {
        using var dir = TestData.TempDir();
        string manifest = Corpus(dir, withMissing: false);
        string single = dir.File("emb.csv");
        SongEmbedder.Run(manifest, single, new EmbedOptions(CacheDir: dir.File("cache")));
        var parts = Enumerable.Range(0, 2).Select(k => SongEmbedder.Run(manifest, single, new EmbedOptions(CacheDir: dir.File("cache")), shard: new ShardSpec(k, 2)).Table).ToList();
        Assert.All(parts, p => Assert.Contains(".parts", p));
        string merged = dir.File("merged.csv");
        TableMerge.Merge(parts, merged);
        Assert.Equal(File.ReadAllText(single), File.ReadAllText(merged));
    }

    [Fact]
    public void NothingEmbeddable_NothingWritten_AndBadOptionsFailFirst()
    {
        using var dir = TestData.TempDir();
        string m = dir.File("m.csv");
        File.WriteAllText(m, "id,path\nx,nope.wav\n");
        string table = dir.File("emb.parquet");
        Assert.Contains("none of 1 songs could be embedded", Assert.Throws<AlchemyException>(() => SongEmbedder.Run(m, table, new EmbedOptions(CacheDir: null))).Message);
        Assert.False(File.Exists(table));
        Assert.Empty(Directory.EnumerateFiles(dir.Path, "*.tmp"));
        Assert.Contains("not a CNN model folder", Assert.Throws<AlchemyException>(() => SongEmbedder.Run(m, table, new EmbedOptions(GenreModel: dir.Path))).Message);
        Assert.Contains("unsupported table format", Assert.Throws<AlchemyException>(() => SongEmbedder.Run(m, dir.File("e.xlsx"), new EmbedOptions())).Message);
    }

    [Fact]
    public void CnnBlocks_ArePenultimateLayerAndTheModelsProbabilities()
    {
        var tracks = TinyData.Tracks(perClass: 2);
        var train = TinyData.Dataset(tracks);
        var options = new CnnTrainOptions(Epochs: 2, Patience: 100, BatchSize: 8, CropsPerTrack: 2, Augment: AugmentOptions.None, Seed: 0, Threads: 1);
        var result = new CnnTrainer(options).Fit(TinyData.Arch(train), train, null);
        using var clf = CnnClassifier.FromTraining(result, train, new MelParams(NMels: TinyData.NMels), options);
        using var dir = TestData.TempDir();
        string model = dir.File("model");
        clf.Save(model);
        // penultimate layer then head is the network's forward pass
        var e = clf.Embed(tracks[0].MelDb);
        Assert.Equal(clf.Model.EmbeddingSize, e.Embedding.Length);
        Assert.Equal(clf.PredictProba(tracks[0].MelDb), e.Probabilities);

        string manifest = Corpus(dir, withMissing: false);
        string table = dir.File("emb.csv");
        var cache = dir.File("cache");
        var r = SongEmbedder.Run(manifest, table, new EmbedOptions(GenreModel: model, CacheDir: cache));
        Assert.Equal(0, r.FromCache);
        var lib = SongLibrary.Load(table);
        Assert.Equal(["emb_genre", "p_genre", "t1"], lib.Blocks.Order());
        Assert.Equal(clf.Model.EmbeddingSize, lib.BlockColumns["emb_genre"].Length);
        Assert.Equal(clf.Classes.Select(c => "p_genre_" + c), lib.BlockColumns["p_genre"]);
        var mel = AudioMel.Extract(dir.File("s2.wav"), clf.Metadata.Mel);
        var expected = clf.PredictProba(mel);
        for (int c = 0; c < expected.Length; c++) Assert.Equal(expected[c], lib.Block("p_genre")[2][c], 5);
        Assert.Equal(clf.Classes[Array.IndexOf(expected, expected.Max())], lib.Songs[2].PredictedGenre);
        // rerun: CNN outputs come from the cache, same table
        string before = File.ReadAllText(table);
        var again = SongEmbedder.Run(manifest, table, new EmbedOptions(GenreModel: model, CacheDir: cache));
        Assert.Equal(3, again.FromCache);
        Assert.Equal(before, File.ReadAllText(table));
    }

    [Fact]
    public void LanguageSeparator_FeedsTheLanguageCnnTheSeparatedVocals_AndKeysTheCacheBySeparator()
    {
        var tracks = TinyData.Tracks(perClass: 2);
        var train = TinyData.Dataset(tracks);
        var options = new CnnTrainOptions(Epochs: 1, Patience: 100, BatchSize: 8, CropsPerTrack: 2, Augment: AugmentOptions.None, Seed: 0, Threads: 1);
        using var clf = CnnClassifier.FromTraining(new CnnTrainer(options).Fit(TinyData.Arch(train), train, null), train, new MelParams(NMels: TinyData.NMels), options, "language");
        using var dir = TestData.TempDir();
        string model = dir.File("lang");
        clf.Save(model);
        string manifest = Corpus(dir, withMissing: false);
        // a tone plus noise, so the separator's vocals differ from the mix
        var noise = new Random(1);
        var y = TestData.Sine(300, 22050, 2.0).Select(v => v + 0.3f * (float)(noise.NextDouble() - 0.5)).ToArray();
        AudioFile.Save(dir.File("s2.wav"), y, 22050);
        string cache = dir.File("cache"), table = dir.File("emb.csv");

        var r = SongEmbedder.Run(manifest, table, new EmbedOptions(LanguageModel: model, CacheDir: cache, LanguageSeparator: "learned"));
        Assert.Equal(0, r.FromCache);
        var lib = SongLibrary.Load(table);
        using var separator = AudioAlchemy.Models.MaskNet.LearnedSeparator.Shipped();
        var (mix, _) = AudioFile.Load(dir.File("s2.wav"), sr: 22050);
        var vocalsMel = AudioMel.Db(separator.Separate(mix, 22050).Vocals, clf.Metadata.Mel);
        var mel = new float[vocalsMel.Rows, vocalsMel.Cols];
        for (int i = 0; i < vocalsMel.Rows; i++) for (int j = 0; j < vocalsMel.Cols; j++) mel[i, j] = vocalsMel[i, j];
        var expected = clf.PredictProba(mel);
        for (int c = 0; c < expected.Length; c++) Assert.Equal(expected[c], lib.Block("p_language")[2][c], 5);
        var fromMix = clf.PredictProba(AudioMel.Extract(dir.File("s2.wav"), clf.Metadata.Mel));
        Assert.NotEqual(fromMix, expected);

        // the full-mix language outputs are cached apart from the separated ones
        Assert.Equal(0, SongEmbedder.Run(manifest, table, new EmbedOptions(LanguageModel: model, CacheDir: cache)).FromCache);
        Assert.Equal(3, SongEmbedder.Run(manifest, table, new EmbedOptions(LanguageModel: model, CacheDir: cache, LanguageSeparator: "learned")).FromCache);
        Assert.Contains("needs --language-model", Assert.Throws<AlchemyException>(() => new EmbedOptions(LanguageSeparator: "learned").Validate()).Message);
        Assert.Contains("expected one of", Assert.Throws<AlchemyException>(() => new EmbedOptions(LanguageModel: model, LanguageSeparator: "magic").Validate()).Message);
    }
}
