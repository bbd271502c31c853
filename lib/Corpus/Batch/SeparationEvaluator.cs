using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using AudioAlchemy.Audio;
using AudioAlchemy.Corpus;
using AudioAlchemy.Dsp;
using AudioAlchemy.Separation;

namespace AudioAlchemy.Corpus.Batch;

/// <summary>
/// Scores a separator on every manifest row that has true stems (vocals_path and accompaniment_path): the separator's
/// estimates and the two trivial baselines (mixture as estimate; silence), museval-v4 SDR and SI-SDR per stem. Files are
/// processed in parallel; bad rows are skipped and listed.
/// </summary>
public sealed class SeparationEvaluator
{
    private readonly Func<ISeparator> separatorFactory;

    /// <summary>Creates an evaluator. <paramref name="separatorFactory"/> is called once per worker (separators need not be thread-safe).</summary>
    /// <param name="separatorFactory">Makes a separator.</param>
    /// <param name="sampleRate">Rate every file is loaded at (mono), default 22050.</param>
    /// <param name="parallelFiles">Files processed at once (default: all cores).</param>
    public SeparationEvaluator(Func<ISeparator> separatorFactory, int sampleRate = Defaults.SampleRate, int? parallelFiles = null)
    {
        this.separatorFactory = separatorFactory;
        SampleRate = (int)ParameterException.PositiveRate(sampleRate, "sample rate");
        ParallelFiles = parallelFiles ?? Environment.ProcessorCount;
        if (ParallelFiles < 1) throw new AlchemyException($"parallel files must be >= 1 (got {ParallelFiles})");
    }

    /// <summary>Sample rate of the evaluation.</summary>
    public int SampleRate { get; }

    /// <summary>Files processed at once.</summary>
    public int ParallelFiles { get; }

    /// <summary>Evaluates all rows with stems; <paramref name="onTrackDone"/> is called after each row (for progress).</summary>
    public EvaluationRun Evaluate(Manifest manifest, int? limit = null, Action? onTrackDone = null)
    {
        var rows = manifest.Rows.Take(limit ?? int.MaxValue).ToList();
        var results = new TrackEvaluation?[rows.Count];
        var skipped = new ConcurrentBag<SkippedItem>();
        var wall = Stopwatch.StartNew();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        Parallel.For(0, rows.Count, new ParallelOptions { MaxDegreeOfParallelism = ParallelFiles }, separatorFactory, (i, _, separator) =>
        {
            var row = rows[i];
            ISeparator? current = separator;
            try { SeparatorRetry.Run(ref current, separatorFactory, s => results[i] = EvaluateRow(row, s)); }
            catch (AlchemyException e) { skipped.Add(new SkippedItem(row.RowNumber, row.Id, e.Message)); }
            onTrackDone?.Invoke();
            return current!;
        }, separator => (separator as IDisposable)?.Dispose());
        return new EvaluationRun(results.Where(r => r != null).Select(r => r!).ToList(), skipped.OrderBy(s => s.Row).ToList(), wall.Elapsed.TotalSeconds,
            (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds);
    }

    /// <summary>Evaluates one row (throws <see cref="AlchemyException"/> for a row without stems or with unreadable audio).</summary>
    public TrackEvaluation EvaluateRow(ManifestRow row, ISeparator separator)
    {
        if (!row.HasStems) throw new AlchemyException($"row {row.RowNumber} ({row.Id}): no vocals_path/accompaniment_path to score against");
        var mix = AudioFile.Load(row.Path, sr: SampleRate).Samples;
        var voc = AudioFile.Load(row.VocalsPath!, sr: SampleRate).Samples;
        var acc = AudioFile.Load(row.AccompanimentPath!, sr: SampleRate).Samples;
        if (voc.Length != mix.Length || acc.Length != mix.Length)
            throw new AlchemyException($"row {row.RowNumber} ({row.Id}): stems have {voc.Length} and {acc.Length} samples, the mixture {mix.Length}");
        var sw = Stopwatch.StartNew();
        var est = separator is IStemInformedSeparator oracle ? oracle.Separate(mix, voc, acc, SampleRate) : separator.Separate(mix, SampleRate);
        double seconds = sw.Elapsed.TotalSeconds;
        var zeros = new float[mix.Length];
        return new TrackEvaluation(row.Id, (double)mix.Length / SampleRate, seconds,
            StemScores.Of(voc, acc, est.Vocals, est.Accompaniment, SampleRate),
            StemScores.Of(voc, acc, mix, mix, SampleRate),
            StemScores.Of(voc, acc, zeros, zeros, SampleRate, skipSilentEstimates: false));
    }

    /// <summary>Writes the per-track table as CSV (atomically: temp file, then rename). Infinite values are written as inf/-inf.</summary>
    public static void WriteCsv(string path, IEnumerable<TrackEvaluation> tracks)
    {
        var sb = new StringBuilder();
        sb.Append("id,audio_seconds,separate_seconds,")
          .Append(string.Join(',', new[] { "sep", "mix", "silence" }.SelectMany(p => new[] { $"{p}_vocals_sdr", $"{p}_accompaniment_sdr", $"{p}_vocals_sisdr", $"{p}_accompaniment_sisdr" })))
          .Append('\n');
        foreach (var t in tracks)
        {
            sb.Append(Corpus.Csv.Escape(t.Id)).Append(',').Append(F(t.AudioSeconds)).Append(',').Append(F(t.SeparateSeconds));
            foreach (var s in new[] { t.Separator, t.Mixture, t.Silence })
                sb.Append(',').Append(F(s.VocalsSdr)).Append(',').Append(F(s.AccompanimentSdr)).Append(',').Append(F(s.VocalsSiSdr)).Append(',').Append(F(s.AccompanimentSiSdr));
            sb.Append('\n');
        }
        AtomicFile.WriteAllText(path, sb.ToString());
    }

    /// <summary>Invariant-culture number for CSV: "nan", "inf", "-inf" or up to 4 decimals.</summary>
    public static string F(double v) =>
        double.IsNaN(v) ? "nan" : double.IsPositiveInfinity(v) ? "inf" : double.IsNegativeInfinity(v) ? "-inf" : v.ToString("0.####", CultureInfo.InvariantCulture);
}
