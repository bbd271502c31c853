using System.ComponentModel;
using System.Diagnostics;

namespace AudioAlchemy.Corpus.Synth;

/// <summary>Runs an external program (fluidsynth, espeak-ng) without a shell and turns failures into clear errors.</summary>
public static class ExternalTool
{
    /// <summary>Runs <paramref name="program"/> with <paramref name="args"/>, waiting at most <paramref name="timeout"/>.</summary>
    /// <param name="program">Executable name (looked up on PATH) or path.</param>
    /// <param name="args">Arguments, passed verbatim.</param>
    /// <param name="timeout">Time limit; the process is killed when exceeded.</param>
    /// <param name="installHint">What to install when the program is missing.</param>
    /// <returns>Standard output.</returns>
    /// <exception cref="AlchemyException">Missing program, timeout or non-zero exit (message has stderr's last lines).</exception>
    public static string Run(string program, IEnumerable<string> args, TimeSpan timeout, string installHint) =>
        Run(program, args, timeout, installHint, out _);

    /// <summary>As <see cref="Run(string, IEnumerable{string}, TimeSpan, string)"/>, also returning standard error
    /// (programs such as fluidsynth report some failures there and still exit 0).</summary>
    public static string Run(string program, IEnumerable<string> args, TimeSpan timeout, string installHint, out string standardError)
    {
        var psi = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        Process p;
        try
        {
            p = Process.Start(psi) ?? throw new AlchemyException($"{program}: could not start");
        }
        catch (Win32Exception e)
        {
            throw new AlchemyException($"{program} not found ({e.Message}); {installHint}", e);
        }
        using (p)
        {
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(timeout))
            {
                try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                throw new AlchemyException($"{program} did not finish within {timeout.TotalSeconds:0} s");
            }
            p.WaitForExit();
            if (p.ExitCode != 0)
            {
                string tail = string.Join(" | ", stderr.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(3));
                throw new AlchemyException($"{program} failed with exit code {p.ExitCode}: {tail}");
            }
            standardError = stderr.Result;
            return stdout.Result;
        }
    }
}
