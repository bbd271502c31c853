using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AudioAlchemy.Audio;

/// <summary>Reads NumPy <c>.npy</c> files (format 1.0–3.0; float32/float64, int8–64, uint8–64, bool; C or Fortran order, returned in C order) and writes float32/float64 in C order.</summary>
public static partial class Npy
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Reads a .npy file.</summary>
    /// <exception cref="AlchemyException">Not a .npy file, Fortran order, or an unsupported dtype; names the file.</exception>
    public static NpyArray Read(string path)
    {
        InputFile.RequireReadable(path);
        byte[] b = File.ReadAllBytes(path);
        if (b.Length < 10 || !b.AsSpan(0, 6).SequenceEqual(Magic)) throw new AlchemyException($"{path}: not a .npy file (bad magic)");
        int major = b[6];
        if (major is < 1 or > 3) throw new AlchemyException($"{path}: unsupported .npy format version {major}");
        long headerLen;
        int headerStart;
        if (major == 1) { headerLen = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(8)); headerStart = 10; }
        else
        {
            if (b.Length < 12) throw new AlchemyException($"{path}: truncated .npy header");
            headerLen = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(8)); headerStart = 12;
        }
        if (headerStart + headerLen > b.Length) throw new AlchemyException($"{path}: truncated .npy header");
        string header = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(b, headerStart, (int)headerLen);
        string descr = DescrRegex().Match(header) is { Success: true } m1 ? m1.Groups[1].Value : throw new AlchemyException($"{path}: .npy header has no descr");
        bool fortran = FortranRegex().Match(header) is { Success: true } m2 && m2.Groups[1].Value == "True";
        var shapeText = ShapeRegex().Match(header) is { Success: true } m3 ? m3.Groups[1].Value : throw new AlchemyException($"{path}: .npy header has no shape");
        var dims = shapeText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var shape = new int[dims.Length];
        for (int d = 0; d < dims.Length; d++)
            if (!int.TryParse(dims[d], NumberStyles.None, CultureInfo.InvariantCulture, out shape[d]))
                throw new AlchemyException($"{path}: .npy shape ({shapeText}): dimension '{dims[d]}' is not an integer in 0..{int.MaxValue}");
        string t = descr.TrimStart('<', '>', '|', '=');
        if (t.Length < 2 || !int.TryParse(t[1..], NumberStyles.None, CultureInfo.InvariantCulture, out int size) || size is < 1 or > 8)
            throw new AlchemyException($"{path}: unsupported .npy dtype '{descr}'");
        var raw = b.AsSpan(headerStart + (int)headerLen);
        // Compare with the bytes present before allocating: a header claiming (128, 10^12) is an error, not an OverflowException.
        System.Numerics.BigInteger need = shape.Aggregate(System.Numerics.BigInteger.One, (a, d) => a * d) * size;
        if (need > raw.Length) throw new AlchemyException($"{path}: shape ({shapeText}) × {size} bytes = {need} bytes, but the file holds {raw.Length} bytes of data");
        long count = (long)(need / size);
        if (count > Array.MaxLength) throw new AlchemyException($"{path}: shape ({shapeText}) has {count} elements, more than one .NET array holds");
        var data = new double[count];
        bool big = descr[0] == '>';
        for (long i = 0; i < count; i++)
        {
            var s = raw.Slice((int)(i * size), size);
            data[i] = (t[0], size, big) switch
            {
                ('f', 4, false) => BinaryPrimitives.ReadSingleLittleEndian(s),
                ('f', 4, true) => BinaryPrimitives.ReadSingleBigEndian(s),
                ('f', 8, false) => BinaryPrimitives.ReadDoubleLittleEndian(s),
                ('f', 8, true) => BinaryPrimitives.ReadDoubleBigEndian(s),
                ('i', 1, _) => (sbyte)s[0],
                ('u', 1, _) or ('b', 1, _) => s[0],
                ('i', 2, false) => BinaryPrimitives.ReadInt16LittleEndian(s),
                ('i', 4, false) => BinaryPrimitives.ReadInt32LittleEndian(s),
                ('i', 8, false) => BinaryPrimitives.ReadInt64LittleEndian(s),
                ('u', 2, false) => BinaryPrimitives.ReadUInt16LittleEndian(s),
                ('u', 4, false) => BinaryPrimitives.ReadUInt32LittleEndian(s),
                ('u', 8, false) => BinaryPrimitives.ReadUInt64LittleEndian(s),
                _ => throw new AlchemyException($"{path}: unsupported .npy dtype '{descr}'"),
            };
        }
        return new NpyArray(shape, fortran ? FortranToC(data, shape) : data, descr);
    }

    /// <summary>Reorders column-major (Fortran) data of <paramref name="shape"/> into row-major (C) order.</summary>
    private static double[] FortranToC(double[] f, int[] shape)
    {
        if (shape.Length < 2) return f;
        var c = new double[f.Length];
        var idx = new int[shape.Length];
        for (long k = 0; k < f.LongLength; k++)
        {
            long fo = 0, stride = 1;
            for (int d = 0; d < shape.Length; d++) { fo += idx[d] * stride; stride *= shape[d]; }
            c[k] = f[fo];
            for (int d = shape.Length - 1; d >= 0; d--) { if (++idx[d] < shape[d]) break; idx[d] = 0; }
        }
        return c;
    }

    /// <summary>Writes float32 data of the given shape (default: 1-D).</summary>
    public static void Write(string path, ReadOnlySpan<float> data, params int[] shape)
    {
        var bytes = new byte[data.Length * 4];
        for (int i = 0; i < data.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), data[i]);
        WriteRaw(path, "<f4", shape.Length == 0 ? [data.Length] : shape, data.Length, bytes);
    }

    /// <summary>Writes float64 data of the given shape (default: 1-D).</summary>
    public static void Write(string path, ReadOnlySpan<double> data, params int[] shape)
    {
        var bytes = new byte[data.Length * 8];
        for (int i = 0; i < data.Length; i++) BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * 8), data[i]);
        WriteRaw(path, "<f8", shape.Length == 0 ? [data.Length] : shape, data.Length, bytes);
    }

    /// <summary>Writes a 2-D float32 array given as rows (shape rows × cols).</summary>
    public static void Write(string path, float[][] rows)
    {
        int cols = rows.Length == 0 ? 0 : rows[0].Length;
        var flat = new float[rows.Length * cols];
        for (int i = 0; i < rows.Length; i++)
        {
            if (rows[i].Length != cols) throw new ParameterException("rows have different lengths");
            rows[i].CopyTo(flat, i * cols);
        }
        Write(path, flat, rows.Length, cols);
    }

    private static void WriteRaw(string path, string descr, int[] shape, long count, byte[] data)
    {
        if (shape.Aggregate(1L, (a, d) => a * d) != count) throw new ParameterException($"shape ({string.Join(", ", shape)}) does not hold {count} values");
        string shapeText = shape.Length == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";
        string dict = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {shapeText}, }}";
        int total = 10 + dict.Length + 1;
        int pad = (64 - total % 64) % 64;
        string header = dict + new string(' ', pad) + "\n";
        AtomicFile.Write(path, tmp =>
        {
            using var fs = File.Create(tmp);
            fs.Write(Magic);
            fs.WriteByte(1); fs.WriteByte(0);
            Span<byte> len = stackalloc byte[2];
            BinaryPrimitives.WriteUInt16LittleEndian(len, (ushort)header.Length);
            fs.Write(len);
            fs.Write(Encoding.Latin1.GetBytes(header));
            fs.Write(data);
        });
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']+)'")]
    private static partial Regex DescrRegex();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranRegex();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapeRegex();
}
