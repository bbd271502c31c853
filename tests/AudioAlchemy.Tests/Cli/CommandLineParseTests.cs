using System.CommandLine;
using AudioAlchemy.Cli.Commands;
using AudioAlchemy.Demo;
using Xunit;

namespace AudioAlchemy.Tests.Cli;

/// <summary>
/// Parse tests for every verb of <c>alchemy</c>: a representative command line per leaf verb binds the values it names,
/// <c>--help</c> works everywhere, the vocabulary is one spelling per concept (<c>--out</c>, <c>--jobs</c>,
/// <c>--hop-length</c>), old spellings still parse as hidden aliases, and bad values are usage errors before any work.
/// Nothing here runs a verb's action.
/// </summary>
public sealed class CommandLineParseTests
{
    /// <summary>Leaf verb → a valid command line (without the verb words) and values it must bind (option or argument name → text).</summary>
    private static readonly Dictionary<string, (string[] Args, (string Name, string Value)[] Expect)> Cases = new()
    {
        ["info"] = (["a.wav", "b.mp3"], []),
        ["convert"] = (["in.flac", "out.wav", "--sr", "44100", "--mono"], [("--sr", "44100"), ("--mono", "True")]),
        ["bench decode"] = (["a.wav", "--runs", "3"], [("--runs", "3")]),
        ["bench features"] = (["a.wav", "--duration", "10", "--runs", "2"], [("--duration", "10"), ("--runs", "2")]),
        ["bench models"] = (["--table", "t.csv"], [("--table", "t.csv")]),
        ["separate run"] = (["song.wav", "--out", "o", "--sr", "44100"], [("audio", "song.wav"), ("--out", "o"), ("--sr", "44100")]),
        ["separate eval"] = (["m.csv", "--out", "e.csv", "--jobs", "2", "--limit", "5"], [("manifest", "m.csv"), ("--out", "e.csv"), ("--jobs", "2"), ("--limit", "5")]),
        ["separate sweep"] = (["m.csv", "--stride", "2", "--jobs", "1"], [("--stride", "2"), ("--jobs", "1")]),
        ["separate train"] = (["m.csv", "--out", "model", "--epochs", "3", "--jobs", "1", "--hop-length", "256"], [("--out", "model"), ("--epochs", "3"), ("--jobs", "1"), ("--hop-length", "256")]),
        ["ablate"] = (["m.csv", "--out", "abl", "--jobs", "1"], [("--out", "abl"), ("--jobs", "1")]),
        ["demo"] = (["--out", "r", "--data", "d", "--tiny", "--only", "00,04"], [("--out", "r"), ("--data", "d"), ("--tiny", "True"), ("--only", "00,04")]),
        ["corpus synth"] = (["--out", "c", "--per-genre", "2", "--jobs", "1"], [("--out", "c"), ("--per-genre", "2"), ("--jobs", "1")]),
        ["corpus check"] = (["m.csv", "--stems"], [("manifest", "m.csv"), ("--stems", "True")]),
        ["corpus accuracy"] = (["m.csv", "--features", "f.csv", "--out", "acc.csv"], [("--features", "f.csv"), ("--out", "acc.csv")]),
        ["notebook run"] = (["nb.ipynb", "--out", "o", "--cell-timeout", "60"], [("--out", "o"), ("--cell-timeout", "60")]),
        ["melimage"] = (["a.wav", "--out", "img", "--hop-length", "256", "--n-mels", "64"], [("--out", "img"), ("--hop-length", "256"), ("--n-mels", "64")]),
        ["experiment run"] = (["--table", "t.csv", "--label", "genre", "--jobs", "1", "--out", "r"], [("--table", "t.csv"), ("--jobs", "1"), ("--out", "r")]),
        ["experiment sweep"] = (["--table", "t.csv", "--label", "genre", "--model", "knn", "--grid", "n_neighbors=1|3", "--jobs", "2"], [("--model", "knn"), ("--jobs", "2")]),
        ["experiment synth"] = (["--out", "s.csv"], [("--out", "s.csv")]),
        ["study q1"] = (["--features", "f.parquet", "--out", "r", "--jobs", "1", "--cnn", "--crop-frames", "260", "--fmax", "8000", "--cache", "c"],
            [("--features", "f.parquet"), ("--out", "r"), ("--jobs", "1"), ("--cnn", "True"), ("--crop-frames", "260"), ("--fmax", "8000"), ("--cache", "c")]),
        ["study q2-classical"] = (["--features", "f.parquet", "--jobs", "2"], [("--features", "f.parquet"), ("--jobs", "2")]),
        ["study cnn"] = (["--manifest", "m.csv", "--label", "language", "--track-type", "vocals", "--true-stems", "--fmax", "8000", "--active-crop-db", "30", "--out", "r", "--jobs", "1", "--image", "grey"],
            [("--manifest", "m.csv"), ("--label", "language"), ("--track-type", "vocals"), ("--true-stems", "True"), ("--fmax", "8000"), ("--active-crop-db", "30"), ("--out", "r"), ("--jobs", "1"), ("--image", "grey")]),
        ["study rec"] = (["--library", "e.parquet", "--out", "r"], [("--library", "e.parquet"), ("--out", "r")]),
        ["features"] = (["m.csv", "--out", "f.parquet", "--jobs", "2", "--hop-length", "256"], [("--out", "f.parquet"), ("--jobs", "2"), ("--hop-length", "256")]),
        ["frames"] = (["m.csv", "--out", "fr.parquet", "--jobs", "1"], [("--out", "fr.parquet"), ("--jobs", "1")]),
        ["predict"] = (["m.csv", "--model", "m", "--top", "3", "--track-type", "vocals", "--true-stems", "--out", "r", "--cache", "c"],
            [("--model", "m"), ("--top", "3"), ("--track-type", "vocals"), ("--true-stems", "True"), ("--out", "r"), ("--cache", "c")]),
        ["embed"] = (["m.csv", "--out", "e.parquet", "--jobs", "1"], [("--out", "e.parquet"), ("--jobs", "1")]),
        ["recommend"] = (["song_1", "--library", "e.parquet", "--k", "5"], [("--library", "e.parquet"), ("--k", "5")]),
        ["player"] = (["m.csv", "--port", "0", "--cache", "c"], [("--port", "0"), ("--cache", "c")]),
        ["dev deps"] = (["lib"], []),
        ["table merge"] = (["p1.parquet", "p2.parquet", "--out", "t.parquet"], [("--out", "t.parquet")]),
        ["mels"] = (["m.csv", "--out", "mels.csv", "--jobs", "1", "--cache", "c"], [("--out", "mels.csv"), ("--jobs", "1"), ("--cache", "c")]),
    };

    private static IEnumerable<(string Path, Command Command)> Leaves(Command c, string path)
    {
        if (c.Subcommands.Count == 0) yield return (path, c);
        foreach (var s in c.Subcommands)
            foreach (var leaf in Leaves(s, path.Length == 0 ? s.Name : $"{path} {s.Name}")) yield return leaf;
    }

    private static List<(string Path, Command Command)> AllLeaves() => Leaves(AlchemyCommandLine.Root(), "").ToList();

    public static TheoryData<string> LeafPaths()
    {
        var data = new TheoryData<string>();
        foreach (var (path, _) in AllLeaves()) data.Add(path);
        return data;
    }

    private static ParseResult Parse(string leaf, IEnumerable<string> args, List<string>? warnings = null) =>
        AlchemyCommandLine.Parse(AlchemyCommandLine.Root(), [.. leaf.Split(' '), .. args], w => warnings?.Add(w));

    private static string? Bound(ParseResult p, string name)
    {
        var symbol = p.CommandResult.Command.Options.Cast<Symbol>().Concat(p.CommandResult.Command.Arguments).FirstOrDefault(s => s.Name == name)
            ?? throw new InvalidOperationException($"{p.CommandResult.Command.Name} has no option or argument {name}");
        object? value = symbol switch
        {
            Option o => p.GetResult(o) is { } r ? r.GetValueOrDefault<object?>() : null,
            Argument a => p.GetResult(a) is { } r ? r.GetValueOrDefault<object?>() : null,
            _ => null,
        };
        return value switch
        {
            null => null,
            string[] many => string.Join(",", many),
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
    }

    [Fact]
    public void EveryLeafVerb_HasAParseCase()
    {
        var leaves = AllLeaves().Select(l => l.Path).ToHashSet();
        Assert.Empty(leaves.Except(Cases.Keys));   // a new verb needs a case here
        Assert.Empty(Cases.Keys.Except(leaves));   // a removed verb leaves no stale case
    }

    [Theory]
    [MemberData(nameof(LeafPaths))]
    public void Sample_Parses_AndBindsItsValues(string leaf)
    {
        var (args, expect) = Cases[leaf];
        var warnings = new List<string>();
        var p = Parse(leaf, args, warnings);
        Assert.True(p.Errors.Count == 0, $"alchemy {leaf} {string.Join(' ', args)}: {string.Join("; ", p.Errors.Select(e => e.Message))}");
        Assert.Equal(leaf.Split(' ')[^1], p.CommandResult.Command.Name);
        Assert.Empty(warnings);
        foreach (var (name, value) in expect) Assert.Equal(value, Bound(p, name));
    }

    [Theory]
    [MemberData(nameof(LeafPaths))]
    public void Help_Works_AndDescribesEveryOption(string leaf)
    {
        var p = Parse(leaf, ["--help"]);
        var output = new StringWriter();
        int rc = p.Invoke(new InvocationConfiguration { Output = output, Error = output });
        Assert.Equal(0, rc);
        string help = output.ToString();
        Assert.Contains($" {leaf}", help[help.IndexOf("Usage:", StringComparison.Ordinal)..]); // the usage line (the root's name is the host's)
        foreach (var option in p.CommandResult.Command.Options.Where(o => !o.Hidden && o.Name != "--help" && o.Name != "-h"))
        {
            Assert.Contains(option.Name, help);
            Assert.False(string.IsNullOrWhiteSpace(option.Description), $"alchemy {leaf} {option.Name} has no description");
        }
    }

    [Theory]
    [MemberData(nameof(LeafPaths))]
    public void NoVerb_DefinesAnOldSpelling(string leaf)
    {
        var command = AllLeaves().Single(l => l.Path == leaf).Command;
        foreach (var option in command.Options)
            foreach (var name in option.Aliases.Append(option.Name))
                Assert.False(LegacySpellings.Renamed.ContainsKey(name), $"alchemy {leaf} still defines {name}; spell it {LegacySpellings.Renamed.GetValueOrDefault(name)}");
    }

    public static TheoryData<string> LeafPathsWithJobs()
    {
        var data = new TheoryData<string>();
        foreach (var (path, command) in AllLeaves())
            if (command.Options.Any(o => o.Name == "--jobs")) data.Add(path);
        return data;
    }

    [Fact]
    public void JobsCases_CoverEveryVerbWithJobs()
    {
        foreach (var (path, command) in AllLeaves())
            Assert.True(command.Options.Any(o => o.Name == "--jobs") == Cases[path].Args.Contains("--jobs"),
                $"alchemy {path}: the parse case should use --jobs exactly when the verb has it");
    }

    [Theory]
    [MemberData(nameof(LeafPathsWithJobs))]
    public void JobsZero_IsAUsageError(string leaf)
    {
        var args = Cases[leaf].Args;
        var p = Parse(leaf, [.. args.Where((a, i) => a != "--jobs" && (i == 0 || args[i - 1] != "--jobs")), "--jobs", "0"]);
        Assert.Contains(p.Errors, e => e.Message.Contains("--jobs 0", StringComparison.Ordinal));
    }

    [Fact]
    public void Cache_IsTheCacheRoot_OnEveryVerbThatCaches()
    {
        var withCache = AllLeaves().Where(l => l.Command.Options.Any(o => o.Name == "--cache")).ToList();
        Assert.Equal(["embed", "features", "frames", "mels", "player", "predict", "study cnn", "study q1"], withCache.Select(l => l.Path).Order(StringComparer.Ordinal));
        foreach (var (path, _) in withCache)
        {
            var p = Parse(path, Cases[path].Args.Where((a, i) => a != "--cache" && (i == 0 || Cases[path].Args[i - 1] != "--cache")));
            Assert.Equal(ContentCache.DefaultRoot, Bound(p, "--cache"));
        }
    }

    [Theory]
    [InlineData("demo --results r", "demo", "--out", "r", "--results")]
    [InlineData("separate eval m.csv --results e.csv", "eval", "--out", "e.csv", "--results")]
    [InlineData("experiment run --table t.csv --label g --degree 3", "run", "--jobs", "3", "--degree")]
    [InlineData("study q1 --features f.csv --degree=1", "q1", "--jobs", "1", "--degree")]
    [InlineData("features m.csv --hop 256", "features", "--hop-length", "256", "--hop")]
    [InlineData("melimage a.wav --out d --hop:128", "melimage", "--hop-length", "128", "--hop")]
    [InlineData("study q2-cnn --synthetic 10 --threads 1", "cnn", "--jobs", "1", "--threads")]
    [InlineData("study cnn --synthetic 10 --task language", "cnn", "--label", "language", "--task")]
    [InlineData("study cnn --manifest m.csv --mel-cache c", "cnn", "--cache", "c", "--mel-cache")]
    [InlineData("separate train m.csv --threads 2", "train", "--jobs", "2", "--threads")]
    public void OldSpelling_ParsesAsTheNewOne_WithAWarning(string line, string command, string name, string value, string old)
    {
        var warnings = new List<string>();
        var p = AlchemyCommandLine.Parse(AlchemyCommandLine.Root(), line.Split(' '), warnings.Add);
        Assert.Empty(p.Errors);
        Assert.Equal(command, p.CommandResult.Command.Name);
        Assert.Equal(value, Bound(p, name));
        Assert.Equal([$"warning: {old} is an old spelling of {name}; it will be removed in the next release"], warnings);
    }

    [Fact]
    public void SeparateShorthand_IsSeparateRun_AndSubcommandsHaveNoPhantomArgument()
    {
        var p = AlchemyCommandLine.Parse(AlchemyCommandLine.Root(), ["separate", "song.wav", "--out", "o"], _ => { });
        Assert.Empty(p.Errors);
        Assert.Equal("run", p.CommandResult.Command.Name);
        Assert.Equal("song.wav", Bound(p, "audio"));

        var separate = AlchemyCommandLine.Root().Subcommands.Single(c => c.Name == "separate");
        Assert.Empty(separate.Arguments);
        var help = new StringWriter();
        AlchemyCommandLine.Parse(AlchemyCommandLine.Root(), ["separate", "eval", "--help"], _ => { }).Invoke(new InvocationConfiguration { Output = help });
        Assert.Contains(" separate eval <manifest>", help.ToString());
        Assert.DoesNotContain("<audio>", help.ToString());
    }

    [Fact]
    public void LiteralArguments_AfterDoubleDash_AreNotRewritten()
    {
        var rewritten = LegacySpellings.Rewrite(["info", "--", "--hop"], new HashSet<string>(), _ => throw new InvalidOperationException("no warning expected"));
        Assert.Equal(["info", "--", "--hop"], rewritten);
    }

    [Fact]
    public void DemoHelp_StatesTheSizesTheModesUse()
    {
        var help = new StringWriter();
        AlchemyCommandLine.Parse(AlchemyCommandLine.Root(), ["demo", "--help"], _ => { }).Invoke(new InvocationConfiguration { Output = help });
        var (perGenre, seconds) = DemoPlan.Corpus(DemoMode.Quick);
        Assert.Contains(FormattableString.Invariant($"{perGenre} songs per genre × {seconds:0.#} s"), help.ToString());
        var (tinyPerGenre, tinySeconds) = DemoPlan.Corpus(DemoMode.Tiny);
        Assert.Contains(FormattableString.Invariant($"{tinyPerGenre} songs per genre × {tinySeconds:0.#} s"), help.ToString());
    }
}
