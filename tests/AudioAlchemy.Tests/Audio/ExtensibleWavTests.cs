using System.Text;
using AudioAlchemy.Audio;

namespace AudioAlchemy.Tests.Audio;

/// <summary>WAVE_FORMAT_EXTENSIBLE (0xFFFE) files, as DAWs write for 24-bit or multichannel audio.</summary>
public class ExtensibleWavTests
{
    [Fact]
    public void ThreeChannel24BitExtensible_LoadsAndAveragesChannels()
    {
        using var dir = TestData.TempDir();
        const int sr = 48000, n = 4800;
        var ch = new[] { TestData.Sine(440, sr, 0.1, 0.5), TestData.Sine(660, sr, 0.1, 0.25), TestData.Sine(880, sr, 0.1, 0.125) };
        var path = dir.File("wavex.wav");
        File.WriteAllBytes(path, Extensible24(ch, sr));
        var info = AudioFile.Info(path);
        Assert.Equal(3, info.Channels);
        Assert.Equal(n, info.Frames);
        var multi = AudioFile.Load(path, sr: null, mono: false);
        for (int c = 0; c < 3; c++)
            for (int i = 0; i < n; i++)
                Assert.True(Math.Abs(multi.Channels[c][i] - ch[c][i]) < 1.0 / (1 << 22), $"ch{c}[{i}]");
        var mono = AudioFile.Load(path, sr: null).Samples;
        Assert.Equal((multi.Channels[0][123] + multi.Channels[1][123] + multi.Channels[2][123]) / 3f, mono[123]);
        var resampled = AudioFile.Load(path).Samples;
        Assert.Equal((int)Math.Ceiling(n * (22050.0 / 48000)), resampled.Length);
    }

    private static byte[] Extensible24(float[][] channels, int rate)
    {
        int ch = channels.Length, n = channels[0].Length, block = 3 * ch, dataBytes = n * block;
        using var ms = new MemoryStream();
        using var w = new BinaryWriter(ms, Encoding.ASCII);
        w.Write("RIFF"u8.ToArray()); w.Write(4 + 8 + 40 + 8 + dataBytes); w.Write("WAVE"u8.ToArray());
        w.Write("fmt "u8.ToArray()); w.Write(40);
        w.Write((ushort)0xFFFE); w.Write((short)ch); w.Write(rate); w.Write(rate * block); w.Write((short)block); w.Write((short)24);
        w.Write((short)22); w.Write((short)24); w.Write(0x7); // cbSize, valid bits, channel mask FL|FR|FC
        w.Write(new Guid("00000001-0000-0010-8000-00aa00389b71").ToByteArray()); // KSDATAFORMAT_SUBTYPE_PCM
        w.Write("data"u8.ToArray()); w.Write(dataBytes);
        for (int i = 0; i < n; i++)
            for (int c = 0; c < ch; c++)
            {
                int v = (int)Math.Round(Math.Clamp(channels[c][i], -1f, 1f) * 8388607);
                w.Write((byte)(v & 0xff)); w.Write((byte)((v >> 8) & 0xff)); w.Write((byte)((v >> 16) & 0xff));
            }
        return ms.ToArray();
    }
}
