using System.CommandLine;

namespace AudioAlchemy.Cli.Commands;

/// <summary>The whole command tree of <c>alchemy</c> and its parsing (old spellings rewritten first), shared by
/// <see cref="Program.Main"/> and the parse tests.</summary>
internal static class AlchemyCommandLine
{
    /// <summary>The root command with every verb and the by-name argument rules.</summary>
    public static RootCommand Root()
    {
        var root = new RootCommand("AudioAlchemy: music information retrieval (genre and sung language) with librosa-parity features, vocal separation, classical models and CNNs.");
        foreach (var command in Verbs.All()) root.Subcommands.Add(command);
        OptionRules.ApplyTo(root);
        return root;
    }

    /// <summary>Parses <paramref name="args"/> against <paramref name="root"/> after <see cref="LegacySpellings.Rewrite"/>.</summary>
    public static ParseResult Parse(RootCommand root, IReadOnlyList<string> args, Action<string> warn)
    {
        var separate = root.Subcommands.Single(c => c.Name == "separate");
        var subcommands = separate.Subcommands.SelectMany(c => c.Aliases.Append(c.Name)).ToHashSet(StringComparer.Ordinal);
        return root.Parse(LegacySpellings.Rewrite(args, subcommands, warn));
    }
}
