namespace AudioAlchemy.Cli.Commands;

/// <summary>
/// The exit codes of every verb (README "Exit codes"). Batch verbs keep what they computed: 3 means the output is
/// written and complete for every item that could be processed, and the skipped items were listed.
/// </summary>
internal static class ExitCodes
{
    /// <summary>Everything asked for was done.</summary>
    public const int Ok = 0;

    /// <summary>An error: nothing (or an incomplete output) was produced; the message names the file/row and the reason.</summary>
    public const int Failed = 1;

    /// <summary>Bad command line (unknown option, value out of range, wrong extension): reported before any work.</summary>
    public const int Usage = 2;

    /// <summary>Finished, but some items (files, manifest rows, configurations) were skipped and listed.</summary>
    public const int Skipped = 3;

    /// <summary>The code of a batch run: <see cref="Failed"/> when nothing was produced (though there was work),
    /// <see cref="Skipped"/> when some items were skipped, else <see cref="Ok"/>.</summary>
    public static int ForBatch(int produced, int skipped, int total) =>
        produced == 0 && total > 0 ? Failed : skipped > 0 ? Skipped : Ok;
}
