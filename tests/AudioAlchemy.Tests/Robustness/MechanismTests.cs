using AudioAlchemy.Dsp;
using AudioAlchemy.Experiments;
using AudioAlchemy.Separation;
using Microsoft.Data.Analysis;

namespace AudioAlchemy.Tests.Robustness;

/// <summary>The shared mechanisms behind the issue-16 fixes, tested directly.</summary>
public class MechanismTests
{
    [Fact]
    public void InputFile_ClassifiesWithoutOpening()
    {
        using var dir = TestData.TempDir();
        File.WriteAllText(dir.File("f.txt"), "x");
        string fifo = HostileInput.Fifo(dir, "p");
        Assert.Equal(InputFileKind.Regular, InputFile.KindOf(dir.File("f.txt")));
        Assert.Equal(InputFileKind.Directory, InputFile.KindOf(dir.Path));
        Assert.Equal(InputFileKind.Fifo, InputFile.KindOf(fifo));
        Assert.Equal(InputFileKind.CharacterDevice, InputFile.KindOf("/dev/zero"));
        Assert.Equal(InputFileKind.Missing, InputFile.KindOf(dir.File("none")));
        Assert.Null(InputFile.Problem(dir.File("f.txt"), out _));
        Assert.Contains("FIFO", Assert.Throws<AlchemyException>(() => InputFile.RequireReadable(fifo)).Message);
    }

    [Fact]
    public void OutputNames_AreUniqueAndStable()
    {
        Assert.Equal(["song", "other"], OutputNames.Unique(["/m/song.wav", "/m/other.mp3"]));
        Assert.Equal(["a.wav", "a.mp3"], OutputNames.Unique(["/d/a.wav", "/d/a.mp3"]));
        Assert.Equal(["a_x", "b_x"], OutputNames.Unique(["/n/a/x.ipynb", "/n/b/x.ipynb"]));
        Assert.Equal(["s", "s-2"], OutputNames.Unique(["/d/s.wav", "/d/s.wav"]));
        var folded = OutputNames.Unique(["/d/A.wav", "/d/a.WAV"]); // same name on a case-insensitive file system
        Assert.Equal(2, folded.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    private static Matrix RandomSpectrogram(int bins, int frames, int seed)
    {
        var rnd = new Random(seed);
        var S = new Matrix(bins, frames);
        for (int i = 0; i < S.Data.Length; i++) S.Data[i] = (float)rnd.NextDouble();
        return S;
    }

    [Fact]
    public void NearestNeighbours_WindowAtLeastTheLengthIsTheWholeSignalPath()
    {
        var S = RandomSpectrogram(24, 90, 1);
        var all = NearestNeighborFilter.CosineNeighbors(S, 5);
        var capped = NearestNeighborFilter.CosineNeighbors(S, 5, null, null, 90, null);
        Assert.Equal(all, capped);
        Assert.Equal(NearestNeighborFilter.Median(S, 5).Data, NearestNeighborFilter.Median(S, 5, null, null, 500, null).Data);
    }

    [Fact]
    public void NearestNeighbours_CappedSearchEqualsBruteForceInsideTheWindow()
    {
        int frames = 200, width = 4, window = 41;
        var S = RandomSpectrogram(16, frames, 2);
        var capped = NearestNeighborFilter.CosineNeighbors(S, width, 6, 1, window, null);
        for (int t = 0; t < frames; t++)
        {
            int lo = Math.Clamp(t - window / 2, 0, frames - window);
            var sims = Enumerable.Range(lo, window).Where(j => Math.Abs(t - j) >= width)
                .Select(j => (j, s: Cosine(S, t, j))).OrderByDescending(x => x.s).ThenBy(x => x.j).Take(6).Select(x => x.j).ToArray();
            Assert.Equal(sims, capped[t]);
        }
    }

    private static float Cosine(Matrix S, int a, int b)
    {
        double na = 0, nb = 0;
        for (int f = 0; f < S.Rows; f++) { na += (double)S.Data[f * S.Cols + a] * S.Data[f * S.Cols + a]; nb += (double)S.Data[f * S.Cols + b] * S.Data[f * S.Cols + b]; }
        float dot = 0;
        float ia = (float)(1 / Math.Sqrt(na)), ib = (float)(1 / Math.Sqrt(nb));
        for (int f = 0; f < S.Rows; f++) dot += S.Data[f * S.Cols + a] * ia * (S.Data[f * S.Cols + b] * ib);
        return dot;
    }

    [Fact]
    public void RepetSim_ShortSongsAreUnchangedByTheSearchWindow()
    {
        var y = TestData.Sine(440, 22050, 12, 0.3);
        for (int i = 0; i < y.Length; i++) y[i] += (float)(0.2 * Math.Sin(2 * Math.PI * 97 * i / 22050.0) * ((i / 11025) % 2));
        var capped = new RepetSimSeparator(new RepetSimOptions(MaxThreads: 1)).Separate(y, 22050);
        var whole = new RepetSimSeparator(new RepetSimOptions(MaxThreads: 1, MaxSearchSeconds: null)).Separate(y, 22050);
        Assert.Equal(whole.Vocals, capped.Vocals);
    }

    [Fact]
    public void TableImputer_MeanMedianDrop()
    {
        DataFrame Table() => new(new StringDataFrameColumn("genre", ["a", "b", "a", "b"]),
            new DoubleDataFrameColumn("f", [1.0, null, 2.0, 9.0]), new DoubleDataFrameColumn("g", [1.0, 2.0, 3.0, 4.0]));
        var (mean, notes) = TableImputer.Apply(Table(), ImputeStrategy.Mean, ["genre"]);
        Assert.Equal(4.0, (double)mean.Columns["f"][1]!);
        Assert.Contains("f: 1 of 4", Assert.Single(notes));
        Assert.Equal(2.0, (double)TableImputer.Apply(Table(), ImputeStrategy.Median, ["genre"]).Table.Columns["f"][1]!);
        Assert.Equal(3, TableImputer.Apply(Table(), ImputeStrategy.Drop, ["genre"]).Table.Rows.Count);
        Assert.Empty(TableImputer.Apply(Table(), ImputeStrategy.None, ["genre"]).Notes);
    }

    [Fact]
    public void DatasetBuilder_NamesTheFirstTextCellOfANumericColumn()
    {
        var df = new DataFrame(new StringDataFrameColumn("genre", ["a", "b", "a"]), new StringDataFrameColumn("f", ["1.5", "oops", "2"]),
            new DoubleDataFrameColumn("g", [1.0, 2.0, 3.0]));
        var e = Assert.Throws<AlchemyException>(() => DatasetBuilder.Build(df, new ColumnSelection("genre")));
        Assert.Contains("'f'", e.Message);
        Assert.Contains("row 2", e.Message);
        Assert.Contains("oops", e.Message);
    }
}
