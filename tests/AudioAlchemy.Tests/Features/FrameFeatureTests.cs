using AudioAlchemy.Audio;
using AudioAlchemy.Dsp;
using AudioAlchemy.Features;
using AudioAlchemy.Features.Frames;
using Xunit.Abstractions;

namespace AudioAlchemy.Tests.Features;

/// <summary>
/// Frame-level language-ID features: MFCC + delta against librosa 0.11 (tests/data/features/make_frames.py on trumpet
/// at 16 kHz), SDC against a hand-computed example and a numpy implementation, CMVN, gating of silent input, and the
/// thread-safety of a shared MFCC transform.
/// </summary>
public class FrameFeatureTests(ITestOutputHelper output)
{
    private static float[] Trumpet16k() => AudioFile.Load(TestData.Audio("trumpet"), sr: 16000).Samples;

    [Fact]
    public void MfccAndDeltaFrames_MatchLibrosa()
    {
        var expected = Npy.Read(Path.Combine(TestData.Root, "features", "trumpet16k_mfcc20_delta.npy"));
        var x = new FrameFeatureExtractor(new FrameFeatureOptions(Sdc: "none"));
        var m = x.Stack(Trumpet16k());
        Assert.Equal(expected.Shape, new[] { m.Rows, m.Cols });
        // MFCC rows (values up to ~500 for c0): float32 pipeline differences only; delta rows likewise.
        double mfccErr = 0, deltaErr = 0;
        for (int r = 0; r < m.Rows; r++)
            for (int t = 0; t < m.Cols; t++)
            {
                double e = Math.Abs(expected[r, t] - m[r, t]);
                if (r < 20) mfccErr = Math.Max(mfccErr, e); else deltaErr = Math.Max(deltaErr, e);
            }
        output.WriteLine($"max|diff| mfcc {mfccErr:G4}, delta {deltaErr:G4}");
        Assert.True(mfccErr < 2e-2, $"mfcc error {mfccErr}");
        Assert.True(deltaErr < 5e-3, $"delta error {deltaErr}");
    }

    [Fact]
    public void Sdc_MatchesHandComputedExample()
    {
        // c(t) = t² for t = 0..4; N-d-P-k = 1-1-2-2. Block i at frame t: c(t + 2i + 1) − c(t + 2i − 1), indices clamped to 0..4.
        var c = new Matrix(1, 5, [0, 1, 4, 9, 16]);
        var s = ShiftedDelta.Compute(c, new ShiftedDeltaOptions(N: 1, D: 1, P: 2, K: 2));
        Assert.Equal(2, s.Rows);
        Assert.Equal(new float[] { 1, 4, 8, 12, 7 }, s.Row(0).ToArray());   // c1−c0, c2−c0, c3−c1, c4−c2, c4−c3
        Assert.Equal(new float[] { 8, 12, 7, 0, 0 }, s.Row(1).ToArray());   // c3−c1, c4−c2, c4−c3, c4−c4, c4−c4
    }

    [Fact]
    public void Sdc7137_MatchesNumpyOnLibrosaMfcc()
    {
        var expected = Npy.Read(Path.Combine(TestData.Root, "features", "trumpet16k_sdc7137.npy"));
        var mfccDelta = Npy.Read(Path.Combine(TestData.Root, "features", "trumpet16k_mfcc20_delta.npy"));
        int T = mfccDelta.Shape[1];
        var m = new Matrix(20, T);
        for (int r = 0; r < 20; r++) for (int t = 0; t < T; t++) m[r, t] = (float)mfccDelta[r, t];
        var s = ShiftedDelta.Compute(m);
        Assert.Equal(49, s.Rows);
        Assert.True(Parity.MaxAbs(expected, s.Data) < 1e-4);
    }

    [Fact]
    public void Cmvn_GivesZeroMeanUnitVariance()
    {
        var rng = new Random(3);
        var f = Enumerable.Range(0, 500).Select(_ => new float[] { (float)(5 + 3 * rng.NextDouble()), (float)(-2 * rng.NextDouble()), 7f }).ToArray();
        Cmvn.Apply(f);
        for (int j = 0; j < 2; j++)
        {
            double m = f.Average(r => r[j]), v = f.Average(r => (r[j] - m) * (r[j] - m));
            Assert.True(Math.Abs(m) < 1e-5 && Math.Abs(v - 1) < 1e-4, $"dim {j}: mean {m}, var {v}");
        }
        Assert.All(f, r => Assert.Equal(0f, r[2]));   // constant dimension: centred only
    }

    [Theory]
    [InlineData(VoiceActivityMode.Pyin)]
    [InlineData(VoiceActivityMode.Energy)]
    public void SilentSignal_GivesNoFramesAndANote(VoiceActivityMode vad)
    {
        var x = new FrameFeatureExtractor(new FrameFeatureOptions(Vad: vad));
        var r = x.Extract(new float[16000 * 2]);
        Assert.True(r.IsEmpty);
        Assert.Contains("silent", r.Note);
        var shortOne = x.Extract(new float[100]);
        Assert.True(shortOne.IsEmpty);
        Assert.Contains("too short", shortOne.Note);
    }

    [Fact]
    public void PyinGate_KeepsTheVoicedPartOnly()
    {
        // 1 s of a 220 Hz tone, then 1 s of low white noise: pyin keeps (most of) the tone frames, few noise frames.
        var tone = TestData.Sine(220, 16000, 1.0, amp: 0.3);
        var rng = new Random(1);
        var y = tone.Concat(Enumerable.Range(0, 16000).Select(_ => (float)(0.05 * (rng.NextDouble() * 2 - 1)))).ToArray();
        var x = new FrameFeatureExtractor(new FrameFeatureOptions());
        var r = x.Extract(y);
        int half = r.TotalFrames / 2;
        int inTone = r.FrameIndex.Count(i => i < half), inNoise = r.FrameIndex.Count(i => i >= half);
        output.WriteLine($"kept {inTone} tone frames, {inNoise} noise frames of {r.TotalFrames}");
        Assert.True(inTone > 0.8 * half && inNoise < 0.2 * half, $"tone {inTone}, noise {inNoise}, half {half}");
        Assert.Equal(new FrameFeatureOptions().Dimension, r.Frames[0].Length);
        Assert.All(r.Frames, f => Assert.All(f, v => Assert.True(float.IsFinite(v))));
    }

    [Fact]
    public void SharedMfccTransform_InParallel_EqualsSequential()
    {
        // One MfccTransform shared by a PLINQ query over different signals gives exactly the sequential results.
        var t = new MfccTransform(new MfccOptions(20), new MelOptions(16000, 40), new StftOptions(512, 256));
        var signals = Enumerable.Range(0, 16).Select(i => TestData.Sine(110 * (i + 1), 16000, 1.0 + 0.1 * i)).ToArray();
        var sequential = signals.Select(s => t.Compute(s).Data.ToArray()).ToArray();
        var parallel = signals.AsParallel().AsOrdered().WithDegreeOfParallelism(4).Select(s => t.Compute(s).Data.ToArray()).ToArray();
        for (int i = 0; i < signals.Length; i++) Assert.Equal(sequential[i], parallel[i]);
        var x = new FrameFeatureExtractor();
        var seqFrames = signals.Select(s => x.Extract(s)).ToArray();
        var parFrames = signals.AsParallel().AsOrdered().WithDegreeOfParallelism(4).Select(s => x.Extract(s)).ToArray();
        for (int i = 0; i < signals.Length; i++) Assert.Equal(seqFrames[i].FrameIndex, parFrames[i].FrameIndex);
    }

    [Fact]
    public void Options_RejectBadValues()
    {
        Assert.Throws<AlchemyException>(() => new FrameFeatureOptions(NMfcc: 50).Validate());
        Assert.Throws<AlchemyException>(() => new FrameFeatureOptions(Sdc: "7-1-3").Validate());
        Assert.Throws<AlchemyException>(() => new FrameFeatureOptions(Sdc: "30-1-3-7").Validate());
        Assert.Throws<AlchemyException>(() => new FrameFeatureOptions(DeltaWidth: 4).Validate());
        Assert.Equal(20 + 20 + 49, new FrameFeatureOptions().Dimension);
        Assert.Equal(20, new FrameFeatureOptions(DeltaOrder: 0, Sdc: "none").Dimension);
    }
}
