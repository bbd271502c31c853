using System.Globalization;
using AudioAlchemy.Corpus;
using AudioAlchemy.Experiments;
using AudioAlchemy.Models;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;
using AudioAlchemy.Corpus.Batch;
using AudioAlchemy.Reporting;

namespace AudioAlchemy.Studies;

/// <summary>Tables of an <see cref="Mp3VsWavStudy"/> run (also written as CSV).</summary>
/// <param name="Similarity">Per bitrate: tracks, mean/min Pearson r of the band spectra, similarity % (100·mean r), mean and max |ΔdB|, MP3 size.</param>
/// <param name="PerTrack">Per track and bitrate: Pearson r, mean and max |ΔdB| and the band of the max.</param>
/// <param name="Deltas">Per bitrate and Table-1 column: <see cref="FeatureDeltas"/>.</param>
/// <param name="Transfer">Model trained on WAV, tested on WAV and on each MP3 version (same split).</param>
/// <param name="Files">Files written.</param>
/// <param name="Notes">Skipped items and other remarks.</param>
public sealed record Mp3VsWavResult(TidyTable Similarity, TidyTable PerTrack, TidyTable Deltas, TidyTable Transfer, IReadOnlyList<string> Files,
    IReadOnlyList<string> Notes)
{
    /// <summary>The charts (HTML paths) to show, in order: the example track's band spectra, then |ΔdB| per band.</summary>
    public IReadOnlyList<string> Charts { get; init; } = [];
}

/// <summary>
/// MP3 vs WAV end to end: encode (cached), per-track band spectra and their similarity (<see cref="SpectrumSimilarity"/>:
/// Pearson r of the per-band mean dB and the mean absolute dB difference), Table-1 feature deltas per column, and the
/// accuracy of a genre model trained on WAV features and tested on MP3 features of the held-out tracks.
/// Writes <c>similarity.csv</c>, <c>per_track.csv</c>, <c>feature_deltas.csv</c>, <c>transfer.csv</c> and charts.
/// </summary>
public static class Mp3VsWavStudy
{
    /// <summary>Runs the study on <paramref name="rows"/> (full mixes with a genre) into <paramref name="outDir"/>.</summary>
    public static Mp3VsWavResult Run(IReadOnlyList<ManifestRow> rows, IReadOnlyList<int> bitrates, string dataDir, string outDir, int bands = 32,
        string model = "rf(n_estimators=100)", int seed = 0, bool png = true, Action<string>? log = null)
    {
        var w = new ResultsWriter(outDir, png);
        string cache = new DataLayout(dataDir).Cache;
        var comparisons = Mp3VsWav.Compare(rows, bitrates, cache, bands, skipped: s => { w.Note(s); log?.Invoke(s); });
        if (comparisons.Count == 0) throw new AlchemyException("mp3 vs wav: no track could be encoded and compared");
        log?.Invoke($"spectra: {comparisons.Count} (track, bitrate) pairs compared");

        var similarity = new TidyTable("kbps", "tracks", "mean_pearson", "min_pearson", "similarity_pct", "mean_abs_diff_db", "max_abs_diff_db", "mean_kb");
        foreach (var s in Mp3VsWav.Summarize(comparisons))
            similarity.Add(s.Kbps, s.Tracks, s.MeanPearson, s.MinPearson, 100 * s.MeanPearson, s.MeanAbsDiffDb, s.MaxAbsDiffDb, s.MeanKb);
        var perTrack = new TidyTable("track_id", "genre", "kbps", "pearson", "mean_abs_diff_db", "max_abs_diff_db", "max_diff_band_hz");
        foreach (var c in comparisons)
            perTrack.Add(c.TrackId, c.Genre, c.Kbps, c.Similarity.Pearson, c.Similarity.MeanAbsDiffDb, c.Similarity.MaxAbsDiffDb,
                c.Wav.CentresHz[c.Similarity.MaxBand]);
        w.Table("similarity", similarity);
        w.Table("per_track", perTrack);
        Charts(w, comparisons);

        string tables = new DataLayout(dataDir).Tables;
        var wavJobs = rows.Select(r => new FeatureJob(r.Id, 0, r.Path, r.Genre, r.Language, r.Artist, r.RowNumber)).ToList();
        string wavCsv = Path.Combine(tables, "mp3vswav-wav.csv");
        StudyInputs.Features(wavJobs, wavCsv, dataDir, log: log);
        var wavDf = TableReader.Load(wavCsv);
        MissingValues.FillWithColumnMean(wavDf);
        var deltas = new TidyTable(["kbps", .. FeatureDeltas.Columns]);
        var variants = new List<(string, Microsoft.Data.Analysis.DataFrame)>();
        foreach (int kbps in bitrates)
        {
            var jobs = comparisons.Where(c => c.Kbps == kbps).Select(c =>
            {
                var r = rows.First(x => x.Id == c.TrackId);
                return new FeatureJob(r.Id, 0, c.Mp3Path, r.Genre, r.Language, r.Artist, r.RowNumber);
            }).ToList();
            if (jobs.Count == 0) continue;
            string csv = Path.Combine(tables, string.Create(CultureInfo.InvariantCulture, $"mp3vswav-mp3-{kbps}.csv"));
            StudyInputs.Features(jobs, csv, dataDir, log: log);
            var df = TableReader.Load(csv);
            MissingValues.FillWithColumnMean(df);
            foreach (var row in FeatureDeltas.Compute(wavDf, df).Rows) deltas.Add([kbps, .. row]);
            variants.Add(($"mp3-{kbps}", df));
        }
        w.Table("feature_deltas", deltas);
        var transfer = TransferAccuracy.Evaluate(wavDf, variants, ModelSpec.Parse(model), "genre", seed: seed);
        w.Table("transfer", transfer);
        return new Mp3VsWavResult(similarity, perTrack, deltas, transfer, w.Files, w.Notes) { Charts = w.Highlights };
    }

    private static void Charts(ResultsWriter w, IReadOnlyList<Mp3Comparison> comparisons)
    {
        var first = comparisons[0].TrackId;
        var example = comparisons.Where(c => c.TrackId == first).ToList();
        var centres = example[0].Wav.CentresHz;
        var lines = new List<GenericChart> { Chart.Line<double, double, string>(x: centres, y: example[0].Wav.MeanDb, Name: "WAV") };
        lines.AddRange(example.Select(c => Chart.Line<double, double, string>(x: centres, y: c.Mp3.MeanDb, Name: $"MP3 {c.Kbps} kbps")));
        w.Chart("spectrum_example", Chart.Combine(lines)
            .WithChartTitle($"Frequency histogram of {first}: mean power per band (dB)")
            .WithXAxisStyle<double, double, string>(TitleText: "band centre (Hz)")
            .WithYAxisStyle<double, double, string>(TitleText: "mean power (dB)"), 900, 500, highlight: true);
        var diff = comparisons.GroupBy(c => c.Kbps).OrderBy(g => g.Key).Select(g => Chart.Line<double, double, string>(x: centres,
            y: Enumerable.Range(0, centres.Length).Select(b => g.Average(c => Math.Abs(c.Mp3.MeanDb[b] - c.Wav.MeanDb[b]))).ToArray(),
            Name: $"{g.Key} kbps")).ToList();
        w.Chart("band_abs_diff", Chart.Combine(diff)
            .WithChartTitle("MP3 vs WAV: mean |ΔdB| per band over tracks")
            .WithXAxisStyle<double, double, string>(TitleText: "band centre (Hz)")
            .WithYAxisStyle<double, double, string>(TitleText: "|MP3 − WAV| (dB)"), 900, 500, highlight: true);
    }
}
