using System.CommandLine;
using AudioAlchemy.Audio;
using Spectre.Console;

namespace AudioAlchemy.Cli.Commands;

/// <summary><c>alchemy info FILE...</c>: rate, channels, duration, peak and RMS of each file.</summary>
internal static class InfoCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Audio files (WAV, FLAC, OGG, MP3, ...)", Arity = ArgumentArity.OneOrMore };
        var cmd = new Command("info", "Print sample rate, channels, duration, peak and RMS of audio files") { files };
        cmd.SetAction(parse => CliRunner.Run(() =>
        {
            var table = new Table().AddColumns("file", "format", "rate (Hz)", "channels", "duration (s)", "peak", "peak dBFS", "RMS", "RMS dBFS");
            int failures = 0;
            foreach (var f in parse.GetValue(files)!)
            {
                try
                {
                    var info = AudioFile.Info(f);
                    var stats = SignalStats.Of(AudioFile.Load(f, sr: null, mono: false));
                    table.AddRow(Markup.Escape(f), info.Format, info.SampleRate.ToString(), info.Channels.ToString(), $"{stats.Duration:0.000}",
                        $"{stats.Peak:0.0000}", $"{stats.PeakDb:0.0}", $"{stats.Rms:0.0000}", $"{stats.RmsDb:0.0}");
                }
                catch (AlchemyException e)
                {
                    failures++;
                    AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
                }
            }
            if (table.Rows.Count > 0) AnsiConsole.Write(table);
            return failures == 0 ? 0 : 1;
        }));
        return cmd;
    }
}
