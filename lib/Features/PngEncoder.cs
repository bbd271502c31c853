using System.Buffers.Binary;
using System.IO.Compression;

namespace AudioAlchemy.Features;

/// <summary>
/// A minimal PNG writer (8-bit greyscale or RGB, no interlacing, filter type 0 per scanline, zlib via
/// <see cref="ZLibStream"/>, CRC-32 per chunk), enough for spectrogram images. Files are written atomically (temp + rename).
/// </summary>
public static class PngEncoder
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>PNG bytes for <paramref name="pixels"/>: row-major, top row first, 1 byte per pixel (grey) or 3 (RGB).</summary>
    public static byte[] Encode(ReadOnlySpan<byte> pixels, int width, int height, bool rgb)
    {
        if (width < 1 || height < 1) throw new ParameterException($"image must be at least 1×1 (got {width}×{height})");
        int channels = rgb ? 3 : 1, stride = width * channels;
        if (pixels.Length != (long)stride * height) throw new ParameterException($"expected {stride * height} pixel bytes, got {pixels.Length}");
        using var png = new MemoryStream();
        png.Write(Signature);
        Span<byte> ihdr = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr[4..], height);
        ihdr[8] = 8;                       // bit depth
        ihdr[9] = (byte)(rgb ? 2 : 0);     // colour type: truecolour / greyscale
        ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0; // deflate, adaptive filtering, no interlace
        WriteChunk(png, "IHDR", ihdr);
        using (var raw = new MemoryStream())
        {
            using (var z = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
            {
                for (int y = 0; y < height; y++)
                {
                    z.WriteByte(0);        // filter: none
                    z.Write(pixels.Slice(y * stride, stride));
                }
            }
            WriteChunk(png, "IDAT", raw.GetBuffer().AsSpan(0, (int)raw.Length));
        }
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>Encodes and writes to <paramref name="path"/> atomically (a temp file in the same folder, then renamed).</summary>
    public static void Save(string path, ReadOnlySpan<byte> pixels, int width, int height, bool rgb)
    {
        var bytes = Encode(pixels, width, height, rgb);
        AtomicFile.WriteAllBytes(path, bytes);
    }

    /// <summary>CRC-32 (ISO-HDLC, as in PNG/zlib) of <paramref name="data"/> continuing from <paramref name="crc"/>.</summary>
    public static uint Crc32(ReadOnlySpan<byte> data, uint crc = 0)
    {
        uint c = crc ^ 0xFFFFFFFFu;
        foreach (var b in data) c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFFu;
    }

    private static void WriteChunk(Stream s, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> head = stackalloc byte[8];
        BinaryPrimitives.WriteInt32BigEndian(head, data.Length);
        for (int i = 0; i < 4; i++) head[4 + i] = (byte)type[i];
        s.Write(head);
        s.Write(data);
        uint crc = Crc32(data, Crc32(head[4..]));
        Span<byte> tail = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(tail, crc);
        s.Write(tail);
    }

    private static uint[] BuildCrcTable()
    {
        var t = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }
}
