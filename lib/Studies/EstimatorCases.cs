using System.Globalization;
using AudioAlchemy.Corpus;
using Microsoft.Data.Analysis;

namespace AudioAlchemy.Studies;

/// <summary>Joins a manifest's truth (key, mode, tempo_bpm) with a Table-1 feature table's estimates.</summary>
public static class EstimatorCases
{
    /// <summary>
    /// One case per manifest row: its truth, and the estimates of the feature-table row with the same
    /// <c>track_id</c> and <c>track_type</c> = <paramref name="trackType"/> (0 = full mix). Rows without a feature row get
    /// null estimates (counted as Missing).
    /// </summary>
    /// <exception cref="AlchemyException">The feature table lacks track_id, key_tonic, key_mode or tempo.</exception>
    public static IReadOnlyList<EstimatorCase> Join(Manifest manifest, DataFrame features, int trackType = 0, string groupBy = "genre")
    {
        foreach (var need in new[] { "track_id", "key_tonic", "key_mode", "tempo" })
            if (!features.Columns.Any(c => c.Name == need))
                throw new AlchemyException($"feature table has no '{need}' column (make it with `alchemy features`)");
        bool hasType = features.Columns.Any(c => c.Name == "track_type");
        var byId = new Dictionary<string, (string? Tonic, string? Mode, double? Tempo)>();
        for (long i = 0; i < features.Rows.Count; i++)
        {
            if (hasType && Convert.ToInt32(features["track_type"][i], CultureInfo.InvariantCulture) != trackType) continue;
            string id = Convert.ToString(features["track_id"][i], CultureInfo.InvariantCulture) ?? "";
            byId[id] = (Text(features["key_tonic"][i]), Text(features["key_mode"][i]), Number(features["tempo"][i]));
        }
        return manifest.Rows.Select(r =>
        {
            var est = byId.TryGetValue(r.Id, out var e) ? e : (null, null, null);
            return new EstimatorCase(r.Id, r.Label(groupBy), r.Key, r.Mode, r.TempoBpm, est.Tonic, est.Mode, est.Tempo);
        }).ToList();
    }

    private static string? Text(object? v) => v is null ? null : Convert.ToString(v, CultureInfo.InvariantCulture) is { Length: > 0 } s ? s : null;

    private static double? Number(object? v) => v switch
    {
        null => null,
        double d when double.IsFinite(d) => d,
        float f when float.IsFinite(f) => f,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) => p,
        IConvertible c when c is not string => Convert.ToDouble(c, CultureInfo.InvariantCulture),
        _ => null,
    };
}
