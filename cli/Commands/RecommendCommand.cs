using System.CommandLine;
using AudioAlchemy.Recommendation;
using Spectre.Console;

namespace AudioAlchemy.Cli.Commands;

/// <summary><c>alchemy recommend SONG|ID --library TABLE [--k 10] [--same-language] [--language xx] [--language-blind]</c>: more songs like this one.</summary>
internal static class RecommendCommand
{
    public static Command Create()
    {
        var song = new Argument<string>("song") { Description = "Song id, audio path or title in the library" };
        var library = new Option<string>("--library") { Description = "Song-embedding table written by `alchemy embed` (.parquet or .csv)", Required = true };
        var k = new Option<int>("--k") { Description = "Number of recommendations", DefaultValueFactory = _ => 10 };
        var same = new Option<bool>("--same-language") { Description = "Only songs in the query's language (predicted, else labelled)" };
        var language = new Option<string?>("--language") { Description = "Only songs in this language (e.g. es)" };
        var blind = new Option<bool>("--language-blind") { Description = "Leave the language model's blocks out of the similarity" };
        var cmd = new Command("recommend", "Songs most similar to a song (cosine on song embeddings), each with why: shared genre/language, tempo and key closeness")
        {
            song, library, k, same, language, blind,
        };
        cmd.SetAction(parse => CliRunner.Run(() =>
        {
            var o = new SimilarSongsOptions(parse.GetValue(k), parse.GetValue(same), parse.GetValue(language), parse.GetValue(blind)).Validate();
            var lib = SongLibrary.Load(parse.GetValue(library)!);
            string q = parse.GetValue(song)!;
            var recs = SimilarSongs.Find(lib, q, o);
            var query = lib.Songs[lib.Resolve(q)];
            AnsiConsole.MarkupLine($"Songs like [bold]{Markup.Escape(query.Display)}[/] (blocks: {Markup.Escape(string.Join(", ", lib.Blocks))}):");
            var table = new Table().AddColumns("#", "song", "cosine", "why");
            foreach (var r in recs) table.AddRow(r.Rank.ToString(), Markup.Escape(r.Song.Display), $"{r.Similarity:0.000}", Markup.Escape(r.Text));
            AnsiConsole.Write(table);
            return 0;
        }));
        return cmd;
    }
}
