using AudioAlchemy.Audio;
using AudioAlchemy.Corpus.Batch;
using CsCheck;
using static AudioAlchemy.Tests.Robustness.HostileInput;

namespace AudioAlchemy.Tests.Robustness;

/// <summary>
/// Seeded property tests over the WAV and manifest readers with mutated and generated inputs (fixed seed, fixed
/// iteration count, one thread, a 10-s deadline per case): never an unhandled exception, never a hang, always either
/// a result or one error that names the file.
/// </summary>
public class ReaderFuzzTests
{
    private const string Seed = "0N0XIzNsQ0O2";
    private const int Iterations = 300;

    private static readonly byte[][] Wavs = BaseWavs();

    private static byte[][] BaseWavs()
    {
        using var dir = TestData.TempDir();
        var list = new List<byte[]>();
        var tone = TestData.Sine(440, 8000, 0.05);
        foreach (var (enc, ch) in new[] { (AudioEncoding.Pcm16, 1), (AudioEncoding.Float32, 1), (AudioEncoding.Pcm24, 2), (AudioEncoding.Pcm8, 1) })
        {
            string p = dir.File($"{enc}{ch}.wav");
            AudioFile.Save(p, new AudioSignal(Enumerable.Repeat(tone, ch).ToArray(), 8000), new SaveOptions(enc));
            list.Add(File.ReadAllBytes(p));
        }
        return list.ToArray();
    }

    /// <summary>A base WAV with 1–6 edits: byte overwrites (biased to the 64-byte header), a truncation or appended junk.</summary>
    private static readonly Gen<byte[]> MutatedWav =
        Gen.Select(Gen.Int[0, Wavs.Length - 1], Gen.Select(Gen.Int[0, 3], Gen.Int[0, 1 << 20], Gen.Byte).Array[1, 6], (which, edits) =>
        {
            var b = (byte[])Wavs[which].Clone();
            foreach (var (kind, at, value) in edits)
            {
                if (b.Length == 0) break;
                switch (kind)
                {
                    case 0: b[at % Math.Min(64, b.Length)] = value; break;                 // header byte
                    case 1: b[at % b.Length] = value; break;                               // any byte
                    case 2: b = b[..(at % (b.Length + 1))]; break;                         // truncate
                    default: b = [.. b, .. Enumerable.Repeat(value, at % 300)]; break;    // trailing junk
                }
            }
            return b;
        });

    [Fact]
    public void WavReader_NeverThrowsAnythingButOneErrorNamingTheFile()
    {
        using var dir = TestData.TempDir();
        int n = 0;
        MutatedWav.Sample(bytes =>
        {
            string path = dir.File($"case{n++}.wav");
            File.WriteAllBytes(path, bytes);
            var error = Within(10, $"AudioFile.Load of a {bytes.Length}-byte mutated WAV", () => Record.Exception(() =>
            {
                var s = AudioFile.Load(path, sr: null, mono: false);
                Assert.All(s.Channels, c => Assert.All(c, x => Assert.True(float.IsFinite(x) && Math.Abs(x) <= AudioFile.MaxAbsSample)));
            }));
            if (error is not null)
            {
                var e = Assert.IsType<AudioFileException>(error);
                Assert.Contains(path, e.Message);
            }
            File.Delete(path);
        }, seed: Seed, iter: Iterations, threads: 1);
    }

    private static readonly string[] Cells =
    [
        "", "song", "a.wav", "missing.wav", "/dev/zero", "..", "\"quoted, comma\"", "\"unterminated", "0", "1", "2", "7", "-1",
        "vocals", "rock", "en", "1e308", "NaN", "120.5", "Ünïcødé", "a\tb", "\"multi\nline\"", "file:///etc/hostname", "~/x.wav",
        new string('x', 300), "id", "path", ",", ";",
    ];

    private static readonly string[] Headers =
    [
        "id,path", "id,path,track_type,genre,language,artist", "id,path,vocals_path,accompaniment_path", "path", "id", "",
        "id,path,tempo_bpm,key,mode", "id,id,path", "ID,PATH,GENRE",
    ];

    /// <summary>A CSV manifest: one of several headers, then 0–8 rows of 0–7 cells drawn from hostile values.</summary>
    private static readonly Gen<string> CsvManifest =
        Gen.Select(Gen.Int[0, Headers.Length - 1], Gen.Int[0, Cells.Length - 1].Array[0, 7].Array[0, 8], Gen.Bool, (h, rows, crlf) =>
        {
            string nl = crlf ? "\r\n" : "\n";
            return Headers[h] + nl + string.Concat(rows.Select(r => string.Join(',', r.Select(i => Cells[i])) + nl));
        });

    /// <summary>A JSON manifest: a well-formed list of objects with hostile values, sometimes cut short.</summary>
    private static readonly Gen<string> JsonManifest =
        Gen.Select(Gen.Select(Gen.Int[0, 5], Gen.Int[0, Cells.Length - 1]).Array[0, 6].Array[0, 5], Gen.Int[0, 400], Gen.Bool, (rows, cut, truncate) =>
        {
            string[] keys = ["id", "path", "track_type", "genre", "tempo_bpm", "vocals_path"];
            string text = "[" + string.Join(',', rows.Select(r => "{" + string.Join(',', r.Select(kv =>
                $"\"{keys[kv.Item1]}\": {(kv.Item2 % 3 == 0 ? (kv.Item2 * 7).ToString(System.Globalization.CultureInfo.InvariantCulture) : System.Text.Json.JsonSerializer.Serialize(Cells[kv.Item2]))}")) + "}")) + "]";
            return truncate ? text[..Math.Min(cut, text.Length)] : text;
        });

    [Fact]
    public void ManifestReaders_NeverThrowAnythingButOneErrorNamingTheFile()
    {
        using var dir = TestData.TempDir();
        File.WriteAllBytes(dir.File("a.wav"), Wavs[0]);
        int n = 0;
        void Check(string text, string ext)
        {
            string path = dir.File($"m{n++}{ext}");
            File.WriteAllText(path, text);
            var error = Within(10, $"reading the manifest {path}", () => Record.Exception(() =>
            {
                var m = AudioAlchemy.Corpus.Manifest.Load(path);
                Assert.All(m.Rows, r => Assert.False(string.IsNullOrEmpty(r.Id)));
                var jobs = CorpusManifestAdapter.Load(path);
                Assert.All(jobs.Jobs, j => Assert.True(Path.IsPathRooted(j.Path)));
            }));
            if (error is not null)
            {
                var e = Assert.IsAssignableFrom<AlchemyException>(error);
                Assert.Contains(Path.GetFileName(path), e.Message);
            }
            File.Delete(path);
        }
        CsvManifest.Sample(t => Check(t, ".csv"), seed: Seed, iter: Iterations, threads: 1);
        JsonManifest.Sample(t => Check(t, ".json"), seed: Seed, iter: Iterations, threads: 1);
    }
}
