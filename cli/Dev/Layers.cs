namespace AudioAlchemy.Cli.Dev;

/// <summary>
/// The allowed layering of AudioAlchemy's namespaces (docs/architecture.md, /DESIGN): code may use its own layer
/// or a lower one, never a higher one. Sub-namespaces inherit their parent's layer.
/// </summary>
public static class Layers
{
    /// <summary>Namespace prefix to layer, most specific prefix first.</summary>
    public static IReadOnlyList<(string Prefix, int Layer)> Table { get; } =
    [
        ("AudioAlchemy.Common", 1), ("AudioAlchemy.Sharding", 1), ("AudioAlchemy.Audio", 1), ("AudioAlchemy.Dsp", 1),
        ("AudioAlchemy.Features", 2), ("AudioAlchemy.Separation", 2),
        ("AudioAlchemy.Corpus", 3),
        ("AudioAlchemy.Experiments", 4), ("AudioAlchemy.Models", 4), ("AudioAlchemy.Recommendation", 4),
        ("AudioAlchemy.Studies", 5), ("AudioAlchemy.Reporting", 5), ("AudioAlchemy.Benchmarks", 5),
        ("AudioAlchemy.Demo", 6), ("AudioAlchemy.Notebooks", 6), ("AudioAlchemy.Cli", 6), ("AudioAlchemy.Player", 6),
        ("AudioAlchemy", 1), // the root namespace holds Common's AlchemyException and AtomicFile
    ];

    /// <summary>The layer of <paramref name="ns"/>, or null when no prefix matches (an unlayered namespace is a violation).</summary>
    public static int? Of(string ns)
    {
        foreach (var (prefix, layer) in Table)
            if (ns == prefix || (prefix != "AudioAlchemy" && ns.StartsWith(prefix + ".", StringComparison.Ordinal))) return layer;
        return null;
    }
}
