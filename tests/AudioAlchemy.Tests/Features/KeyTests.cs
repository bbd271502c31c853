using AudioAlchemy.Dsp;
using AudioAlchemy.Features;

namespace AudioAlchemy.Tests.Features;

/// <summary>Krumhansl-Schmuckler key: librosa's chroma fixtures give summary.json's keys; generated chords; null cases.</summary>
public class KeyTests
{
    [Theory]
    [InlineData("trumpet")]
    [InlineData("nutcracker")]
    [InlineData("brahms")]
    public void FromChromaFixture_MatchesSummaryKeyAndScores(string clip)
    {
        var c = TestData.Npy(clip, "chroma_stft");
        var chroma = new Matrix(c.Shape[0], c.Shape[1], c.ToFloat());
        var key = Key.Estimate(chroma);
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(TestData.Reference(clip, "summary.json")));
        var r = doc.RootElement;
        Assert.NotNull(key);
        Assert.Equal(r.GetProperty("key").GetProperty("name").GetString(), key!.Name);
        var scores = r.GetProperty("key_correlations");
        for (int i = 0; i < 24; i++)
            Assert.Equal(scores.GetProperty(KeyEstimate.ScoreName(i)).GetDouble(), key.Correlations[i], 12);
    }

    [Fact]
    public void NutcrackerIsEMinor()
    {
        var c = TestData.Npy("nutcracker", "chroma_stft");
        var key = Key.Estimate(new Matrix(12, c.Shape[1], c.ToFloat()))!;
        Assert.Equal(4, key.Tonic);
        Assert.Equal("minor", key.Mode);
        Assert.Equal("E minor", key.Name);
    }

    [Fact]
    public void ConstantChroma_IsNull()
    {
        var m = new Matrix(12, 10);
        Assert.Null(Key.Estimate(m));
        Array.Fill(m.Data, 1f);
        Assert.Null(Key.Estimate(m));
        Assert.Null(Key.Estimate(new Matrix(12, 0)));
    }

    [Fact]
    public void ProfileItself_GivesItsKeyWithCorrelationOne()
    {
        // The minor profile rotated to A (tonic 9) must be recognised as A minor with r = 1.
        var c = new double[12];
        for (int p = 0; p < 12; p++) c[p] = Key.MinorProfile[((p - 9) % 12 + 12) % 12];
        var key = Key.FromChromaMean(c)!;
        Assert.Equal("A minor", key.Name);
        Assert.Equal(1.0, key.Correlation, 12);
    }

    [Fact]
    public void GeneratedCMajorChordProgression_IsCMajor()
    {
        // I–IV–V–I in C with harmonic-rich tones (sawtooth-like sums), 2 s per chord, through chroma_stft.
        int sr = 22050;
        int[][] chords = [[60, 64, 67], [65, 69, 72], [67, 71, 74], [60, 64, 67, 72]];
        var y = new List<float>();
        foreach (var chord in chords)
        {
            int n = 2 * sr;
            for (int i = 0; i < n; i++)
            {
                double v = 0;
                foreach (var midi in chord)
                {
                    double f = 440 * Math.Pow(2, (midi - 69) / 12.0);
                    for (int h = 1; h <= 4; h++) v += Math.Sin(2 * Math.PI * f * h * i / sr) / h;
                }
                y.Add((float)(0.1 * v));
            }
        }
        var chroma = new ChromaStftTransform().Compute(y.ToArray());
        var key = Key.Estimate(chroma);
        Assert.NotNull(key);
        Assert.Equal("C major", key!.Name);
    }
}
