namespace AudioAlchemy.Cli.Commands;

/// <summary>
/// Old option spellings, still accepted for one release as hidden aliases: before parsing, <see cref="Rewrite"/> turns
/// each into the one spelling every verb now uses (<c>--out</c>, <c>--jobs</c>, <c>--hop-length</c>, <c>--label</c>, <c>--cache</c>) and warns once per
/// old spelling. They never appear in <c>--help</c>, and a test checks that no verb defines them any more.
/// Also accepts the shorthand <c>alchemy separate AUDIO</c> for <c>alchemy separate run AUDIO</c> (no warning).
/// </summary>
internal static class LegacySpellings
{
    /// <summary>Old spelling → current spelling.</summary>
    public static readonly IReadOnlyDictionary<string, string> Renamed = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["--results"] = "--out",
        ["--degree"] = "--jobs",
        ["--threads"] = "--jobs",
        ["--hop"] = "--hop-length",
        ["--task"] = "--label",
        ["--mel-cache"] = "--cache", // study cnn; the value is now the cache ROOT (mels under DIR/mels)
    };

    /// <summary>
    /// Returns <paramref name="args"/> with old spellings replaced (also in the <c>--opt=value</c> and <c>--opt:value</c>
    /// forms; nothing after a bare <c>--</c> is touched) and <c>separate AUDIO</c> turned into <c>separate run AUDIO</c>.
    /// <paramref name="warn"/> receives one line per old spelling used.
    /// </summary>
    public static string[] Rewrite(IReadOnlyList<string> args, IReadOnlySet<string> separateSubcommands, Action<string> warn)
    {
        var result = new List<string>(args.Count + 1);
        var warned = new HashSet<string>(StringComparer.Ordinal);
        bool literal = false;
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            if (literal || !a.StartsWith("--", StringComparison.Ordinal))
            {
                result.Add(a);
                continue;
            }
            if (a == "--")
            {
                literal = true;
                result.Add(a);
                continue;
            }
            int cut = a.IndexOfAny(['=', ':']);
            string name = cut < 0 ? a : a[..cut];
            if (Renamed.TryGetValue(name, out var current))
            {
                if (warned.Add(name)) warn($"warning: {name} is an old spelling of {current}; it will be removed in the next release");
                a = current + (cut < 0 ? "" : a[cut..]);
            }
            result.Add(a);
        }
        if (result.Count >= 2 && result[0] == "separate" && !result[1].StartsWith('-') && !separateSubcommands.Contains(result[1]))
            result.Insert(1, "run");
        return [.. result];
    }
}
