using System.Security.Cryptography;
using System.Text.Json;
using AudioAlchemy.Audio;
using AudioAlchemy.Corpus;
using AudioAlchemy.Experiments;
using AudioAlchemy.Features;
using AudioAlchemy.Corpus.Batch;
using AudioAlchemy.Models.Cnn;
using AudioAlchemy.Models.MaskNet;
using AudioAlchemy.Separation;
using AudioAlchemy.Sharding;
using Microsoft.Data.Analysis;

namespace AudioAlchemy.Recommendation;

/// <summary>What <see cref="SongEmbedder.Run"/> produced.</summary>
/// <param name="Rows">Songs written.</param>
/// <param name="Skipped">Songs left out, each "row N (id): reason".</param>
/// <param name="FromCache">CNN outputs read from the cache.</param>
/// <param name="Columns">Number of columns of the table.</param>
/// <param name="Table">The table written (with a shard: the part table <c>PART-K-of-N.*</c> in the parts folder).</param>
/// <param name="InputSongs">Full-mix rows of the whole manifest (all shards).</param>
public sealed record EmbedResult(int Rows, IReadOnlyList<string> Skipped, int FromCache, int Columns, string Table, int InputSongs);

/// <summary>
/// Song-embedding table of a manifest's full mixes (<see cref="EmbeddingColumns"/>): manifest metadata, the Table-1
/// summary (tempo and key for explanations, its numeric values as <c>t1_*</c>, standardised over the library's songs
/// when a <see cref="SongLibrary"/> loads them, so shards merged with <c>table merge</c> equal a single run), and for each
/// CNN given the penultimate layer (<c>emb_genre_*</c> / <c>emb_language_*</c>) and class probabilities
/// (<c>p_genre_&lt;class&gt;</c> / <c>p_language_&lt;class&gt;</c>) averaged over sliding crops, plus the top class. Table-1 and CNN
/// outputs are cached per audio content + model + parameters, so reruns only read caches. A song whose audio fails is
/// skipped and reported; the table (.parquet or .csv) is written atomically with the others. With a
/// <see cref="ShardSpec"/> only the songs whose id hashes to that shard are embedded and the output is a part
/// (<see cref="PartWriter"/>) for <c>alchemy table merge</c>.
/// </summary>
public static class SongEmbedder
{
    /// <summary>The <see cref="ContentCache"/> stage of the CNN outputs (Table-1 summaries use <see cref="FeatureCache.Stage"/>).</summary>
    public const string EmbeddingStage = "embeddings";

    /// <summary>Version of the cached CNN outputs; bump when their semantics change.</summary>
    public const string EmbeddingVersion = "embed-v1";

    /// <summary>Embeds every full-mix row of <paramref name="manifestPath"/> into <paramref name="outPath"/>.</summary>
    /// <exception cref="AlchemyException">Bad options, unreadable manifest, wrong table extension, or no song could be embedded (nothing written).</exception>
    public static EmbedResult Run(string manifestPath, string outPath, EmbedOptions options, Action<string>? log = null, Action? progress = null, ShardSpec? shard = null)
    {
        var o = options.Validate();
        string ext = Path.GetExtension(outPath).ToLowerInvariant();
        if (ext is not (".parquet" or ".csv")) throw new AlchemyException($"{outPath}: unsupported table format '{ext}' (use .parquet or .csv)");
        var manifest = Manifest.Load(manifestPath);
        var skipped = manifest.ReadProblems.Where(p => p.RowUnusable).Select(p => p.ToString()).ToList();
        var unusable = manifest.ReadProblems.Where(p => p.RowUnusable).Select(p => p.Row).ToHashSet();
        var all = manifest.Rows.Where(r => !unusable.Contains(r.RowNumber) && (string.IsNullOrWhiteSpace(r.TrackType) || (TrackTypes.TryParse(r.TrackType, out var tt) && tt == TrackType.Full))).ToList();
        if (all.Count == 0) throw new AlchemyException($"{manifestPath}: no full-mix rows to embed");
        var selection = ShardSelection<ManifestRow>.Of(all, r => r.Id, shard);
        var rows = selection.Items.ToList();
        if (shard is not null && shard.Index != 0) skipped.Clear(); // manifest problems are reported by shard 0 only

        var t1 = (o.Table1 ?? new Table1Options()).Validate();
        var jobs = rows.Select(r => new FeatureJob(r.Id, 0, r.Path, r.Genre, r.Language, r.Artist, r.RowNumber)).ToList();
        var (features, failures) = FeatureBatch.Run(jobs, new FeatureBatchOptions(t1, o.CacheDir, o.Duration, o.Jobs),
            (_, _) => progress?.Invoke());
        foreach (var f in failures) skipped.Add($"row {f.Job.Row} ({f.Job.TrackId}): {f.Error}");
        var summary = features.ToDictionary(f => f.Job.TrackId, f => f.Summary, StringComparer.Ordinal);

        var models = new List<(string Task, CnnClassifier Model, string Fingerprint)>();
        ISeparator? separator = null;
        try
        {
            if (o.LanguageSeparator is { } method) separator = SeparatorChoice.Factory(method)();
            foreach (var (task, dir) in new[] { ("genre", o.GenreModel), ("language", o.LanguageModel) })
                if (dir is not null)
                {
                    var m = CnnClassifier.Load(dir);
                    string fp = Fingerprint(dir);
                    if (task == "language" && separator is not null) fp += "-v" + ContentKey.OfText(separator.Settings)[..12];
                    models.Add((task, m, fp));
                }
            var cache = o.CacheDir is null ? null : new ContentCache(o.CacheDir, EmbeddingStage, EmbeddingVersion);
            var cnn = new Dictionary<(string, string), TrackEmbedding>();
            int fromCache = 0;
            foreach (var r in rows.Where(r => summary.ContainsKey(r.Id)).ToList())
            {
                try
                {
                    string? audioKey = null;
                    foreach (var (task, model, fp) in models)
                    {
                        audioKey ??= ContentKey.OfFile(r.Path);
                        string? file = cache?.PathFor(audioKey, ContentCache.Canonical(("task", task), ("model", fp), ("duration", o.Duration)), "json");
                        if (file is not null && TryReadEmbedding(file) is { } hit) { cnn[(r.Id, task)] = hit; fromCache++; continue; }
                        var mel = task == "language" && separator is not null ? VocalsMel(r.Path, model.Metadata.Mel, o.Duration, separator)
                            : AudioMel.Extract(r.Path, model.Metadata.Mel, o.Duration);
                        var e = model.Embed(mel);
                        if (file is not null) ContentCache.WriteAllText(file, JsonSerializer.Serialize(e));
                        cnn[(r.Id, task)] = e;
                    }
                }
                catch (Exception e) when (e is AlchemyException or IOException or JsonException)
                {
                    skipped.Add($"row {r.RowNumber} ({r.Id}): {e.Message}");
                    summary.Remove(r.Id);
                }
                log?.Invoke($"embedded {r.Id}");
            }
            var kept = rows.Where(r => summary.ContainsKey(r.Id) && models.All(m => cnn.ContainsKey((r.Id, m.Task)))).ToList();
            if (kept.Count == 0 && shard is null) throw new AlchemyException($"{manifestPath}: none of {rows.Count} songs could be embedded ({skipped.FirstOrDefault()})");
            var df = Table(kept, summary, models.Select(m => (m.Task, m.Model.Classes)).ToList(), cnn, t1.NMfcc);
            if (shard is null)
            {
                TableWriter.Save(df, outPath);
                return new EmbedResult(kept.Count, skipped, fromCache, df.Columns.Count, outPath, all.Count);
            }
            string parameters = FormattableString.Invariant($"stage=embed;manifest={PartWriter.FileHash(manifestPath)};{t1.CacheKey};duration={o.Duration?.ToString("R") ?? "all"};models={string.Join(",", models.Select(m => m.Task + "=" + m.Fingerprint))}");
            string json = PartWriter.Write(PartWriter.PartsFolder(outPath), shard, ext, "embed", parameters, [EmbeddingColumns.Id], all.Count, rows.Count,
                kept.Select(selection.PositionOf).ToList(), skipped.Select(x => new PartSkip("song", x)).ToList(), path => TableWriter.Save(df, path));
            return new EmbedResult(kept.Count, skipped, fromCache, df.Columns.Count, Path.ChangeExtension(json, ext), all.Count);
        }
        finally
        {
            foreach (var m in models) m.Model.Dispose();
            (separator as IDisposable)?.Dispose();
        }
    }

    /// <summary>The CNN mel (dB, (n_mels, frames)) of the vocals <paramref name="separator"/> takes out of an audio file.</summary>
    private static float[,] VocalsMel(string path, MelParams p, double? duration, ISeparator separator)
    {
        var (y, _) = AudioFile.Load(path, sr: p.SampleRate, duration: duration);
        return AudioMel.ToArray(AudioMel.Db(separator.Separate(y, p.SampleRate).Vocals, p));
    }

    /// <summary>Names of the Table-1 values standardised into <c>t1_*</c>, for <paramref name="nMfcc"/> coefficients.</summary>
    public static IReadOnlyList<string> Table1Names(int nMfcc) =>
        ["fundamental_freq", "freq_e_1", "freq_e_2", "freq_e_3", "key_correlation", "zero_crossing_rate",
         .. Enumerable.Range(0, nMfcc).Select(i => $"mfcc_mean_{i}"), .. Enumerable.Range(0, nMfcc).Select(i => $"mfcc_std_{i}"),
         "tempo", "rms_energy", "y_variance", "y_skewness", "y_kurtosis", "voiced_fraction"];

    private static double?[] Table1Values(Table1Summary s) =>
        [s.FundamentalFreq, s.FreqE1, s.FreqE2, s.FreqE3, s.Key?.Correlation, s.ZeroCrossingRate, .. s.MfccMean, .. s.MfccStd,
         s.Tempo, s.RmsEnergy, s.YVariance, s.YSkewness, s.YKurtosis, s.Frames > 0 ? (double)s.VoicedFrames / s.Frames : null];

    private static DataFrame Table(IReadOnlyList<ManifestRow> rows, IReadOnlyDictionary<string, Table1Summary> summary,
        IReadOnlyList<(string Task, IReadOnlyList<string> Classes)> models, IReadOnlyDictionary<(string, string), TrackEmbedding> cnn, int nMfcc)
    {
        var cols = new List<DataFrameColumn>
        {
            new StringDataFrameColumn(EmbeddingColumns.Id, rows.Select(r => r.Id)),
            new StringDataFrameColumn(EmbeddingColumns.Title, rows.Select(r => r.Title)),
            new StringDataFrameColumn(EmbeddingColumns.Artist, rows.Select(r => r.Artist)),
            new StringDataFrameColumn(EmbeddingColumns.Path, rows.Select(r => r.Path)),
            new StringDataFrameColumn(EmbeddingColumns.Genre, rows.Select(r => r.Genre)),
            new StringDataFrameColumn(EmbeddingColumns.Language, rows.Select(r => r.Language)),
            new DoubleDataFrameColumn(EmbeddingColumns.Tempo, rows.Select(r => summary[r.Id].Tempo)),
            new StringDataFrameColumn(EmbeddingColumns.Key, rows.Select(r => summary[r.Id].Key?.Name)),
        };
        foreach (var (task, col) in new[] { ("genre", EmbeddingColumns.PredictedGenre), ("language", EmbeddingColumns.PredictedLanguage) })
        {
            var m = models.FirstOrDefault(x => x.Task == task);
            cols.Add(new StringDataFrameColumn(col, rows.Select(r => m.Classes is null ? null : m.Classes[ArgMax(cnn[(r.Id, task)].Probabilities)])));
        }
        foreach (var (task, classes) in models)
        {
            int width = rows.Count == 0 ? 0 : cnn[(rows[0].Id, task)].Embedding.Length;
            for (int j = 0; j < width; j++) { int jj = j; cols.Add(new DoubleDataFrameColumn($"emb_{task}_{j}", rows.Select(r => (double)cnn[(r.Id, task)].Embedding[jj]))); }
            for (int c = 0; c < classes.Count; c++) { int cc = c; cols.Add(new DoubleDataFrameColumn($"p_{task}_{classes[c]}", rows.Select(r => (double)cnn[(r.Id, task)].Probabilities[cc]))); }
        }
        var names = Table1Names(nMfcc);
        var values = rows.Select(r => Table1Values(summary[r.Id])).ToList();
        for (int j = 0; j < names.Count; j++)
        {
            int jj = j;
            cols.Add(new DoubleDataFrameColumn($"t1_{names[j]}", values.Select(v => jj < v.Length && v[jj] is { } d && double.IsFinite(d) ? d : (double?)null)));
        }
        return new DataFrame(cols);
    }

    /// <summary>A cached CNN output, or null when the entry is absent, unreadable or incomplete (a miss: recomputed and overwritten).</summary>
    private static TrackEmbedding? TryReadEmbedding(string file)
    {
        if (!File.Exists(file)) return null;
        try
        {
            return JsonSerializer.Deserialize<TrackEmbedding>(File.ReadAllText(file)) is { Embedding.Length: > 0, Probabilities.Length: > 0 } e ? e : null;
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException or UnauthorizedAccessException) { return null; }
    }

    private static string Fingerprint(string modelDir)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var f in new[] { CnnClassifier.WeightsFile, CnnClassifier.MetadataFile }) sha.AppendData(File.ReadAllBytes(Path.Combine(modelDir, f)));
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }

    private static int ArgMax(float[] p) { int b = 0; for (int i = 1; i < p.Length; i++) if (p[i] > p[b]) b = i; return b; }
}
