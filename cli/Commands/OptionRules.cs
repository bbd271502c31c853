using System.CommandLine;
using System.CommandLine.Parsing;

namespace AudioAlchemy.Cli.Commands;

/// <summary>
/// Argument checks that run while the command line is parsed, before any verb does work (a bad value is exit code 2,
/// never a .NET message after an hour of computing). Rules by option name apply to every verb at once, so the same
/// spelling means the same range everywhere; rules that depend on a verb (an output's extension) are added per option.
/// </summary>
internal static class OptionRules
{
    /// <summary>Lowest sample rate accepted by <c>--sr</c> (Hz).</summary>
    public const int MinSampleRate = 1000;

    /// <summary>Highest sample rate accepted by <c>--sr</c> (Hz): 384 kHz, the top rate of audio interfaces and DXD.</summary>
    public const int MaxSampleRate = 384_000;

    /// <summary>Adds the by-name rules to every option of <paramref name="command"/> and its subcommands.</summary>
    public static void ApplyTo(Command command)
    {
        foreach (var option in command.Options) AddByName(option);
        foreach (var sub in command.Subcommands) ApplyTo(sub);
    }

    /// <summary>Requires <paramref name="option"/>'s value (a path) to end in one of <paramref name="extensions"/>.</summary>
    public static Option<string> Extensions(this Option<string> option, params string[] extensions)
    {
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string>() is not { } path) return;
            string ext = Path.GetExtension(path).ToLowerInvariant();
            if (!extensions.Contains(ext))
                r.AddError($"{option.Name} {path}: unsupported extension '{ext}' (use {string.Join(" or ", extensions)})");
        });
        return option;
    }

    private static void AddByName(Option option)
    {
        switch (option.Name)
        {
            case "--jobs" or "--folds" or "--per-genre" or "--tracks" or "--artists" or "--stride" or "--limit":
                Number(option, v => v >= 1, "must be a whole number >= 1");
                break;
            case "--sr":
                Number(option, v => v is >= MinSampleRate and <= MaxSampleRate, $"must be a sample rate in {MinSampleRate}..{MaxSampleRate} Hz");
                break;
            case "--duration" or "--seconds":
                Number(option, v => v > 0 && double.IsFinite(v), "must be a finite number of seconds > 0");
                break;
            case "--offset":
                Number(option, v => v >= 0 && double.IsFinite(v), "must be a finite number of seconds >= 0");
                break;
            case "--n-fft" or "--hop-length" or "--n-mels" or "--n-mfcc":
                Number(option, v => v >= 1, "must be a whole number >= 1");
                break;
        }
    }

    /// <summary>Checks a numeric option of any of the types verbs use (int, int?, double, double?); absent values pass.</summary>
    private static void Number(Option option, Func<double, bool> ok, string rule)
    {
        option.Validators.Add(r =>
        {
            double? v = option.ValueType switch
            {
                var t when t == typeof(int) => r.GetValueOrDefault<int>(),
                var t when t == typeof(int?) => r.GetValueOrDefault<int?>(),
                var t when t == typeof(double) => r.GetValueOrDefault<double>(),
                var t when t == typeof(double?) => r.GetValueOrDefault<double?>(),
                var t when t == typeof(long) => r.GetValueOrDefault<long>(),
                _ => null,
            };
            if (v is { } x && !ok(x))
                r.AddError(FormattableString.Invariant($"{option.Name} {x}: {rule}"));
        });
    }
}
