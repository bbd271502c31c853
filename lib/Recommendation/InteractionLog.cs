using System.Globalization;
using AudioAlchemy.Corpus;

namespace AudioAlchemy.Recommendation;

/// <summary>
/// Reads real interaction logs: CSV with a header naming <c>user</c>, <c>item</c> and either <c>rating</c> (explicit,
/// Likert 1..points) or <c>plays</c> (implicit play counts); extra columns are ignored. Every bad row (missing field,
/// not a number, outside the scale, an item not in the library, a duplicate (user, item)) is reported with its line
/// number; with any bad row the read fails as a whole, listing them, so nothing is trained on a half-read log.
/// </summary>
public static class InteractionLog
{
    /// <summary>At most this many bad rows are listed in the error (the count is always given).</summary>
    public const int MaxListed = 20;

    /// <summary>Reads <paramref name="path"/>; <paramref name="library"/>, when given, must hold every item.</summary>
    /// <exception cref="AlchemyException">Missing file, bad header or any bad row (each named by line).</exception>
    public static (IReadOnlyList<Rating> Ratings, RatingScale Scale) Read(string path, RatingScale? scale = null, SongLibrary? library = null)
    {
        if (!File.Exists(path)) throw new AlchemyException($"{path}: interaction log not found");
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0].Trim().Length == 0) throw new AlchemyException($"{path}: empty file (expected a header user,item,rating or user,item,plays)");
        var header = Fields(lines[0]).Select(h => h.Trim().ToLowerInvariant()).ToList();
        int u = header.IndexOf("user"), it = header.IndexOf("item"), r = header.IndexOf("rating"), p = header.IndexOf("plays");
        if (u < 0 || it < 0 || (r < 0 && p < 0))
            throw new AlchemyException($"{path} line 1: header must name user, item and rating (or plays); got '{lines[0]}'");
        bool isImplicit = r < 0;
        var s = scale ?? (isImplicit ? RatingScale.Implicit : InferScale(lines, r));
        if (s.IsImplicit != isImplicit) throw new AlchemyException($"{path}: scale {s} does not fit a '{(isImplicit ? "plays" : "rating")}' column");
        int v = isImplicit ? p : r;
        var ratings = new List<Rating>();
        var bad = new List<string>();
        var seen = new Dictionary<(string, string), int>();
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            int line = i + 1;
            var f = Fields(lines[i]);
            string Field(int k) => k < f.Count ? f[k].Trim() : "";
            string user = Field(u), item = Field(it), value = Field(v);
            if (user.Length == 0 || item.Length == 0 || value.Length == 0) { bad.Add($"line {line}: missing {(user.Length == 0 ? "user" : item.Length == 0 ? "item" : header[v])}"); continue; }
            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double x)) { bad.Add($"line {line}: {header[v]} '{value}' is not a number"); continue; }
            if (!s.IsValid(x)) { bad.Add($"line {line}: {header[v]} {value} is outside the {s} scale{(s.IsImplicit ? " (plays must be ≥ 0)" : $" (1..{s.Points}, whole numbers)")}"); continue; }
            if (library is not null && library.IndexOf(item) < 0) { bad.Add($"line {line}: item '{item}' is not in {library.Source}"); continue; }
            if (seen.TryGetValue((user, item), out int first)) { bad.Add($"line {line}: user '{user}' rated item '{item}' already on line {first}"); continue; }
            seen[(user, item)] = line;
            ratings.Add(new Rating(user, item, x));
        }
        if (bad.Count > 0)
            throw new AlchemyException($"{path}: {bad.Count} bad row(s), nothing read:\n  " + string.Join("\n  ", bad.Take(MaxListed)) + (bad.Count > MaxListed ? $"\n  … and {bad.Count - MaxListed} more" : ""));
        if (ratings.Count == 0) throw new AlchemyException($"{path}: no interactions");
        return (ratings, s);
    }

    /// <summary>Writes <paramref name="ratings"/> as CSV user,item,rating (or plays) atomically.</summary>
    public static void Write(string path, IEnumerable<Rating> ratings, RatingScale scale)
    {
        var sb = new System.Text.StringBuilder(scale.IsImplicit ? "user,item,plays\n" : "user,item,rating\n");
        foreach (var x in ratings) sb.Append(x.User).Append(',').Append(x.Item).Append(',').Append(x.Value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        AtomicFile.WriteAllText(path, sb.ToString());
    }

    private static IReadOnlyList<string> Fields(string line) => Csv.Parse(line).FirstOrDefault() ?? [];

    private static RatingScale InferScale(string[] lines, int column)
    {
        double max = 0;
        for (int i = 1; i < lines.Length; i++)
        {
            var f = Fields(lines[i]);
            if (column < f.Count && double.TryParse(f[column], NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && x > max && x <= 5) max = x;
        }
        return max <= 2 ? RatingScale.Two : max <= 3 ? RatingScale.Three : RatingScale.Five;
    }
}
