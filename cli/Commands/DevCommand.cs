using System.CommandLine;
using AudioAlchemy.Cli.Dev;

namespace AudioAlchemy.Cli.Commands;

/// <summary><c>alchemy dev deps</c>: developer tools (the namespace dependency graph of lib/ and its layer check).</summary>
internal static class DevCommand
{
    public static Command Create()
    {
        var roots = new Argument<string[]>("roots") { Description = "Source folders to measure (default: lib)", Arity = ArgumentArity.ZeroOrMore };
        var deps = new Command("deps", "Print the namespace dependency graph measured by Roslyn's semantic model, its cycles and upward (layer-violating) edges; exit 1 if there are any") { roots };
        deps.SetAction(parse => CliRunner.Run(() =>
        {
            var folders = parse.GetValue(roots) is { Length: > 0 } r ? r : ["lib"];
            foreach (var f in folders)
                if (!Directory.Exists(f)) throw new AlchemyException($"dev deps: source folder '{f}' does not exist");
            var graph = NamespaceGraph.Measure(folders);
            Console.Write(graph.ToText());
            return graph.Cycles().Count == 0 && graph.Violations().Count == 0 ? 0 : 1;
        }));
        return new Command("dev", "Developer tools") { deps };
    }
}
