using AudioAlchemy.Audio;
using AudioAlchemy.Corpus;
using AudioAlchemy.Dsp;
using AudioAlchemy.Features;
using AudioAlchemy.Models.Cnn;

namespace AudioAlchemy.Models.Cnn;

/// <summary>
/// CNN input straight from a corpus manifest: each row's audio → librosa-parity mel spectrogram
/// (<see cref="Feature.MelSpectrogram"/>) → <c>power_to_db(ref=max, top_db)</c>, shape (n_mels, frames), labelled by a
/// manifest column (genre by default) and grouped by artist. Mels are cached as <c>.npy</c> in the <see cref="ContentCache"/>
/// stage <c>mels</c> under <paramref name="cacheRoot"/> (keyed by the audio content and <see cref="MelParams.CacheParameters"/>),
/// so reruns skip the DSP; an unreadable entry is recomputed.
/// Rows without the label or with unreadable audio are skipped and listed in <see cref="Skipped"/>.
/// </summary>
/// <param name="rows">Manifest rows (e.g. the full mixes).</param>
/// <param name="cacheRoot">Cache root (the CLI's <c>--cache</c>); mels go to <c>cacheRoot/mels</c>.</param>
/// <param name="label">Manifest column holding the class label.</param>
/// <param name="melParams">Mel parameters (default: librosa's).</param>
/// <param name="seconds">Analyse only the first seconds of each file (null = all).</param>
public sealed class CorpusMelSource(IReadOnlyList<ManifestRow> rows, string cacheRoot, string label = "genre", MelParams? melParams = null,
    double? seconds = null) : IMelSource
{
    /// <summary>The stage folder under the cache root.</summary>
    public const string Stage = "mels";

    /// <summary>Version of the cached computation; bump when the mel's semantics change.</summary>
    public const string Version = "mel-v1";

    private readonly List<string> _skipped = [];
    private readonly ContentCache _cache = new(cacheRoot, Stage, Version);

    /// <inheritdoc/>
    public MelParams Params { get; } = (melParams ?? new MelParams()).Validate();

    /// <inheritdoc/>
    public IReadOnlyList<string> Skipped => _skipped;

    /// <inheritdoc/>
    public IReadOnlyList<MelTrack> LoadTracks()
    {
        _skipped.Clear();
        var tracks = new MelTrack?[rows.Count];
        var errors = new string?[rows.Count];
        Parallel.For(0, rows.Count, i =>
        {
            var row = rows[i];
            try
            {
                string? y = row.Label(label);
                if (string.IsNullOrEmpty(y)) { errors[i] = $"row {row.RowNumber} ({row.Id}): no {label}"; return; }
                tracks[i] = new MelTrack(row.Id, y, row.Artist, MelDb(row.Path));
            }
            catch (AlchemyException e) { errors[i] = $"row {row.RowNumber} ({row.Id}): {e.Message}"; }
            catch (IOException e) { errors[i] = $"row {row.RowNumber} ({row.Id}): {e.Message}"; }
        });
        _skipped.AddRange(errors.OfType<string>());
        return tracks.OfType<MelTrack>().ToList();
    }

    /// <summary>The mel in dB of one file, shape (n_mels, frames), from the cache or computed and cached.</summary>
    public float[,] MelDb(string audioPath)
    {
        var p = Params;
        string file = _cache.PathForFile(audioPath, p.CacheParameters(seconds), "npy");
        if (File.Exists(file) && TryRead(file) is { } cached) return cached;
        var y = AudioFile.Load(audioPath, sr: p.SampleRate, duration: seconds).Samples;
        var db = AudioMel.Db(y, p);
        Npy.Write(file, db.Data, db.Rows, db.Cols); // atomic (temp file + rename)
        return AudioMel.ToArray(db);
    }

    /// <summary>The cached mel at <paramref name="file"/>, or null when the entry is unreadable (a miss: recomputed and overwritten).</summary>
    private static float[,]? TryRead(string file)
    {
        try { return NpyMelFolder.ReadMel(file); }
        catch (Exception e) when (e is AlchemyException or IOException or InvalidDataException or FormatException) { return null; }
    }
}

/// <summary>Mel images for people: the CNN's input of one track as grey and viridis PNGs (<see cref="MelImage"/>).</summary>
public static class MelImages
{
    /// <summary>
    /// Writes <c>{name}.grey.png</c> and <c>{name}.viridis.png</c> of a mel in dB relative to its maximum, shape
    /// (n_mels, frames), into <paramref name="dir"/>; returns both paths.
    /// </summary>
    public static (string Grey, string Viridis) Save(float[,] melDb, string dir, string name)
    {
        int rows = melDb.GetLength(0), cols = melDb.GetLength(1);
        var m = new Matrix(rows, cols);
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) m[r, c] = melDb[r, c];
        var normalized = MelImage.NormalizeDb(m);
        Directory.CreateDirectory(dir);
        string grey = Path.Combine(dir, name + ".grey.png"), viridis = Path.Combine(dir, name + ".viridis.png");
        MelImage.SaveGreyPng(grey, normalized);
        MelImage.SaveViridisPng(viridis, normalized);
        return (grey, viridis);
    }
}
