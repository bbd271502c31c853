using System.CommandLine;
using AudioAlchemy.Cli.Commands;

namespace AudioAlchemy.Cli;

/// <summary>Entry point of the <c>alchemy</c> command-line tool: every verb is a thin call into the library.</summary>
public static class Program
{
    /// <summary>Parses the command line and runs the verb; exit code 0 on success, 1 on a reported error, 2 on usage errors.</summary>
    public static int Main(string[] args)
    {
        ConsoleSetup.Apply();
        var root = new RootCommand("AudioAlchemy: music information retrieval (genre and sung language) with librosa-parity features, vocal separation, classical models and CNNs.");
        foreach (var command in Verbs.All()) root.Subcommands.Add(command);
        return root.Parse(args).Invoke();
    }
}
