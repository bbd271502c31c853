using System.CommandLine;
using AudioAlchemy.Sharding;
using Spectre.Console;

namespace AudioAlchemy.Cli.Commands;

/// <summary>
/// <c>--shard K/N|auto|auto/N</c>, shared by every verb that walks a manifest: run only the items whose track id hashes
/// to shard K of N (<see cref="ShardSpec"/>) and write <c>PART-K-of-N.*</c> + <c>.json</c> into the parts folder
/// (<see cref="PartWriter.PartsFolder"/>) for <c>alchemy table merge</c>.
/// </summary>
internal sealed class ShardOption
{
    public Option<string?> Option { get; } = new("--shard")
    {
        Description = "Only shard K of N (0-based; stable hash of the track id) → PART-K-of-N.* + .json in the parts folder (--out's name with .parts, " +
            "or --out itself when it is a folder); 'auto' = SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT or JOB_COMPLETION_INDEX + ALCHEMY_SHARD_COUNT. " +
            "Merge the parts with 'alchemy table merge'",
    };

    public void AddTo(Command cmd) => cmd.Options.Add(Option);

    /// <summary>The shard asked for, or null (whole input).</summary>
    public ShardSpec? Resolve(ParseResult parse) => parse.GetValue(Option) is { } s ? ShardSpec.Parse(s) : null;

    /// <summary>Prints where a part went.</summary>
    public static void Report(ShardSpec shard, int shardItems, int inputItems, string json) =>
        AnsiConsole.MarkupLine($"shard {shard}: {shardItems} of {inputItems} items → [green]{Markup.Escape(Path.ChangeExtension(json, null))}.*[/]");
}
