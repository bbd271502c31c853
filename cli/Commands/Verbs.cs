using System.CommandLine;

namespace AudioAlchemy.Cli.Commands;

/// <summary>The list of top-level verbs. Each verb lives in its own file and exposes a static <c>Create()</c>.</summary>
internal static class Verbs
{
    public static IEnumerable<Command> All()
    {
        yield return InfoCommand.Create();
        yield return ConvertCommand.Create();
        yield return BenchCommand.Create();
        yield return SeparateCommand.Create();
        yield return AblateCommand.Create();
        yield return DemoCommand.Create();
        yield return CorpusCommand.Create();
        yield return NotebookCommand.Create();
        yield return MelImageCommand.Create();
        yield return ExperimentCommand.Create();
        yield return StudyCommand.Create();
        yield return FeaturesCommand.Create();
        yield return FramesCommand.Create();
        yield return PredictCommand.Create();
        yield return EmbedCommand.Create();
        yield return RecommendCommand.Create();
        yield return PlayerCommand.Create();
        yield return DevCommand.Create();
        yield return TableCommand.Create();
        yield return MelsCommand.Create();
    }
}
