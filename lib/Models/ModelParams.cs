using System.Globalization;

namespace AudioAlchemy.Models;

/// <summary>
/// Hyper-parameters of a model as name → value strings (e.g. <c>n_neighbors=5</c>), with typed getters that fail
/// with a clear message. Names follow scikit-learn where a counterpart exists.
/// </summary>
public sealed class ModelParams
{
    private readonly SortedDictionary<string, string> _values;

    /// <summary>Creates parameters from pairs.</summary>
    public ModelParams(IEnumerable<KeyValuePair<string, string>>? values = null) =>
        _values = new SortedDictionary<string, string>(values?.ToDictionary(kv => kv.Key, kv => kv.Value) ?? [], StringComparer.Ordinal);

    /// <summary>Empty parameters (all defaults).</summary>
    public static ModelParams Empty => new();

    /// <summary>Parses <c>a=1,b=x</c> (empty string = no parameters).</summary>
    public static ModelParams Parse(string text) => new(text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(kv => kv.Split('=', 2)).Select(p => p.Length == 2 ? KeyValuePair.Create(p[0].Trim(), p[1].Trim())
            : throw new AlchemyException($"model parameter '{string.Join('=', p)}' is not name=value")));

    /// <summary>All names and values, sorted by name.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>A copy with <paramref name="name"/> set to <paramref name="value"/>.</summary>
    public ModelParams With(string name, string value) => new(_values.Append(KeyValuePair.Create(name, value)).GroupBy(kv => kv.Key).Select(g => g.Last()));

    /// <summary>Integer parameter or <paramref name="fallback"/>.</summary>
    public int Int(string name, int fallback) => _values.TryGetValue(name, out var v)
        ? int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out int r) ? r : throw Bad(name, v, "an integer")
        : fallback;

    /// <summary>Optional integer parameter (<c>none</c> or absent → <paramref name="fallback"/>).</summary>
    public int? IntOrNone(string name, int? fallback) => _values.TryGetValue(name, out var v)
        ? v.Equals("none", StringComparison.OrdinalIgnoreCase) ? null
            : int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out int r) ? r : throw Bad(name, v, "an integer or none")
        : fallback;

    /// <summary>Floating-point parameter or <paramref name="fallback"/>.</summary>
    public double Double(string name, double fallback) => _values.TryGetValue(name, out var v)
        ? double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double r) ? r : throw Bad(name, v, "a number")
        : fallback;

    /// <summary>Free-text parameter (e.g. <c>max_features=sqrt</c> or <c>0.5</c>) or <paramref name="fallback"/>.</summary>
    public string Text(string name, string fallback) => _values.TryGetValue(name, out var v) ? v : fallback;

    /// <summary>Boolean parameter (<c>true/false</c>, <c>1/0</c>, Python's <c>True/False</c>) or <paramref name="fallback"/>.</summary>
    public bool Bool(string name, bool fallback) => !_values.TryGetValue(name, out var v) ? fallback
        : v.ToLowerInvariant() switch { "true" or "1" => true, "false" or "0" => false, _ => throw Bad(name, v, "true or false") };

    /// <summary>String parameter, one of <paramref name="allowed"/>, or <paramref name="fallback"/>.</summary>
    public string Choice(string name, string fallback, params string[] allowed)
    {
        if (!_values.TryGetValue(name, out var v)) return fallback;
        return allowed.Contains(v, StringComparer.OrdinalIgnoreCase) ? v.ToLowerInvariant() : throw Bad(name, v, "one of " + string.Join("/", allowed));
    }

    /// <summary>Fails when a parameter outside <paramref name="known"/> is present (catches typos).</summary>
    public void RequireKnown(string model, params string[] known)
    {
        foreach (var k in _values.Keys)
            if (!known.Contains(k)) throw new AlchemyException($"{model}: unknown parameter '{k}' (known: {string.Join(", ", known)})");
    }

    /// <summary><c>a=1,b=x</c> (sorted by name).</summary>
    public override string ToString() => string.Join(",", _values.Select(kv => $"{kv.Key}={kv.Value}"));

    private static AlchemyException Bad(string name, string v, string what) => new($"parameter {name}='{v}' is not {what}");
}
