namespace AudioAlchemy.Experiments;

/// <summary>
/// scikit-learn's LabelEncoder: classes are the distinct labels sorted ordinally, codes are their indices.
/// </summary>
public sealed class LabelEncoder
{
    private readonly Dictionary<string, int> _index;

    /// <summary>Learns the sorted class list from <paramref name="labels"/>.</summary>
    public LabelEncoder(IEnumerable<string> labels)
    {
        Classes = labels.Distinct().Order(StringComparer.Ordinal).ToArray();
        if (Classes.Length == 0) throw new AlchemyException("label column is empty");
        _index = Classes.Select((c, i) => (c, i)).ToDictionary(t => t.c, t => t.i, StringComparer.Ordinal);
    }

    /// <summary>The classes in code order.</summary>
    public string[] Classes { get; }

    /// <summary>Codes of <paramref name="labels"/>; an unseen label is an error naming it.</summary>
    public int[] Transform(IEnumerable<string> labels) => labels.Select(l =>
        _index.TryGetValue(l, out int k) ? k : throw new AlchemyException($"label '{l}' was not seen when fitting the label encoder")).ToArray();

    /// <summary>Labels of <paramref name="codes"/>.</summary>
    public string[] InverseTransform(IEnumerable<int> codes) => codes.Select(k => Classes[k]).ToArray();
}
