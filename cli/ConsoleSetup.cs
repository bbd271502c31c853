using Spectre.Console;

namespace AudioAlchemy.Cli;

/// <summary>
/// Console output when stdout is not a terminal (piped, redirected, CI logs): Spectre.Console would assume 80
/// columns and wrap table cells (ids split across lines, model names cut). There the width is made effectively
/// unlimited, so each table row stays on one line, and colours are off.
/// </summary>
internal static class ConsoleSetup
{
    /// <summary>Width used for redirected output.</summary>
    public const int RedirectedWidth = 4096;

    /// <summary>Applies the settings to <see cref="AnsiConsole"/>.</summary>
    public static void Apply()
    {
        if (!Console.IsOutputRedirected) return;
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(Console.Out),
        });
        AnsiConsole.Profile.Width = RedirectedWidth;
    }
}
