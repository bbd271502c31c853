using System.Text.Json;
using AudioAlchemy.Dsp;
using AudioAlchemy.Separation;

namespace AudioAlchemy.Tests.Separation;

/// <summary>
/// librosa 0.11's nn_filter / recurrence_matrix(mode='connectivity') kept-neighbour semantics against the oracle
/// (fixtures from tests/data/reference/nn_filter/make_nn_filter.py, numpy 1.24).
/// </summary>
public class LibrosaNnFilterTests
{
    private static string Dir => Path.Combine(TestData.Root, "reference", "nn_filter");

    private static JsonElement Json(string name) => JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir, name))).RootElement;

    [Fact]
    public void ArgsortOfEqualValuesMatchesNumpysIntrosort()
    {
        foreach (var kv in Json("argsort_ones.json").GetProperty("order").EnumerateObject())
        {
            int m = int.Parse(kv.Name, System.Globalization.CultureInfo.InvariantCulture);
            var expected = kv.Value.EnumerateArray().Select(v => v.GetInt32()).ToArray();
            var ours = NumpySort.Argsort(Enumerable.Repeat(1.0, m).ToArray());
            Assert.Equal(expected, ours.Take(expected.Length).ToArray());
            Assert.Equal(Enumerable.Range(0, m), ours.Order());
        }
    }

    [Fact]
    public void ArgsortSortsDistinctValues()
    {
        var rng = new Random(3);
        var v = Enumerable.Range(0, 1000).Select(_ => rng.NextDouble()).ToArray();
        var order = NumpySort.Argsort(v);
        for (int i = 1; i < order.Length; i++) Assert.True(v[order[i - 1]] <= v[order[i]]);
    }

    private static Matrix ReadS()
    {
        var a = AudioAlchemy.Audio.Npy.Read(Path.Combine(Dir, "S.npy"));
        int rows = a.Shape[0], cols = a.Shape[1];
        var m = new Matrix(rows, cols);
        for (int i = 0; i < rows * cols; i++) m.Data[i] = (float)a.Data[i];
        return m;
    }

    [Fact]
    public void KeptNeighboursAreLibrosas()
    {
        var rec = Json("rec_cols.json");
        var expected = rec.GetProperty("cols").EnumerateArray().Select(c => c.EnumerateArray().Select(v => v.GetInt32()).ToArray()).ToArray();
        var ours = NearestNeighborFilter.LibrosaConnectivityNeighbors(ReadS(), rec.GetProperty("width").GetInt32());
        Assert.Equal(expected.Length, ours.Length);
        int same = Enumerable.Range(0, ours.Length).Count(t => expected[t].SequenceEqual(ours[t]));
        Assert.True(same == ours.Length, $"{ours.Length - same} of {ours.Length} frames keep other neighbours than librosa");
        // The k most similar frames are a different set: the point of the librosa mode.
        var nearest = NearestNeighborFilter.CosineNeighbors(ReadS(), rec.GetProperty("width").GetInt32());
        Assert.True(Enumerable.Range(0, ours.Length).Count(t => !nearest[t].Order().SequenceEqual(ours[t])) > ours.Length / 2);
    }

    [Fact]
    public void MedianFilterMatchesLibrosaNnFilter()
    {
        var expected = AudioAlchemy.Audio.Npy.Read(Path.Combine(Dir, "out.npy")).Data;
        var ours = NearestNeighborFilter.Median(ReadS(), 20, librosaLinks: true);
        double worst = 0;
        for (int i = 0; i < expected.Length; i++) worst = Math.Max(worst, Math.Abs(expected[i] - ours.Data[i]));
        Assert.True(worst < 1e-6, $"max |ours - librosa| = {worst:E2}");
    }
}
