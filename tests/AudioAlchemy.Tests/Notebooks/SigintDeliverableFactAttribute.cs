namespace AudioAlchemy.Tests.Notebooks;

/// <summary>
/// A fact that sends SIGINT to a child <c>alchemy</c>. A process started as a background job of a non-interactive
/// shell (<c>cmd &amp;</c>, nohup) inherits SIGINT as ignored, and .NET, like every well-behaved Unix program, keeps
/// an inherited "ignore SIGINT" (so Ctrl-C in the terminal does not stop a background job). The child then cannot be
/// interrupted by SIGINT at all, so the fact is skipped, with the reason, when this test process has SIGINT ignored
/// (read from the SigIgn mask in /proc/self/status). SIGTERM is never inherited as ignored this way and always runs.
/// </summary>
public sealed class SigintDeliverableFactAttribute : FactAttribute
{
    /// <summary>Skips when SIGINT is ignored in this process (and hence in its children).</summary>
    public SigintDeliverableFactAttribute()
    {
        if (SigintIgnored())
            Skip = "SIGINT is ignored in this process (started as a background job); a child inherits that and cannot be interrupted by SIGINT";
    }

    private static bool SigintIgnored()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status)) return false;
        foreach (string line in File.ReadLines(status))
        {
            if (!line.StartsWith("SigIgn:", StringComparison.Ordinal)) continue;
            ulong mask = Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16);
            return (mask & (1UL << (2 - 1))) != 0;   // SIGINT = 2; bit n-1 of the mask
        }
        return false;
    }
}
