using AudioAlchemy.Separation;

namespace AudioAlchemy.Tests.Separation;

public class RepetSimTests
{
    private const int Sr = 22050;

    [Fact]
    public void NonRepeatingGlide_EndsUpInVocals()
    {
        var (voc, acc, mix) = SyntheticMix.LoopAndGlide(Sr, 12);
        var r = new RepetSimSeparator().Separate(mix, Sr);
        var baseline = BssEvalV4.Track([voc, acc], [mix, mix], Sr);
        var sdr = BssEvalV4.Track([voc, acc], [r.Vocals, r.Accompaniment], Sr);
        Assert.True(sdr[0] - baseline[0] > 6, $"vocals SDR {sdr[0]:0.00} dB vs mixture-as-estimate {baseline[0]:0.00} dB");
        Assert.True(sdr[1] > baseline[1], $"accompaniment SDR {sdr[1]:0.00} dB vs {baseline[1]:0.00} dB");
        double siVoc = SiSdr.Compute(voc, r.Vocals), siMix = SiSdr.Compute(voc, mix);
        Assert.True(siVoc - siMix > 6, $"vocals SI-SDR {siVoc:0.00} vs mixture {siMix:0.00}");
    }

    [Theory]
    [InlineData(22050, 3.3)]
    [InlineData(16000, 5.01)]
    [InlineData(44100, 2.5)]
    public void PreservesLengthAndRate_AndResidualAddsUp(int sr, double seconds)
    {
        var (_, _, mix) = SyntheticMix.LoopAndGlide(sr, seconds);
        var r = new RepetSimSeparator().Separate(mix, sr);
        Assert.Equal(sr, r.SampleRate);
        Assert.Equal(mix.Length, r.Vocals.Length);
        Assert.Equal(mix.Length, r.Accompaniment.Length);
        for (int i = 0; i < mix.Length; i++) Assert.Equal(mix[i], r.Vocals[i] + r.Accompaniment[i], 1e-5f);
    }

    [Fact]
    public void SilentInput_GivesZerosWithoutNaN()
    {
        var r = new RepetSimSeparator().Separate(new float[Sr * 5], Sr);
        Assert.All(r.Vocals, v => Assert.Equal(0f, v));
        Assert.All(r.Accompaniment, v => Assert.Equal(0f, v));
        var m = new RepetSimSeparator(new RepetSimOptions(Accompaniment: AccompanimentMode.Masked, HpssKernel: 31)).Separate(new float[Sr * 5], Sr);
        Assert.All(m.Vocals, v => Assert.Equal(0f, v));
        Assert.All(m.Accompaniment, v => Assert.Equal(0f, v));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(2047)]
    [InlineData(6000)]
    public void VeryShortInput_KeepsLengthAndStaysFinite(int n)
    {
        var y = TestData.Sine(440, Sr, (double)n / Sr);
        Array.Resize(ref y, n);
        foreach (var mode in new[] { AccompanimentMode.Residual, AccompanimentMode.Masked })
        {
            var r = new RepetSimSeparator(new RepetSimOptions(Accompaniment: mode)).Separate(y, Sr);
            Assert.Equal(n, r.Vocals.Length);
            Assert.Equal(n, r.Accompaniment.Length);
            Assert.All(r.Vocals, v => Assert.True(float.IsFinite(v)));
            Assert.All(r.Accompaniment, v => Assert.True(float.IsFinite(v)));
        }
    }

    [Fact]
    public void SameInput_SameOutput_AnyThreadCount()
    {
        var (_, _, mix) = SyntheticMix.LoopAndGlide(Sr, 6);
        var a = new RepetSimSeparator(new RepetSimOptions(MaxThreads: 1)).Separate(mix, Sr);
        var b = new RepetSimSeparator(new RepetSimOptions(MaxThreads: 2)).Separate(mix, Sr);
        Assert.Equal(a.Vocals, b.Vocals);
    }

    [Fact]
    public void InvalidOptions_NameTheParameter()
    {
        var e = Assert.Throws<AlchemyException>(() => new RepetSimSeparator(new RepetSimOptions(MarginVocals: -1)));
        Assert.Contains("MarginVocals", e.Message);
        Assert.Throws<AlchemyException>(() => new RepetSimSeparator().Separate([0f, float.NaN], Sr));
    }
}

public class RepetSimOptionsTests
{
    [Fact]
    public void LibrosaExample_IsTheTextbookSetting_DefaultsDifferOnlyInMeasuredPlaces()
    {
        var ex = RepetSimOptions.LibrosaExample;
        Assert.Equal((2.0, 10.0, 2.0, 0.0), (ex.MarginBackground, ex.MarginVocals, ex.MaskPower, ex.VocalLowHz));
        var d = new RepetSimOptions();
        // librosa's example also masks the background and keeps librosa's own neighbour sets (issue 14).
        Assert.Equal((AccompanimentMode.Masked, true), (ex.Accompaniment, ex.LibrosaLinks));
        Assert.Equal(ex with { MarginVocals = d.MarginVocals, VocalLowHz = d.VocalLowHz, Accompaniment = d.Accompaniment, LibrosaLinks = d.LibrosaLinks }, d);
        Assert.Equal(86, d.WidthFrames(22050)); // librosa.time_to_frames(2, sr=22050) = 86
    }

    [Fact]
    public void BandPrior_RemovesLowBinsFromVocals()
    {
        // A non-repeating glide from 60 to 110 Hz: REPET-SIM alone puts much of it in the vocals; the 150 Hz prior does not.
        int sr = 22050, n = sr * 8;
        var y = new float[n];
        double phase = 0;
        for (int i = 0; i < n; i++) { phase += 2 * Math.PI * (60 + 50.0 * i / n) / sr; y[i] = (float)(0.5 * Math.Sin(phase)); }
        static double Rms(float[] v) => Math.Sqrt(v.Sum(x => (double)x * x) / v.Length);
        double without = Rms(new RepetSimSeparator(new RepetSimOptions(VocalLowHz: 0)).Separate(y, sr).Vocals);
        double with = Rms(new RepetSimSeparator(new RepetSimOptions(VocalLowHz: 150)).Separate(y, sr).Vocals);
        Assert.True(without > 0.05, $"without prior: vocals RMS {without}");
        Assert.True(with < 0.1 * without, $"with prior {with} vs without {without}");
    }
}
