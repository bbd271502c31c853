using AudioAlchemy.Dsp;
using AudioAlchemy.Models.Cnn;
using AudioAlchemy.Models.MaskNet;
using AudioAlchemy.Separation;

namespace AudioAlchemy.Tests.Separation;

[Collection("Torch")]
public class LearnedSeparatorTests
{
    private const int Sr = 22050;
    private static readonly MaskNetStft Stft = new(Sr, 512, 128);

    private static MaskNetModel Untrained(MaskNetKind kind, int seed = 3)
    {
        TorchRuntime.Seed(seed);
        var arch = new MaskNetArchitecture(kind, Stft.Bins, Hidden: 16, Layers: 2, Channels: 4, Depth: 3);
        var m = MaskNetModel.Untrained(arch, Stft);
        m.Network.eval();
        return m;
    }

    private static double AgreementDb(float[] a, float[] b)
    {
        double s = 0, e = 0;
        for (int i = 0; i < a.Length; i++) { s += (double)a[i] * a[i]; e += (double)(a[i] - b[i]) * (a[i] - b[i]); }
        return 10 * Math.Log10(s / Math.Max(e, 1e-30));
    }

    [Fact]
    public void MaskOfOne_ReconstructsTheMixture()
    {
        var (_, _, mix) = SyntheticMix.LoopAndGlide(Sr, 2.3);
        foreach (int chunk in new[] { 7, 50, 100000 })
        {
            var y = ChunkedMasking.Apply(mix, Stft, chunk, 0, S => { var m = new Matrix(S.Rows, S.Cols); m.Data.AsSpan().Fill(1f); return m; });
            Assert.Equal(mix.Length, y.Length);
            for (int i = 0; i < mix.Length; i++) Assert.True(Math.Abs(y[i] - mix[i]) < 1e-5, $"chunk {chunk}, sample {i}: {y[i]} vs {mix[i]}");
        }
    }

    [Fact]
    public void ChunkedMasking_EqualsOnePass_ForAFramewiseMask()
    {
        var (_, _, mix) = SyntheticMix.LoopAndGlide(Sr, 3.1);
        static Matrix Framewise(Matrix S)
        {
            var m = new Matrix(S.Rows, S.Cols);
            for (int i = 0; i < S.Data.Length; i++) m.Data[i] = 1f / (1f + MathF.Exp(-MathF.Log(S.Data[i] + 1e-3f)));
            return m;
        }
        var whole = ChunkedMasking.Apply(mix, Stft, 100000, 0, Framewise);
        var chunked = ChunkedMasking.Apply(mix, Stft, 13, 0, Framewise);
        for (int i = 0; i < mix.Length; i++) Assert.True(Math.Abs(whole[i] - chunked[i]) < 1e-5, $"sample {i}: {whole[i]} vs {chunked[i]}");
    }

    [Fact]
    public void ChunkedInference_EqualsUnchunked()
    {
        var (_, _, mix) = SyntheticMix.LoopAndGlide(Sr, 4);   // 690 frames
        using var unet = Untrained(MaskNetKind.UNet);
        using var oneU = new LearnedSeparator(unet, new LearnedSeparatorOptions(ChunkFrames: 100000), ownsModel: false);
        using var chunkU = new LearnedSeparator(unet, new LearnedSeparatorOptions(ChunkFrames: 100), ownsModel: false);
        var a = oneU.Separate(mix, Sr).Vocals;
        var b = chunkU.Separate(mix, Sr).Vocals;
        Assert.True(AgreementDb(a, b) > 80, $"U-Net chunked vs one pass: {AgreementDb(a, b):0.0} dB"); // finite receptive field: exact up to float rounding

        using var blstm = Untrained(MaskNetKind.Blstm);
        using var oneB = new LearnedSeparator(blstm, new LearnedSeparatorOptions(ChunkFrames: 100000), ownsModel: false);
        using var chunkB = new LearnedSeparator(blstm, new LearnedSeparatorOptions(ChunkFrames: 100, ContextFrames: 128), ownsModel: false);
        var c = oneB.Separate(mix, Sr).Vocals;
        var d = chunkB.Separate(mix, Sr).Vocals;
        Assert.True(AgreementDb(c, d) > 40, $"BLSTM chunked vs one pass: {AgreementDb(c, d):0.0} dB");
    }

    [Fact]
    public void Stems_AddUpToTheMixture_AndKeepLengthAndRate()
    {
        var (_, _, mix) = SyntheticMix.LoopAndGlide(Sr, 1.5);
        using var sep = new LearnedSeparator(Untrained(MaskNetKind.Blstm));
        var r = sep.Separate(mix, Sr);
        Assert.Equal(mix.Length, r.Vocals.Length);
        Assert.Equal(Sr, r.SampleRate);
        for (int i = 0; i < mix.Length; i++) Assert.Equal(mix[i], r.Vocals[i] + r.Accompaniment[i], 5);
        var other = sep.Separate(mix.Where((_, i) => i % 2 == 0).ToArray(), Sr / 2);   // resampled to the model's rate and back
        Assert.Equal((mix.Length + 1) / 2, other.Vocals.Length);
        Assert.All(other.Vocals, v => Assert.True(float.IsFinite(v)));
        Assert.Throws<AlchemyException>(() => sep.Separate([0f, float.NaN], Sr));
    }

    private static StemSet TinyStems()
    {
        var songs = Enumerable.Range(0, 4).Select(k =>
        {
            var (v, a, _) = SyntheticMix.LoopAndGlide(Sr, 2, seed: k + 1, vocalGain: 0.1 + 0.05 * k);
            return new StemSong($"s{k}", v, a);
        }).ToList();
        return new StemSet(songs.Take(3).ToList(), songs.Skip(3).ToList(), [], "0123456789abcdef");
    }

    private static MaskNetTrainOptions Tiny(int epochs, int seed) => new(Epochs: epochs, CropsPerEpoch: 8, BatchSize: 4, CropSeconds: 0.75, Patience: 10,
        ValidationSeconds: 1, Seed: seed, Threads: 1);

    private static readonly MaskNetArchitecture TinyArch = new(MaskNetKind.Blstm, Stft.Bins, Hidden: 16, Layers: 1);

    [Fact]
    public void Training_IsDeterministicWithASeed()
    {
        var data = TinyStems();
        var (_, _, mix) = SyntheticMix.LoopAndGlide(Sr, 1);
        float[] Run(int seed, out double[] losses)
        {
            var r = new MaskNetTrainer(Tiny(2, seed)).Fit(TinyArch, Stft, data, "tiny.csv");
            losses = r.History.Select(h => h.TrainLoss).ToArray();
            using var sep = new LearnedSeparator(r.Model);
            return sep.Separate(mix, Sr).Vocals;
        }
        var a = Run(5, out var la);
        var b = Run(5, out var lb);
        var c = Run(6, out var lc);
        Assert.Equal(la, lb);
        Assert.Equal(a, b);
        Assert.NotEqual(la, lc);
    }

    [Fact]
    public void Ensemble_AveragesTheMembersMasks_AndRefusesDifferentStfts()
    {
        string root = Path.Combine(Path.GetTempPath(), $"masknet-ens-{Guid.NewGuid():N}");
        try
        {
            string a = Path.Combine(root, "a"), b = Path.Combine(root, "b"), c = Path.Combine(root, "c");
            using (var m = Untrained(MaskNetKind.Blstm, 3)) m.Save(a);
            using (var m = Untrained(MaskNetKind.Blstm, 4)) m.Save(b);
            TorchRuntime.Seed(5);
            var other = new MaskNetStft(Sr, 256, 64);
            using (var m = MaskNetModel.Untrained(new MaskNetArchitecture(MaskNetKind.Blstm, other.Bins, Hidden: 16, Layers: 2), other)) m.Save(c);
            var (_, _, mix) = SyntheticMix.LoopAndGlide(Sr, 1.5);
            var S = new Matrix(Stft.Bins, 40);
            var rng = new Random(1);
            for (int i = 0; i < S.Data.Length; i++) S.Data[i] = (float)rng.NextDouble();
            using var sa = LearnedSeparator.FromFolder(a);
            using var sb = LearnedSeparator.FromFolder(b);
            using var same = LearnedSeparator.FromFolders([a, a]);
            using var ab = LearnedSeparator.FromFolders([a, b]);
            Assert.Equal(sa.Separate(mix, Sr).Vocals, same.Separate(mix, Sr).Vocals);   // mean of identical masks = the mask
            var ma = sa.Mask(S).Data;
            var mb = sb.Mask(S).Data;
            var mab = ab.Mask(S).Data;
            Assert.NotEqual(ma, mb);
            for (int i = 0; i < ma.Length; i++) Assert.True(Math.Abs(mab[i] - (ma[i] + mb[i]) / 2) < 1e-6, $"bin-frame {i}");
            Assert.Equal(2, ab.Members.Count);
            Assert.Contains("ensemble", ab.Settings);
            Assert.Contains(" + ", ab.Settings);
            Assert.DoesNotContain("ensemble", sa.Settings);
            var e = Assert.Throws<AlchemyException>(() => LearnedSeparator.FromFolders([a, c]));
            Assert.Contains("one STFT", e.Message);
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, true);
        }
    }

    [Fact]
    public void ModelsOwnWienerPower_IsTheDefault_AndAnExplicitOptionWins()
    {
        string root = Path.Combine(Path.GetTempPath(), $"masknet-wp-{Guid.NewGuid():N}");
        try
        {
            using (var m = Untrained(MaskNetKind.Blstm, 3)) m.Save(root);
            var S = new Matrix(Stft.Bins, 30);
            var rng = new Random(2);
            for (int i = 0; i < S.Data.Length; i++) S.Data[i] = (float)rng.NextDouble();
            float[] MaskWith(double? p) { using var s = LearnedSeparator.FromFolder(root, new LearnedSeparatorOptions(WienerPower: p)); return s.Mask(S).Data; }
            var plain = MaskWith(null);
            var two = MaskWith(2);
            Assert.NotEqual(plain, two);
            string json = Path.Combine(root, MaskNetModel.MetadataFile);
            var meta = System.Text.Json.JsonSerializer.Deserialize<MaskNetMetadata>(File.ReadAllText(json), MaskNetMetadata.Json)!;
            File.WriteAllText(json, System.Text.Json.JsonSerializer.Serialize(meta with { WienerPower = 2 }, MaskNetMetadata.Json));
            Assert.Equal(two, MaskWith(null));      // the model's own p
            Assert.Equal(plain, MaskWith(1));       // explicit 1 wins
            using (var s = LearnedSeparator.FromFolder(root)) Assert.Contains("wiener 2", s.Settings);
            File.WriteAllText(json, System.Text.Json.JsonSerializer.Serialize(meta with { WienerPower = -1 }, MaskNetMetadata.Json));
            Assert.Contains("WienerPower", Assert.Throws<AlchemyException>(() => MaskNetModel.Load(root)).Message);
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, true);
        }
    }

    [Fact]
    public void SaveLoad_RoundTrip_KeepsWeightsAndStftParameters()
    {
        var r = new MaskNetTrainer(Tiny(1, 1)).Fit(TinyArch, Stft, TinyStems(), "tiny.csv");
        string dir = Path.Combine(Path.GetTempPath(), $"masknet-{Guid.NewGuid():N}");
        try
        {
            var (_, _, mix) = SyntheticMix.LoopAndGlide(Sr, 1.2);
            using var before = new LearnedSeparator(r.Model);
            var expected = before.Separate(mix, Sr).Vocals;
            r.Model.Save(dir);
            using var after = LearnedSeparator.FromFolder(dir);
            Assert.Equal(expected, after.Separate(mix, Sr).Vocals);
            var m = after.Model.Metadata;
            Assert.Equal(Stft, m.Stft);
            Assert.Equal("0123456789abcdef", m.ManifestSha256);
            Assert.Equal(TinyArch, m.Architecture);
            Assert.Equal(3, m.TrainSongs);
            Assert.Single(m.History);
            File.WriteAllText(Path.Combine(dir, MaskNetModel.WeightsFile), "not weights");
            var e = Assert.Throws<AlchemyException>(() => MaskNetModel.Load(dir));
            Assert.Contains(MaskNetModel.WeightsFile, e.Message);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
        Assert.Contains("metadata not found", Assert.Throws<AlchemyException>(() => MaskNetModel.Load(dir)).Message);
    }

    [Fact]
    public void Training_ResumesFromItsCheckpoint_AsIfUninterrupted()
    {
        var data = TinyStems();
        string ck = Path.Combine(Path.GetTempPath(), $"masknet-ck-{Guid.NewGuid():N}");
        try
        {
            var straight = new MaskNetTrainer(Tiny(3, 2)).Fit(TinyArch, Stft, data, "tiny.csv");
            using (straight.Model)
            {
                // interrupted after epoch 2 (the checkpoint is written before the epoch is reported)
                Assert.Throws<OperationCanceledException>(() => new MaskNetTrainer(Tiny(3, 2)).Fit(TinyArch, Stft, data, "tiny.csv", ck,
                    onEpoch: e => { if (e.Epoch == 2) throw new OperationCanceledException(); }));
                var resumed = new MaskNetTrainer(Tiny(3, 2)).Fit(TinyArch, Stft, data, "tiny.csv", ck);
                using (resumed.Model)
                {
                    Assert.Equal(3, resumed.History.Count);
                    Assert.Equal(straight.History.Select(h => h.TrainLoss), resumed.History.Select(h => h.TrainLoss));
                    Assert.Equal(straight.History.Select(h => h.ValVocalsSdr), resumed.History.Select(h => h.ValVocalsSdr));
                }
            }
        }
        finally
        {
            if (Directory.Exists(ck)) Directory.Delete(ck, true);
        }
    }

    [Fact]
    public void WarmStart_ContinuesFromTheGivenWeights_AndRefusesAnotherShape()
    {
        var data = TinyStems();
        var (_, _, mix) = SyntheticMix.LoopAndGlide(Sr, 1);
        var first = new MaskNetTrainer(Tiny(2, 4)).Fit(TinyArch, Stft, data, "tiny.csv");
        using (first.Model)
        {
            float[] start;
            using (var s = new LearnedSeparator(first.Model, ownsModel: false)) start = s.Separate(mix, Sr).Vocals;
            // a vanishing learning rate: the warm-started network stays (up to batch-norm statistics) the one it started from,
            // while the same run from scratch is a different, untrained network
            var still = Tiny(1, 9) with { LearningRate = 1e-12 };
            var warm = new MaskNetTrainer(still).Fit(TinyArch, Stft, data, "tiny.csv", init: first.Model);
            var cold = new MaskNetTrainer(still).Fit(TinyArch, Stft, data, "tiny.csv");
            using (warm.Model)
            using (cold.Model)
            {
                float[] w, c;
                using (var s = new LearnedSeparator(warm.Model, ownsModel: false)) w = s.Separate(mix, Sr).Vocals;
                using (var s = new LearnedSeparator(cold.Model, ownsModel: false)) c = s.Separate(mix, Sr).Vocals;
                Assert.True(AgreementDb(start, w) > AgreementDb(start, c) + 10, $"warm {AgreementDb(start, w):0.0} dB, cold {AgreementDb(start, c):0.0} dB");
                Assert.Contains($"best epoch {first.BestEpoch} of 2", warm.Model.Metadata.InitializedFrom);
                Assert.Null(cold.Model.Metadata.InitializedFrom);
            }
            var wider = TinyArch with { Hidden = 24 };
            var e = Assert.Throws<AlchemyException>(() => new MaskNetTrainer(still).Fit(wider, Stft, data, "tiny.csv", init: first.Model));
            Assert.Contains("--init model is blstm h16", e.Message);
        }
    }

    [Fact]
    public void ShippedModel_IsSmall_CarriesItsStftAndTrainingHash_AndSeparates()
    {
        Assert.True(SeparatorChoice.HasShippedModel, "the library is built with models/separator/");
        Assert.Equal("learned", SeparatorChoice.Resolve("best"));
        Assert.Throws<AlchemyException>(() => SeparatorChoice.Resolve("nmf"));
        string bin = Path.Combine(RepoRoot(), "models", "separator", MaskNetModel.WeightsFile);
        Assert.True(new FileInfo(bin).Length <= 20 * 1024 * 1024, "shipped model must stay <= 20 MB");
        var meta = MaskNetModel.ShippedMetadata;
        Assert.Equal(new MaskNetStft(22050, 2048, 512), meta.Stft);
        Assert.Equal(1.5, meta.WienerPower);
        Assert.Equal(64, meta.ManifestSha256.Length);
        Assert.True(meta.BestEpoch >= 1 && meta.History.Length >= meta.BestEpoch);
        using var sep = LearnedSeparator.Shipped();
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(bin))), sep.Model.WeightsSha256);
        var (v, a, mix) = SyntheticMix.LoopAndGlide(Sr, 3);
        var r = sep.Separate(mix, Sr);
        var sc = StemScores.Of(v, a, r.Vocals, r.Accompaniment, Sr);
        var baseline = StemScores.Of(v, a, mix, mix, Sr);
        Assert.True(sc.AccompanimentSdr > baseline.AccompanimentSdr, $"accompaniment SDR {sc.AccompanimentSdr:0.00} vs mixture {baseline.AccompanimentSdr:0.00}");
    }

    private static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "AudioAlchemy.Lib.csproj"))) return d.FullName;
        throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }
}
