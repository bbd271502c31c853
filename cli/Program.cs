using System.CommandLine;
using AudioAlchemy.Cli.Commands;

namespace AudioAlchemy.Cli;

/// <summary>Entry point of the <c>alchemy</c> command-line tool: every verb is a thin call into the library.</summary>
public static class Program
{
    /// <summary>
    /// Parses the command line and runs the verb. Exit codes (<see cref="ExitCodes"/>, README "Exit codes"): 0 done,
    /// 1 error (nothing or an incomplete output produced), 2 bad command line (checked before any work), 3 finished with
    /// skipped items.
    /// </summary>
    public static int Main(string[] args)
    {
        ConsoleSetup.Apply();
        var root = AlchemyCommandLine.Root();
        var parse = AlchemyCommandLine.Parse(root, args, Console.Error.WriteLine);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) Console.Error.WriteLine($"error: {e.Message}");
            var verbs = new List<string>();
            for (var c = parse.CommandResult; c is not null && c.Command != root; c = c.Parent as System.CommandLine.Parsing.CommandResult)
                verbs.Insert(0, c.Command.Name);
            Console.Error.WriteLine($"(see: alchemy {string.Join(' ', verbs)} --help)");
            return ExitCodes.Usage;
        }
        return parse.Invoke();
    }
}
