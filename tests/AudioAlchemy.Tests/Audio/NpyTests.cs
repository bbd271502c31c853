using AudioAlchemy.Audio;

namespace AudioAlchemy.Tests.Audio;

public class NpyTests
{
    [Fact]
    public void Float32_2D_RoundTrip()
    {
        using var dir = TestData.TempDir();
        var data = Enumerable.Range(0, 12).Select(i => i * 0.5f - 3).ToArray();
        Npy.Write(dir.File("a.npy"), data, 3, 4);
        var a = Npy.Read(dir.File("a.npy"));
        Assert.Equal([3, 4], a.Shape);
        Assert.Equal("<f4", a.DType);
        Assert.Equal(data, a.ToFloat());
        Assert.Equal(data[1 * 4 + 2], a[1, 2]);
    }

    [Fact]
    public void Float64_RoundTrip_AndHeaderAligned()
    {
        using var dir = TestData.TempDir();
        var data = new[] { Math.PI, -1e-300, double.MaxValue };
        Npy.Write(dir.File("b.npy"), data);
        var bytes = File.ReadAllBytes(dir.File("b.npy"));
        int headerLen = BitConverter.ToUInt16(bytes, 8);
        Assert.Equal(0, (10 + headerLen) % 64);
        Assert.Equal(data, Npy.Read(dir.File("b.npy")).Data);
    }

    [Fact]
    public void Reads_LibrosaFixtures_OfEveryDtype()
    {
        Assert.Equal("<f4", TestData.Npy("trumpet", "y").DType);
        Assert.Equal("<f8", TestData.Npy("trumpet", "zcr").DType);
        Assert.Equal("<i8", TestData.Npy("trumpet", "beats").DType);
        Assert.Equal("|b1", TestData.Npy("trumpet", "pyin_voiced_flag").DType);
        Assert.Equal([1025, 230], TestData.Npy("trumpet", "stft_mag").Shape);
    }

    [Fact]
    public void Rejects_NonNpy_WithFileName()
    {
        using var dir = TestData.TempDir();
        File.WriteAllText(dir.File("x.npy"), "hello world");
        var e = Assert.Throws<AlchemyException>(() => Npy.Read(dir.File("x.npy")));
        Assert.Contains("x.npy", e.Message);
    }
}

public class NpyFortranTests
{
    [Fact]
    public void FortranOrder_IsReturnedInCOrder()
    {
        // librosa's stft_mag fixture is Fortran-ordered (np.abs of the STFT); element [k, t] must be bin k of frame t,
        // so frame 0 of a centred, zero-padded STFT has its energy spread over low bins like every other frame.
        var mag = TestData.Npy("trumpet", "stft_mag");
        Assert.Equal([1025, 230], mag.Shape);
        using var dir = TestData.TempDir();
        var bytes = new List<byte>();
        // Hand-made Fortran array of shape (2, 3): C-order values 0..5 stored column-major.
        string dict = "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }";
        string header = dict.PadRight(64 - 10 - 1) + "\n";
        bytes.AddRange([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, (byte)header.Length, 0]);
        bytes.AddRange(System.Text.Encoding.ASCII.GetBytes(header));
        foreach (var v in new double[] { 0, 3, 1, 4, 2, 5 }) bytes.AddRange(BitConverter.GetBytes(v));
        File.WriteAllBytes(dir.File("f.npy"), bytes.ToArray());
        var a = Npy.Read(dir.File("f.npy"));
        Assert.Equal(new double[] { 0, 1, 2, 3, 4, 5 }, a.Data);
    }
}
