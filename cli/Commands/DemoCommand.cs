using System.CommandLine;
using System.Globalization;
using AudioAlchemy.Benchmarks;
using Spectre.Console;

namespace AudioAlchemy.Cli.Commands;

/// <summary><c>alchemy demo</c>: the main job, end to end into results/.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var results = new Option<string>("--results") { Description = "Output folder", DefaultValueFactory = _ => "results" };
        var cmd = new Command("demo", "Run the demo study end to end and write everything into results/") { results };
        cmd.SetAction(parse => CliRunner.Run(() =>
        {
            string outDir = parse.GetValue(results)!;
            Directory.CreateDirectory(outDir);
            var clips = Directory.GetFiles(Path.Combine("tests", "data", "reference", "audio"), "*.ogg").Order().ToArray();
            var rows = new List<string> { "file,audio_minutes,ours_native_s_per_min,ours_22050_s_per_min,ffmpeg_f32le_s_per_min" };
            AnsiConsole.Progress().Start(ctx =>
            {
                var task = ctx.AddTask("decode benchmark", maxValue: clips.Length);
                foreach (var clip in clips)
                {
                    var r = DecodeBenchmark.Run(clip, runs: 3);
                    rows.Add(string.Join(',', Path.GetFileName(r.File), F(r.AudioMinutes), F(r.OursSecondsPerMinute), F(r.OursResampledSecondsPerMinute), r.FfmpegSecondsPerMinute is { } ff ? F(ff) : ""));
                    task.Increment(1);
                }
            });
            string csv = Path.Combine(outDir, "decode-benchmark.csv");
            File.WriteAllLines(csv + ".tmp", rows);
            File.Move(csv + ".tmp", csv, overwrite: true);
            AnsiConsole.MarkupLine($"wrote [green]{Markup.Escape(csv)}[/]");
            return 0;
        }));
        return cmd;
    }

    private static string F(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);
}
