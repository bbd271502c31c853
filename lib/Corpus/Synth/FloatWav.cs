using System.Buffers.Binary;

namespace AudioAlchemy.Corpus.Synth;

/// <summary>
/// Writes mono 32-bit float WAV files byte-for-byte reproducibly (libsndfile adds a PEAK chunk holding the current
/// time to float WAVs, so its output differs between runs). Written to a temporary file, then renamed.
/// </summary>
public static class FloatWav
{
    /// <summary>Writes <paramref name="y"/> (shape (n,)) at <paramref name="sampleRate"/> Hz to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, ReadOnlySpan<float> y, int sampleRate)
    {
        var bytes = Encode(y, sampleRate);
        AtomicFile.WriteAllBytes(path, bytes);
    }

    /// <summary>The WAV bytes: RIFF/WAVE, <c>fmt </c> (IEEE float, 18 bytes), <c>fact</c>, <c>data</c>.</summary>
    public static byte[] Encode(ReadOnlySpan<float> y, int sampleRate)
    {
        int dataBytes = y.Length * 4;
        const int header = 12 + 26 + 12 + 8;
        var b = new byte[header + dataBytes];
        var s = b.AsSpan();
        "RIFF"u8.CopyTo(s);
        BinaryPrimitives.WriteInt32LittleEndian(s[4..], b.Length - 8);
        "WAVE"u8.CopyTo(s[8..]);
        "fmt "u8.CopyTo(s[12..]);
        BinaryPrimitives.WriteInt32LittleEndian(s[16..], 18);
        BinaryPrimitives.WriteInt16LittleEndian(s[20..], 3); // WAVE_FORMAT_IEEE_FLOAT
        BinaryPrimitives.WriteInt16LittleEndian(s[22..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(s[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(s[28..], sampleRate * 4);
        BinaryPrimitives.WriteInt16LittleEndian(s[32..], 4);
        BinaryPrimitives.WriteInt16LittleEndian(s[34..], 32);
        BinaryPrimitives.WriteInt16LittleEndian(s[36..], 0);
        "fact"u8.CopyTo(s[38..]);
        BinaryPrimitives.WriteInt32LittleEndian(s[42..], 4);
        BinaryPrimitives.WriteInt32LittleEndian(s[46..], y.Length);
        "data"u8.CopyTo(s[50..]);
        BinaryPrimitives.WriteInt32LittleEndian(s[54..], dataBytes);
        for (int i = 0; i < y.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(s[(header + 4 * i)..], y[i]);
        return b;
    }
}
