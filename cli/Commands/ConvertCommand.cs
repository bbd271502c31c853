using System.CommandLine;
using AudioAlchemy.Audio;
using Spectre.Console;

namespace AudioAlchemy.Cli.Commands;

/// <summary><c>alchemy convert IN OUT [--sr N] [--mono] [--bitrate K] [--format F]</c>.</summary>
internal static class ConvertCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "Audio file to read" };
        var output = new Argument<string>("output") { Description = "File to write (.wav, .flac, .ogg, .mp3)" };
        var sr = new Option<int?>("--sr") { Description = "Resample to this rate (default: keep the native rate)" };
        var mono = new Option<bool>("--mono") { Description = "Average the channels to mono" };
        var bitrate = new Option<int>("--bitrate") { Description = "MP3 constant bitrate in kbit/s", DefaultValueFactory = _ => 192 };
        var format = new Option<AudioEncoding?>("--format") { Description = "Sample format (Pcm8, Pcm16, Pcm24, Pcm32, Float32, Flac16, OggVorbis, Mp3); default from the extension" };
        var cmd = new Command("convert", "Convert an audio file (format, sample rate, channels, MP3 bitrate); written atomically") { input, output, sr, mono, bitrate, format };
        cmd.Validators.Add(r =>
        {
            // Before decoding: a name the format cannot be written under (Mp3 into .wav, .xyz) is a usage error.
            if (r.GetValue(output) is not { } outPath) return; // missing argument: the parser reports it (and --help still works)
            try { AudioFile.CheckOutput(outPath, r.GetValue(format)); }
            catch (AudioFileException e) { r.AddError(e.Message); }
        });
        cmd.SetAction(parse => CliRunner.Run(() =>
        {
            string inPath = parse.GetValue(input)!, outPath = parse.GetValue(output)!;
            var signal = AudioFile.Load(inPath, sr: parse.GetValue(sr), mono: parse.GetValue(mono));
            AudioFile.Save(outPath, signal, new SaveOptions(parse.GetValue(format), parse.GetValue(bitrate)));
            var info = AudioFile.Info(outPath);
            AnsiConsole.MarkupLine($"wrote [green]{Markup.Escape(outPath)}[/]: {info.Format}, {info.SampleRate} Hz, {info.Channels} ch, {info.Duration:0.000} s");
            return 0;
        }));
        return cmd;
    }
}
