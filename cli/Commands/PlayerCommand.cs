using System.CommandLine;
using AudioAlchemy.Player;
using AudioAlchemy.Studies;
using Spectre.Console;

namespace AudioAlchemy.Cli.Commands;

/// <summary><c>alchemy player [MANIFEST|FILES...] [--port N]</c>: the local web page comparing WAV and MP3 while they play.</summary>
internal static class PlayerCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "A manifest (.csv/.tsv/.json) or audio files (default: data/demo/manifest.csv)", Arity = ArgumentArity.ZeroOrMore };
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0 = a free one)", DefaultValueFactory = _ => PlayerOptions.DefaultPort };
        var cache = CacheOption.Create(Mp3VsWav.Stage, MediaStore.WavStage);
        var shot = new Option<string?>("--screenshot") { Description = "Instead of serving: play the first song (or --song) in headless Chromium for a few seconds, write a PNG of the page and exit" };
        var song = new Option<string?>("--song") { Description = "Song id for --screenshot" };
        var cmd = new Command("player", "Serve the audio player page on 127.0.0.1: song list, WAV/MP3 switch, live spectrum and spectrogram, server mel and band spectra")
            { inputs, port, cache, shot, song };
        cmd.SetAction(parse => CliRunner.Run(() =>
        {
            var catalog = SongCatalog.FromArguments(parse.GetValue(inputs) ?? [], Path.Combine("data", "demo", "manifest.csv"));
            if (parse.GetValue(shot) is { } png)
            {
                Console.WriteLine(PlayerScreenshot.CaptureAsync(catalog, parse.GetValue(cache)!, png, parse.GetValue(song)).GetAwaiter().GetResult());
                return 0;
            }
            var server = PlayerServer.StartAsync(catalog, new PlayerOptions(parse.GetValue(cache)!, parse.GetValue(port))).GetAwaiter().GetResult();
            AnsiConsole.MarkupLine($"player: {catalog.Songs.Count} songs from {Markup.Escape(catalog.Source)}");
            Console.WriteLine(server.Url);
            AnsiConsole.MarkupLine("[grey]listening on 127.0.0.1 only; Ctrl+C stops[/]");
            server.WaitForShutdownAsync().GetAwaiter().GetResult();
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return 0;
        }));
        return cmd;
    }
}
