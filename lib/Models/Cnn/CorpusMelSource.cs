using System.Globalization;
using System.Security.Cryptography;
using AudioAlchemy.Audio;
using AudioAlchemy.Corpus;
using AudioAlchemy.Dsp;
using AudioAlchemy.Features;
using AudioAlchemy.Models.Cnn;

namespace AudioAlchemy.Models.Cnn;

/// <summary>
/// CNN input straight from a corpus manifest: each row's audio → librosa-parity mel spectrogram
/// (<see cref="Feature.MelSpectrogram"/>) → <c>power_to_db(ref=max, top_db)</c>, shape (n_mels, frames), labelled by a
/// manifest column (genre by default) and grouped by artist. Mels are cached as <c>.npy</c> under
/// <paramref name="cacheDir"/>, keyed by the audio bytes' SHA-256 and the mel parameters, so reruns skip the DSP.
/// Rows without the label or with unreadable audio are skipped and listed in <see cref="Skipped"/>.
/// </summary>
/// <param name="rows">Manifest rows (e.g. the full mixes).</param>
/// <param name="cacheDir">Folder for the cached mels.</param>
/// <param name="label">Manifest column holding the class label.</param>
/// <param name="melParams">Mel parameters (default: librosa's).</param>
/// <param name="seconds">Analyse only the first seconds of each file (null = all).</param>
public sealed class CorpusMelSource(IReadOnlyList<ManifestRow> rows, string cacheDir, string label = "genre", MelParams? melParams = null,
    double? seconds = null) : IMelSource
{
    private readonly List<string> _skipped = [];

    /// <inheritdoc/>
    public MelParams Params { get; } = (melParams ?? new MelParams()).Validate();

    /// <inheritdoc/>
    public IReadOnlyList<string> Skipped => _skipped;

    /// <inheritdoc/>
    public IReadOnlyList<MelTrack> LoadTracks()
    {
        _skipped.Clear();
        Directory.CreateDirectory(cacheDir);
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
        string key;
        using (var stream = File.OpenRead(audioPath)) key = Convert.ToHexStringLower(SHA256.HashData(stream))[..24];
        var p = Params;
        string file = Path.Combine(cacheDir, string.Create(CultureInfo.InvariantCulture,
            $"{key}-sr{p.SampleRate}-n{p.NFft}-h{p.HopLength}-m{p.NMels}-t{p.TopDb}{p.BandKey}-d{seconds?.ToString("R", CultureInfo.InvariantCulture) ?? "all"}.npy"));
        if (File.Exists(file)) return NpyMelFolder.ReadMel(file);
        var y = AudioFile.Load(audioPath, sr: p.SampleRate, duration: seconds).Samples;
        var db = AudioMel.Db(y, p);
        Npy.Write(file, db.Data, db.Rows, db.Cols); // atomic (temp file + rename)
        var mel = new float[db.Rows, db.Cols];
        for (int r = 0; r < db.Rows; r++) for (int c = 0; c < db.Cols; c++) mel[r, c] = db[r, c];
        return mel;
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
