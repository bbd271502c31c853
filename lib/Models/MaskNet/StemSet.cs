using System.Collections.Concurrent;
using AudioAlchemy.Audio;
using AudioAlchemy.Corpus;

namespace AudioAlchemy.Models.MaskNet;

/// <summary>
/// Songs with true stems for training a mask network, read from a corpus manifest (vocals_path and
/// accompaniment_path), split by song into train and validation with a seed. Rows without stems or with unreadable or
/// mismatched audio are skipped and reported.
/// </summary>
/// <param name="Train">Training songs.</param>
/// <param name="Validation">Validation songs (early stopping).</param>
/// <param name="Skipped">Rows that could not be used, with the reason.</param>
/// <param name="ManifestSha256">SHA-256 (hex) of the manifest file.</param>
public sealed record StemSet(IReadOnlyList<StemSong> Train, IReadOnlyList<StemSong> Validation, IReadOnlyList<string> Skipped, string ManifestSha256)
{
    /// <summary>
    /// Loads the stems of <paramref name="manifestPath"/> at <paramref name="sampleRate"/> (mono), at most
    /// <paramref name="limit"/> rows, and splits them: a seeded shuffle of the ids, the first round(fraction·n)
    /// (at least 1 when n ≥ 2) to validation.
    /// </summary>
    public static StemSet Load(string manifestPath, int sampleRate, double validationFraction, int seed, int? limit = null, int parallel = 0, Action? onSong = null)
    {
        if (validationFraction < 0 || validationFraction >= 1) throw new AlchemyException($"--val-fraction must be in [0, 1) (got {validationFraction})");
        var manifest = Manifest.Load(manifestPath);
        var rows = manifest.Rows.Take(limit ?? int.MaxValue).ToList();
        var songs = new StemSong?[rows.Count];
        var skipped = new ConcurrentBag<(int Row, string Why)>();
        Parallel.For(0, rows.Count, new ParallelOptions { MaxDegreeOfParallelism = parallel > 0 ? parallel : Environment.ProcessorCount }, i =>
        {
            var r = rows[i];
            try
            {
                if (!r.HasStems) throw new AlchemyException("no vocals_path/accompaniment_path");
                var v = AudioFile.Load(r.VocalsPath!, sr: sampleRate).Samples;
                var a = AudioFile.Load(r.AccompanimentPath!, sr: sampleRate).Samples;
                if (v.Length != a.Length) throw new AlchemyException($"stems have {v.Length} and {a.Length} samples");
                songs[i] = new StemSong(r.Id, v, a);
            }
            catch (AlchemyException e) { skipped.Add((r.RowNumber, $"row {r.RowNumber} ({r.Id}): {e.Message}")); }
            onSong?.Invoke();
        });
        // decoding leaves gigabytes of large-object garbage for 400 songs: give it back before training starts
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var ok = songs.Where(s => s is not null).Select(s => s!).ToArray();
        if (ok.Length == 0) throw new AlchemyException($"{manifestPath}: no row with readable stems");
        var order = ok.OrderBy(s => s.Id, StringComparer.Ordinal).ToArray();
        new Random(seed).Shuffle(order);
        int nVal = validationFraction <= 0 || order.Length < 2 ? 0 : Math.Clamp((int)Math.Round(validationFraction * order.Length), 1, order.Length - 1);
        return new StemSet(order.Skip(nVal).ToList(), order.Take(nVal).ToList(), skipped.OrderBy(s => s.Row).Select(s => s.Why).ToList(), Sha256(manifestPath));
    }

    /// <summary>Hex SHA-256 of a file's bytes (<see cref="ContentKey.OfFile"/>: streamed; FIFOs and devices are refused).</summary>
    public static string Sha256(string path) => ContentKey.OfFile(path);
}
