using System.Collections.Concurrent;
using System.Globalization;
using AudioAlchemy.Audio;
using AudioAlchemy.Corpus;

namespace AudioAlchemy.Studies;

/// <summary>One track at one bitrate: its WAV and MP3 band spectra and how similar they are.</summary>
/// <param name="TrackId">Manifest id.</param>
/// <param name="Genre">Genre label (may be null).</param>
/// <param name="Kbps">MP3 bitrate.</param>
/// <param name="WavPath">Source WAV.</param>
/// <param name="Mp3Path">Encoded MP3 (cached).</param>
/// <param name="Wav">Band spectrum of the WAV.</param>
/// <param name="Mp3">Band spectrum of the decoded MP3 (same bands).</param>
/// <param name="Similarity">Pearson r and dB differences of the two spectra.</param>
public sealed record Mp3Comparison(string TrackId, string? Genre, int Kbps, string WavPath, string Mp3Path, BandSpectrum Wav, BandSpectrum Mp3,
    SpectrumSimilarity Similarity);

/// <summary>Per-bitrate summary over tracks of <see cref="Mp3Comparison"/>.</summary>
/// <param name="Kbps">Bitrate.</param>
/// <param name="Tracks">Tracks compared.</param>
/// <param name="MeanPearson">Mean Pearson r of the band spectra.</param>
/// <param name="MinPearson">Lowest Pearson r.</param>
/// <param name="MeanAbsDiffDb">Mean of the per-track mean |ΔdB|.</param>
/// <param name="MaxAbsDiffDb">Largest per-band |ΔdB| seen on any track.</param>
/// <param name="MeanKb">Mean MP3 size in KiB.</param>
public sealed record Mp3BitrateSummary(int Kbps, int Tracks, double MeanPearson, double MinPearson, double MeanAbsDiffDb, double MaxAbsDiffDb, double MeanKb);

/// <summary>
/// MP3 versus WAV on a corpus: encodes each WAV at constant bitrates with <c>AudioFile.Save</c> (cached in the
/// <see cref="ContentCache"/> stage <c>mp3</c>, keyed by the WAV's content, the rate and the bitrate, so reruns skip the
/// encoder), decodes the MP3 at the WAV's rate, and compares band spectra.
/// </summary>
public static class Mp3VsWav
{
    /// <summary>The stage folder under the cache root.</summary>
    public const string Stage = "mp3";

    /// <summary>Version of the cached encoding; bump when the encoder's output changes.</summary>
    public const string Version = "mp3-v1";

    /// <summary>
    /// Encodes <paramref name="wavPath"/> at <paramref name="kbps"/> into <c>cacheRoot/mp3</c> unless already there
    /// (written atomically); returns the MP3 path.
    /// </summary>
    public static string Encode(string wavPath, int kbps, string cacheRoot, int sampleRate = AudioFile.DefaultSampleRate)
    {
        if (kbps is < 8 or > 320) throw new AlchemyException($"{wavPath}: bitrate {kbps} kbps is outside 8..320");
        string mp3 = new ContentCache(cacheRoot, Stage, Version).PathForFile(wavPath, ContentCache.Canonical(("sr", sampleRate), ("kbps", kbps)), "mp3");
        if (File.Exists(mp3)) return mp3;
        Directory.CreateDirectory(Path.GetDirectoryName(mp3)!);
        var (y, sr) = AudioFile.Load(wavPath, sr: sampleRate);
        AudioFile.Save(mp3, y, sr, new SaveOptions(BitrateKbps: kbps));
        return mp3;
    }

    /// <summary>
    /// Encodes every row's audio at every bitrate and compares the band spectra (<paramref name="bands"/> equal-width bands
    /// up to Nyquist of <paramref name="sampleRate"/>). Rows run in parallel; a failing row is reported through
    /// <paramref name="skipped"/> and left out. Results are ordered by bitrate, then row. MP3s are cached under <c>cacheRoot/mp3</c>.
    /// </summary>
    public static IReadOnlyList<Mp3Comparison> Compare(IReadOnlyList<ManifestRow> rows, IReadOnlyList<int> bitrates, string cacheRoot, int bands = 32,
        int sampleRate = AudioFile.DefaultSampleRate, int? parallelism = null, Action<string>? skipped = null)
    {
        if (bitrates.Count == 0) throw new AlchemyException("mp3 vs wav: no bitrate given");
        var results = new ConcurrentBag<(int Order, Mp3Comparison C)>();
        var items = bitrates.SelectMany((kbps, bi) => rows.Select((row, ri) => (Order: bi * rows.Count + ri, Kbps: kbps, Row: row))).ToArray();
        Parallel.ForEach(items, new ParallelOptions { MaxDegreeOfParallelism = parallelism ?? Environment.ProcessorCount }, item =>
        {
            try
            {
                string mp3 = Encode(item.Row.Path, item.Kbps, cacheRoot, sampleRate);
                var wav = AudioFile.Load(item.Row.Path, sr: sampleRate);
                var dec = AudioFile.Load(mp3, sr: sampleRate);
                var a = BandSpectrum.Of(wav.Samples, sampleRate, bands);
                var b = BandSpectrum.Of(dec.Samples, sampleRate, bands);
                results.Add((item.Order, new Mp3Comparison(item.Row.Id, item.Row.Genre, item.Kbps, item.Row.Path, mp3, a, b,
                    SpectrumSimilarity.Of(a.MeanDb, b.MeanDb))));
            }
            catch (AlchemyException e) { skipped?.Invoke($"row {item.Row.RowNumber} ({item.Row.Id}) at {item.Kbps} kbps: {e.Message}"); }
            catch (IOException e) { skipped?.Invoke($"row {item.Row.RowNumber} ({item.Row.Id}) at {item.Kbps} kbps: {e.Message}"); }
        });
        return results.OrderBy(r => r.Order).Select(r => r.C).ToList();
    }

    /// <summary>One summary row per bitrate, in bitrate order.</summary>
    public static IReadOnlyList<Mp3BitrateSummary> Summarize(IEnumerable<Mp3Comparison> comparisons) =>
        comparisons.GroupBy(c => c.Kbps).OrderBy(g => g.Key).Select(g => new Mp3BitrateSummary(g.Key, g.Count(),
            g.Average(c => c.Similarity.Pearson), g.Min(c => c.Similarity.Pearson), g.Average(c => c.Similarity.MeanAbsDiffDb),
            g.Max(c => c.Similarity.MaxAbsDiffDb), g.Average(c => new FileInfo(c.Mp3Path).Length / 1024.0))).ToList();

    /// <summary>Parses a comma-separated bitrate list such as <c>"128,192,320"</c>.</summary>
    public static int[] ParseBitrates(string text)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var values = parts.Select(p => int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) && v is >= 8 and <= 320 ? v
            : throw new AlchemyException($"bitrates: '{p}' is not a bitrate in kbps (8..320)")).Distinct().ToArray();
        return values.Length > 0 ? values : throw new AlchemyException("bitrates: empty list");
    }
}
