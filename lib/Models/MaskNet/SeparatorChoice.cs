using AudioAlchemy.Separation;

namespace AudioAlchemy.Models.MaskNet;

/// <summary>
/// Separators by name for hosts (demo, notebooks): <c>learned</c> (the shipped mask network, <see cref="LearnedSeparator.Shipped"/>),
/// <c>repet-sim</c> (<see cref="RepetSimSeparator"/> with its defaults). <c>best</c> is the learned separator when the
/// library carries its model, else REPET-SIM. The CLI's <c>--method</c> adds demucs and every option.
/// </summary>
public static class SeparatorChoice
{
    /// <summary>The names <see cref="Factory"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["best", "learned", "repet-sim"];

    /// <summary>True when the library was built with models/separator/ (the shipped learned model).</summary>
    public static bool HasShippedModel => typeof(MaskNetModel).Assembly.GetManifestResourceInfo(MaskNetModel.ShippedResource + MaskNetModel.MetadataFile) is not null;

    /// <summary>The concrete name <paramref name="name"/> stands for (<c>best</c> resolved).</summary>
    public static string Resolve(string name)
    {
        string n = name.Trim().ToLowerInvariant();
        if (n == "best") return HasShippedModel ? "learned" : "repet-sim";
        if (n is "repet" or "repetsim") return "repet-sim";
        if (!Names.Contains(n)) throw new AlchemyException($"separator '{name}': expected one of {string.Join(", ", Names)}");
        return n;
    }

    /// <summary>A factory of separators (one per worker) using <paramref name="threadsEach"/> cores each (null = all).</summary>
    public static Func<ISeparator> Factory(string name, int? threadsEach = null) => Resolve(name) switch
    {
        "learned" => () => LearnedSeparator.Shipped(new LearnedSeparatorOptions(Threads: threadsEach ?? 0)),
        _ => () => new RepetSimSeparator(new RepetSimOptions(MaxThreads: threadsEach)),
    };
}
