using System.CommandLine;
using AudioAlchemy.Audio;
using AudioAlchemy.Dsp;
using AudioAlchemy.Features;
using Spectre.Console;

namespace AudioAlchemy.Cli.Commands;

/// <summary>
/// <c>alchemy melimage FILE... --out DIR</c>: mel-spectrogram images (grey and viridis PNG) and optionally the same data
/// as .npy tensors (1, n_mels, frames) and (3, n_mels, frames), with librosa's mel parameters.
/// </summary>
internal static class MelImageCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Audio files", Arity = ArgumentArity.OneOrMore };
        var outDir = new Option<string>("--out") { Description = "Output folder", Required = true };
        var sr = new Option<int>("--sr") { Description = "Sample rate to load at", DefaultValueFactory = _ => Defaults.SampleRate };
        var nFft = new Option<int>("--n-fft") { Description = "FFT size", DefaultValueFactory = _ => Defaults.NFft };
        var hop = new Option<int>("--hop-length") { Description = "Hop length in samples", DefaultValueFactory = _ => Defaults.HopLength };
        var nMels = new Option<int>("--n-mels") { Description = "Mel bands", DefaultValueFactory = _ => Defaults.NMels };
        var fmin = new Option<double>("--fmin") { Description = "Lowest mel frequency (Hz)", DefaultValueFactory = _ => 0.0 };
        var fmax = new Option<double?>("--fmax") { Description = "Highest mel frequency (Hz, default sr/2)" };
        var offset = new Option<double>("--offset") { Description = "Start at this many seconds", DefaultValueFactory = _ => 0.0 };
        var duration = new Option<double?>("--duration") { Description = "Seconds to analyse (default: all)" };
        var tensors = new Option<bool>("--tensors") { Description = "Also write <name>.grey.npy (1, n_mels, frames) and <name>.viridis.npy (3, n_mels, frames)" };
        var cmd = new Command("melimage", "Write mel-spectrogram images (grey and viridis PNG, dB mapped as MelImage.Normalize) and tensors")
            { files, outDir, sr, nFft, hop, nMels, fmin, fmax, offset, duration, tensors };
        cmd.SetAction(parse => CliRunner.Run(() =>
        {
            string dir = parse.GetValue(outDir)!;
            Directory.CreateDirectory(dir);
            var transform = new MelSpectrogramTransform(
                new MelOptions(parse.GetValue(sr), parse.GetValue(nMels), parse.GetValue(fmin), parse.GetValue(fmax)),
                new StftOptions(parse.GetValue(nFft), parse.GetValue(hop)));
            int failures = 0;
            var inputs = parse.GetValue(files)!;
            var names = OutputNames.Unique(inputs);
            for (int i = 0; i < inputs.Length; i++)
            {
                string f = inputs[i];
                try
                {
                    var (y, _) = AudioFile.Load(f, sr: parse.GetValue(sr), offset: parse.GetValue(offset), duration: parse.GetValue(duration));
                    var norm = MelImage.Normalize(transform.Compute(y));
                    string stem = Path.Combine(dir, names[i]);
                    MelImage.SaveGreyPng(stem + ".grey.png", norm);
                    MelImage.SaveViridisPng(stem + ".viridis.png", norm);
                    if (parse.GetValue(tensors))
                    {
                        Npy.Write(stem + ".grey.npy", MelImage.GreyTensor(norm), 1, norm.Rows, norm.Cols);
                        Npy.Write(stem + ".viridis.npy", MelImage.ViridisTensor(norm), 3, norm.Rows, norm.Cols);
                    }
                    AnsiConsole.MarkupLine($"{Markup.Escape(f)} → {Markup.Escape(stem)}.{{grey,viridis}}.png ({norm.Rows} × {norm.Cols})");
                }
                catch (AlchemyException e)
                {
                    failures++;
                    AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
                }
            }
            return ExitCodes.ForBatch(inputs.Length - failures, failures, inputs.Length);
        }));
        return cmd;
    }
}
