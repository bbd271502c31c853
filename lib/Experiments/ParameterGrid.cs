using AudioAlchemy.Models;

namespace AudioAlchemy.Experiments;

/// <summary>
/// scikit-learn's ParameterGrid: the Cartesian product of value lists, parameter names sorted, the last name
/// varying fastest. Also seeded random sampling from the grid (scikit-learn's ParameterSampler on lists:
/// sampling without replacement, with our RNG).
/// </summary>
public sealed class ParameterGrid
{
    private readonly SortedDictionary<string, string[]> _grid;

    /// <summary>Creates the grid; every list must be non-empty.</summary>
    public ParameterGrid(IReadOnlyDictionary<string, string[]> grid)
    {
        _grid = new SortedDictionary<string, string[]>(grid.ToDictionary(kv => kv.Key, kv => kv.Value), StringComparer.Ordinal);
        foreach (var kv in _grid) if (kv.Value.Length == 0) throw new AlchemyException($"parameter grid: '{kv.Key}' has no values");
    }

    /// <summary>Parses <c>n_neighbors=1|3|5;p=1|2</c>.</summary>
    public static ParameterGrid Parse(string text) => new(text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(part => part.Split('=', 2)).ToDictionary(
            p => p.Length == 2 ? p[0].Trim() : throw new AlchemyException($"grid entry '{p[0]}' is not name=v1|v2"),
            p => p[1].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));

    /// <summary>Number of configurations.</summary>
    public int Count => _grid.Values.Aggregate(1, (a, v) => a * v.Length);

    /// <summary>Every configuration in scikit-learn order, each layered over <paramref name="fixedParams"/>.</summary>
    public IReadOnlyList<ModelParams> All(ModelParams? fixedParams = null)
    {
        var result = new List<ModelParams>();
        var keys = _grid.Keys.ToArray();
        var idx = new int[keys.Length];
        for (int n = 0; n < Count; n++)
        {
            var p = fixedParams ?? ModelParams.Empty;
            for (int k = 0; k < keys.Length; k++) p = p.With(keys[k], _grid[keys[k]][idx[k]]);
            result.Add(p);
            for (int k = keys.Length - 1; k >= 0; k--) { if (++idx[k] < _grid[keys[k]].Length) break; idx[k] = 0; }
        }
        return result;
    }

    /// <summary><paramref name="n"/> distinct configurations drawn at random with <paramref name="seed"/> (all when n ≥ Count), in draw order.</summary>
    public IReadOnlyList<ModelParams> Sample(int n, int seed, ModelParams? fixedParams = null)
    {
        if (n < 1) throw new AlchemyException($"random search needs n_iter >= 1, got {n}");
        var all = All(fixedParams).ToArray();
        var order = Enumerable.Range(0, all.Length).ToArray();
        new Random(seed).Shuffle(order);
        return order.Take(Math.Min(n, all.Length)).Select(i => all[i]).ToArray();
    }
}
