using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using AudioAlchemy.Dsp;
using AudioAlchemy.Features;

namespace AudioAlchemy.Tests.Features;

/// <summary>The dB → [0, 1] mapping, viridis table, PNG encoding (decoded back here chunk by chunk) and tensor layout.</summary>
public class MelImageTests
{
    [Fact]
    public void Normalize_IsTheStatedMapping()
    {
        Assert.Equal(0f, MelImage.Normalize(-80f));
        Assert.Equal(0f, MelImage.Normalize(-120f));
        Assert.Equal(1f, MelImage.Normalize(0f));
        Assert.Equal(0.5f, MelImage.Normalize(-40f));
        Assert.Equal(0f, MelImage.Normalize(float.NaN));
    }

    [Fact]
    public void Normalize_OfMel_EqualsMappingOfLibrosaMelDbMax()
    {
        var mel = TestData.Npy("trumpet", "mel");
        var dbMax = TestData.Npy("trumpet", "mel_db_max");
        var fromMel = MelImage.Normalize(new Matrix(mel.Shape[0], mel.Shape[1], mel.ToFloat()));
        var fromDb = MelImage.NormalizeDb(new Matrix(dbMax.Shape[0], dbMax.Shape[1], dbMax.ToFloat()));
        double worst = 0;
        for (int i = 0; i < fromMel.Data.Length; i++) worst = Math.Max(worst, Math.Abs(fromMel.Data[i] - fromDb.Data[i]));
        Assert.True(worst <= 1e-3 / 80, $"max diff {worst}");   // 1e-3 dB
    }

    [Fact]
    public void Viridis_EndpointsAndLookup()
    {
        Assert.Equal(((byte)68, (byte)1, (byte)84), Viridis.Color8(0));          // #440154
        Assert.Equal(((byte)253, (byte)231, (byte)36), Viridis.Color8(255));     // 0.143936·255 = 36.7, truncated like bytes=True
        Assert.Equal(0, Viridis.Index(0f));
        Assert.Equal(255, Viridis.Index(1f));
        Assert.Equal(127, Viridis.Index(0.4999f));
        Assert.Equal(128, Viridis.Index(0.5f));
    }

    [Fact]
    public void Crc32_KnownVector() => Assert.Equal(0xCBF43926u, PngEncoder.Crc32(Encoding.ASCII.GetBytes("123456789")));

    [Fact]
    public void GreyAndViridisPng_DecodeToThePixels_LowFrequenciesAtTheBottom()
    {
        // 3 bands × 4 frames; band 0 (lowest) = 1.0, band 2 (highest) = 0.0
        var norm = new Matrix(3, 4, [1, 1, 1, 1, 0.5f, 0.5f, 0.5f, 0.5f, 0, 0, 0, 0]);
        using var dir = TestData.TempDir();
        string grey = dir.File("g.png"), vir = dir.File("v.png");
        MelImage.SaveGreyPng(grey, norm);
        MelImage.SaveViridisPng(vir, norm);
        var (w, h, type, px) = Decode(File.ReadAllBytes(grey));
        Assert.Equal((4, 3, 0), (w, h, type));
        Assert.Equal(new byte[] { 0, 0, 0, 0, 128, 128, 128, 128, 255, 255, 255, 255 }, px);
        var (w2, h2, type2, px2) = Decode(File.ReadAllBytes(vir));
        Assert.Equal((4, 3, 2), (w2, h2, type2));
        Assert.Equal(new byte[] { 68, 1, 84 }, px2[..3]);                   // top-left: highest band, v = 0
        Assert.Equal(new byte[] { 253, 231, 36 }, px2[^3..]);              // bottom-right: lowest band, v = 1
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }

    [Fact]
    public void Tensors_HaveImageLayout()
    {
        var norm = new Matrix(2, 3, [1, 1, 1, 0, 0, 0]);
        var g = MelImage.GreyTensor(norm);
        Assert.Equal(new float[] { 0, 0, 0, 1, 1, 1 }, g);
        var v = MelImage.ViridisTensor(norm);
        Assert.Equal(18, v.Length);
        Assert.Equal(0.267004f, v[0]);           // R plane, top row: v = 0
        Assert.Equal(0.906157f, v[6 + 3]);       // G plane, bottom row: v = 1
        Assert.Equal(0.143936f, v[12 + 5]);      // B plane, bottom-right
    }

    /// <summary>Parses a PNG (checks signature and every chunk CRC), inflates IDAT and strips the filter bytes (all 0 here).</summary>
    private static (int W, int H, int ColorType, byte[] Pixels) Decode(byte[] png)
    {
        Assert.Equal(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 }, png[..8]);
        int pos = 8, w = 0, h = 0, type = -1;
        using var idat = new MemoryStream();
        while (pos < png.Length)
        {
            int len = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            string name = Encoding.ASCII.GetString(png, pos + 4, 4);
            var data = png.AsSpan(pos + 8, len);
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(pos + 8 + len));
            Assert.Equal(crc, PngEncoder.Crc32(png.AsSpan(pos + 4, 4 + len)));
            if (name == "IHDR") { w = BinaryPrimitives.ReadInt32BigEndian(data); h = BinaryPrimitives.ReadInt32BigEndian(data[4..]); type = data[9]; Assert.Equal(8, data[8]); }
            if (name == "IDAT") idat.Write(data);
            pos += 12 + len;
        }
        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        z.CopyTo(raw);
        var bytes = raw.ToArray();
        int stride = w * (type == 2 ? 3 : 1);
        var px = new byte[stride * h];
        for (int y = 0; y < h; y++)
        {
            Assert.Equal(0, bytes[y * (stride + 1)]);
            Array.Copy(bytes, y * (stride + 1) + 1, px, y * stride, stride);
        }
        return (w, h, type, px);
    }
}
