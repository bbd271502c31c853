using System.Globalization;
using System.Text;
using Parquet.Schema;
using Parquet.Serialization;

namespace AudioAlchemy.Corpus.Batch;

/// <summary>
/// The corpus feature table: one row per (track, track_type) with every Table-1 column — track_id, track_type,
/// genre, language, artist, path, duration_s, fundamental_freq, freq_e_1..3, key (name), key_tonic, key_mode,
/// key_index (0-23: C major = 0 .. B major = 11, C minor = 12 .. B minor = 23), key_correlation, zero_crossing_rate, mfcc_mean_0..n-1, mfcc_std_0..n-1, tempo, rms_energy, y_mean, y_variance,
/// y_skewness, y_kurtosis, voiced_frames, frames, voiced_fraction (voiced_frames / frames). Undefined values are empty (CSV) or null (Parquet).
/// Written atomically as .parquet or .csv by extension.
/// </summary>
public static class FeatureTable
{
    private enum Kind { Text, Int, Real }

    private sealed record Column(string Name, Kind Kind, Func<FeatureResult, object?> Get);

    /// <summary>Column names for <paramref name="nMfcc"/> coefficients, in order.</summary>
    public static IReadOnlyList<string> ColumnNames(int nMfcc) => Columns(nMfcc).Select(c => c.Name).ToList();

    private static List<Column> Columns(int nMfcc)
    {
        var cols = new List<Column>
        {
            new("track_id", Kind.Text, r => r.Job.TrackId),
            new("track_type", Kind.Int, r => r.Job.TrackType),
            new("genre", Kind.Text, r => r.Job.Genre),
            new("language", Kind.Text, r => r.Job.Language),
            new("artist", Kind.Text, r => r.Job.Artist),
            new("path", Kind.Text, r => r.Job.Path),
            new("duration_s", Kind.Real, r => r.Summary.DurationS),
            new("fundamental_freq", Kind.Real, r => r.Summary.FundamentalFreq),
            new("freq_e_1", Kind.Real, r => r.Summary.FreqE1),
            new("freq_e_2", Kind.Real, r => r.Summary.FreqE2),
            new("freq_e_3", Kind.Real, r => r.Summary.FreqE3),
            new("key", Kind.Text, r => r.Summary.Key?.Name),
            new("key_tonic", Kind.Text, r => r.Summary.Key?.TonicName),
            new("key_mode", Kind.Text, r => r.Summary.Key?.Mode),
            new("key_index", Kind.Real, r => (double?)r.Summary.Key?.Index),
            new("key_correlation", Kind.Real, r => r.Summary.Key?.Correlation),
            new("zero_crossing_rate", Kind.Real, r => r.Summary.ZeroCrossingRate),
        };
        for (int i = 0; i < nMfcc; i++) { int k = i; cols.Add(new($"mfcc_mean_{k}", Kind.Real, r => k < r.Summary.MfccMean.Length ? r.Summary.MfccMean[k] : null)); }
        for (int i = 0; i < nMfcc; i++) { int k = i; cols.Add(new($"mfcc_std_{k}", Kind.Real, r => k < r.Summary.MfccStd.Length ? r.Summary.MfccStd[k] : null)); }
        cols.Add(new("tempo", Kind.Real, r => r.Summary.Tempo));
        cols.Add(new("rms_energy", Kind.Real, r => r.Summary.RmsEnergy));
        cols.Add(new("y_mean", Kind.Real, r => r.Summary.YMean));
        cols.Add(new("y_variance", Kind.Real, r => r.Summary.YVariance));
        cols.Add(new("y_skewness", Kind.Real, r => r.Summary.YSkewness));
        cols.Add(new("y_kurtosis", Kind.Real, r => r.Summary.YKurtosis));
        cols.Add(new("voiced_frames", Kind.Int, r => r.Summary.VoicedFrames));
        cols.Add(new("frames", Kind.Int, r => r.Summary.Frames));
        cols.Add(new("voiced_fraction", Kind.Real, r => r.Summary.Frames > 0 ? (double)r.Summary.VoicedFrames / r.Summary.Frames : null));
        return cols;
    }

    /// <summary>Writes <paramref name="rows"/> to <paramref name="path"/> (.parquet or .csv) via a temp file and rename.</summary>
    public static void Save(IReadOnlyList<FeatureResult> rows, string path, int nMfcc)
    {
        string ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext is not (".csv" or ".parquet")) throw new AlchemyException($"{path}: unsupported table format '{ext}' (use .parquet or .csv)");
        var cols = Columns(nMfcc);
        AtomicFile.Write(path, tmp =>
        {
            if (ext == ".csv") WriteCsv(rows, tmp, cols); else WriteParquet(rows, tmp, cols).GetAwaiter().GetResult();
        });
    }

    private static void WriteCsv(IReadOnlyList<FeatureResult> rows, string path, List<Column> cols)
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Join(',', cols.Select(c => c.Name)));
        foreach (var r in rows)
            sb.AppendLine(string.Join(',', cols.Select(c => Cell(c.Get(r)))));
        File.WriteAllText(path, sb.ToString());
    }

    private static string Cell(object? v)
    {
        string s = v switch
        {
            null => "",
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => v.ToString() ?? "",
        };
        return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
    }

    private static async Task WriteParquet(IReadOnlyList<FeatureResult> rows, string path, List<Column> cols)
    {
        var fields = cols.Select(c => c.Kind switch
        {
            Kind.Int => (Field)new DataField<int>(c.Name),
            Kind.Real => new DataField<double?>(c.Name),
            _ => new DataField<string>(c.Name),
        }).ToArray();
        var schema = new ParquetSchema(fields);
        var data = new List<IDictionary<string, object?>>(rows.Count);
        foreach (var r in rows)
        {
            var d = new Dictionary<string, object?>(cols.Count);
            foreach (var c in cols)
                d[c.Name] = c.Kind switch
                {
                    Kind.Int => Convert.ToInt32(c.Get(r), CultureInfo.InvariantCulture),
                    Kind.Real => c.Get(r) is { } v ? Convert.ToDouble(v, CultureInfo.InvariantCulture) : null,
                    _ => (string?)c.Get(r),
                };
            data.Add(d);
        }
        await using var fs = File.Create(path);
        await ParquetSerializer.SerializeUntypedAsync(data, schema, fs);
    }
}
