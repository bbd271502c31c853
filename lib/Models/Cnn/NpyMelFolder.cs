using System.Text.Json;
using AudioAlchemy.Audio;

namespace AudioAlchemy.Models.Cnn;

/// <summary>
/// A folder of mels in dB as <c>.npy</c> files plus <c>labels.csv</c>. Format:
/// <list type="bullet">
/// <item><c>labels.csv</c>: header <c>file,label</c> or <c>file,label,group</c>; <c>file</c> is a path relative to
/// the folder of a 2-D <c>.npy</c> of shape (n_mels, frames) in dB (float32 or float64); <c>group</c> (artist) is optional.
/// Fields are plain (no quoting); blank lines and lines starting with <c>#</c> are ignored.</item>
/// <item>optional <c>mel_params.json</c>: <see cref="MelParams"/> as JSON (SampleRate, NFft, HopLength, NMels,
/// TopDb); absent = librosa defaults with n_mels taken from the files.</item>
/// </list>
/// Bad rows (missing file, not 2-D, non-finite values, n_mels different from the first track) are skipped and
/// listed in <see cref="Skipped"/>.
/// </summary>
public sealed class NpyMelFolder : IMelSource
{
    private readonly string _folder;
    private readonly List<string> _skipped = [];
    private MelParams? _params;

    /// <summary>Opens <paramref name="folder"/>; throws <see cref="AlchemyException"/> when it or its labels.csv is missing.</summary>
    public NpyMelFolder(string folder)
    {
        _folder = folder;
        if (!Directory.Exists(folder)) throw new AlchemyException($"{folder}: mel folder not found");
        if (!File.Exists(LabelsPath)) throw new AlchemyException($"{LabelsPath}: labels.csv not found (header file,label[,group])");
        string paramsPath = Path.Combine(folder, "mel_params.json");
        if (File.Exists(paramsPath))
        {
            try { _params = (JsonSerializer.Deserialize<MelParams>(File.ReadAllText(paramsPath)) ?? throw new JsonException("empty")).Validate(); }
            catch (JsonException e) { throw new AlchemyException($"{paramsPath}: not valid mel parameters JSON ({e.Message})"); }
        }
    }

    private string LabelsPath => Path.Combine(_folder, "labels.csv");

    /// <inheritdoc />
    public MelParams Params => _params ?? new MelParams();

    /// <inheritdoc />
    public IReadOnlyList<string> Skipped => _skipped;

    /// <inheritdoc />
    public IReadOnlyList<MelTrack> LoadTracks()
    {
        _skipped.Clear();
        var lines = File.ReadAllLines(LabelsPath);
        if (lines.Length == 0) throw new AlchemyException($"{LabelsPath}: empty");
        var header = lines[0].Split(',').Select(h => h.Trim().ToLowerInvariant()).ToArray();
        int fi = Array.IndexOf(header, "file"), li = Array.IndexOf(header, "label"), gi = Array.IndexOf(header, "group");
        if (fi < 0 || li < 0) throw new AlchemyException($"{LabelsPath}: header must name columns 'file' and 'label' (optional 'group'), got '{lines[0]}'");
        var tracks = new List<MelTrack>();
        var ids = new HashSet<string>();
        for (int r = 1; r < lines.Length; r++)
        {
            string line = lines[r].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var f = line.Split(',').Select(s => s.Trim()).ToArray();
            string where = $"{LabelsPath} row {r + 1}";
            if (f.Length <= Math.Max(fi, li) || f[fi].Length == 0 || f[li].Length == 0) { _skipped.Add($"{where}: missing file or label"); continue; }
            string path = Path.Combine(_folder, f[fi]);
            try
            {
                var mel = ReadMel(path);
                if (tracks.Count > 0 && mel.GetLength(0) != tracks[0].NMels)
                    throw new AlchemyException($"{path}: {mel.GetLength(0)} mel bands, but the first track has {tracks[0].NMels}");
                string id = Path.GetFileNameWithoutExtension(f[fi]);
                if (!ids.Add(id)) id = f[fi];
                string? group = gi >= 0 && gi < f.Length && f[gi].Length > 0 ? f[gi] : null;
                tracks.Add(new MelTrack(id, f[li], group, mel));
            }
            catch (AlchemyException e) { _skipped.Add($"{where}: {e.Message}"); }
        }
        if (tracks.Count == 0) throw new AlchemyException($"{LabelsPath}: no usable track ({_skipped.Count} skipped{(_skipped.Count > 0 ? ": " + _skipped[0] : "")})");
        _params ??= new MelParams(NMels: tracks[0].NMels);
        if (_params.NMels != tracks[0].NMels)
            throw new AlchemyException($"{_folder}: mel_params.json says n_mels {_params.NMels}, the files have {tracks[0].NMels}");
        return tracks;
    }

    /// <summary>Reads one mel in dB from a 2-D .npy of shape (n_mels, frames).</summary>
    /// <exception cref="AlchemyException">Missing file, not 2-D, empty, or a non-finite value; names the file.</exception>
    public static float[,] ReadMel(string path)
    {
        if (!File.Exists(path)) throw new AlchemyException($"{path}: file not found");
        var a = Npy.Read(path);
        if (a.Shape.Length != 2 || a.Shape[0] == 0 || a.Shape[1] == 0)
            throw new AlchemyException($"{path}: expected a 2-D mel of shape (n_mels, frames), got shape ({string.Join(", ", a.Shape)})");
        int m = a.Shape[0], n = a.Shape[1];
        var mel = new float[m, n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double v = a.Data[(long)i * n + j];
                if (!double.IsFinite(v)) throw new AlchemyException($"{path}: non-finite value at [{i}, {j}]");
                mel[i, j] = (float)v;
            }
        return mel;
    }

    /// <summary>Writes <paramref name="tracks"/> as a folder in this format (one .npy per track + labels.csv), atomically per file.</summary>
    public static void Write(string folder, IEnumerable<MelTrack> tracks, MelParams? melParams = null)
    {
        Directory.CreateDirectory(folder);
        var rows = new List<string> { "file,label,group" };
        foreach (var t in tracks)
        {
            var flat = new float[t.NMels * t.Frames];
            Buffer.BlockCopy(t.MelDb, 0, flat, 0, flat.Length * sizeof(float));
            string file = t.TrackId + ".npy";
            Npy.Write(Path.Combine(folder, file), flat, t.NMels, t.Frames);
            rows.Add(string.Join(',', file, t.Label, t.Group ?? ""));
        }
        WriteAtomic(Path.Combine(folder, "labels.csv"), string.Join('\n', rows) + "\n");
        if (melParams is not null) WriteAtomic(Path.Combine(folder, "mel_params.json"), JsonSerializer.Serialize(melParams));
    }

    private static void WriteAtomic(string path, string text) => AtomicFile.WriteAllText(path, text);
}
