using System.Diagnostics;
using System.Text;
using AudioAlchemy.Audio;

namespace AudioAlchemy.Separation;

/// <summary>
/// Adapter for the Demucs command-line program: runs <c>demucs --two-stems=vocals -n MODEL -o TMP FILE</c> in a fresh temp
/// folder, reads <c>TMP/MODEL/NAME/vocals.wav</c> and <c>no_vocals.wav</c> (resampled to the input rate, mono, cut or padded
/// to the input length) and deletes the folder. Errors (program missing, non-zero exit with the tail of stderr, timeout,
/// missing output) are <see cref="AlchemyException"/>s. No model is bundled: demucs downloads or finds its own weights.
/// </summary>
public sealed class DemucsSeparator : ISeparator
{
    private readonly string executable;

    /// <summary>Creates the adapter; throws <see cref="AlchemyException"/> when no demucs executable can be found.</summary>
    public DemucsSeparator(DemucsOptions? options = null)
    {
        Options = (options ?? new DemucsOptions()).Validate();
        executable = FindExecutable(Options.Executable)
            ?? throw new AlchemyException(Options.Executable is { } exe
                ? $"demucs executable '{exe}' not found"
                : $"demucs not found: install it (pip install demucs) so that 'demucs' is on PATH, or set {DemucsOptions.EnvironmentVariable}");
    }

    /// <summary>The validated options.</summary>
    public DemucsOptions Options { get; }

    /// <inheritdoc/>
    public string Settings => $"demucs model={Options.Model} args={string.Join(' ', Options.ExtraArguments ?? [])}";

    /// <summary>
    /// The demucs program to run: <paramref name="configured"/> (a path, or a name looked up on PATH), else the
    /// <c>ALCHEMY_DEMUCS</c> environment variable, else <c>demucs</c> on PATH; null when none exists.
    /// </summary>
    public static string? FindExecutable(string? configured = null)
    {
        string? name = configured ?? Environment.GetEnvironmentVariable(DemucsOptions.EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(name)) name = "demucs";
        if (name.Contains(Path.DirectorySeparatorChar) || name.Contains(Path.AltDirectorySeparatorChar))
            return File.Exists(name) ? Path.GetFullPath(name) : null;
        string[] suffixes = OperatingSystem.IsWindows() ? [".exe", ".cmd", ".bat", ""] : [""];
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            foreach (var suffix in suffixes)
            {
                var candidate = Path.Combine(dir, name + suffix);
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }

    /// <inheritdoc/>
    public SeparationResult Separate(float[] mixture, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(mixture);
        if (mixture.Length == 0) return new SeparationResult([], [], sampleRate);
        var work = Directory.CreateTempSubdirectory("alchemy-demucs-");
        try
        {
            string input = Path.Combine(work.FullName, "mixture.wav");
            AudioFile.Save(input, mixture, sampleRate, new SaveOptions(AudioEncoding.Float32));
            return Run(input, work.FullName, sampleRate, mixture.Length);
        }
        finally
        {
            TryDelete(work.FullName);
        }
    }

    /// <summary>Separates an audio file directly (demucs decodes it); stems returned mono at <paramref name="sampleRate"/>,
    /// cut/padded to the file's length at that rate.</summary>
    public SeparationResult SeparateFile(string path, int sampleRate)
    {
        if (!File.Exists(path)) throw new AlchemyException($"{path}: file not found");
        int length = AudioFile.Load(path, sr: sampleRate).Length;
        var work = Directory.CreateTempSubdirectory("alchemy-demucs-");
        try
        {
            return Run(Path.GetFullPath(path), work.FullName, sampleRate, length);
        }
        finally
        {
            TryDelete(work.FullName);
        }
    }

    private SeparationResult Run(string input, string work, int sampleRate, int length)
    {
        string outDir = Path.Combine(work, "out");
        var psi = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = work,
        };
        psi.ArgumentList.Add("--two-stems=vocals");
        psi.ArgumentList.Add("-n");
        psi.ArgumentList.Add(Options.Model);
        psi.ArgumentList.Add("-o");
        psi.ArgumentList.Add(outDir);
        foreach (var a in Options.ExtraArguments ?? []) psi.ArgumentList.Add(a);
        psi.ArgumentList.Add(input);

        var stderr = new StringBuilder();
        using var process = new Process { StartInfo = psi };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        process.OutputDataReceived += (_, _) => { };
        try { process.Start(); }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new AlchemyException($"demucs could not be started ({executable}): {e.Message}", e);
        }
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        if (!process.WaitForExit(Options.EffectiveTimeout))
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            process.WaitForExit();
            throw new AlchemyException($"demucs timed out after {Options.EffectiveTimeout.TotalSeconds:0.#} s on {input} (killed)");
        }
        process.WaitForExit(); // flush the asynchronous readers
        if (process.ExitCode != 0)
            throw new AlchemyException($"demucs failed on {input} with exit code {process.ExitCode}: {Tail(stderr.ToString())}");

        string stemDir = Path.Combine(outDir, Options.Model, Path.GetFileNameWithoutExtension(input));
        string vocalsPath = Path.Combine(stemDir, "vocals.wav"), restPath = Path.Combine(stemDir, "no_vocals.wav");
        foreach (var p in new[] { vocalsPath, restPath })
            if (!File.Exists(p))
                throw new AlchemyException($"demucs exited 0 but did not write {p} (found: {Listing(outDir)})");
        var vocals = Fit(AudioFile.Load(vocalsPath, sr: sampleRate).Samples, length);
        var rest = Fit(AudioFile.Load(restPath, sr: sampleRate).Samples, length);
        return new SeparationResult(vocals, rest, sampleRate);
    }

    private static float[] Fit(float[] y, int length)
    {
        if (y.Length == length) return y;
        var o = new float[length];
        Array.Copy(y, o, Math.Min(length, y.Length));
        return o;
    }

    private static string Tail(string text, int maxChars = 1500)
    {
        text = text.TrimEnd();
        if (text.Length == 0) return "(no stderr output)";
        return text.Length <= maxChars ? text : "…" + text[^maxChars..];
    }

    private static string Listing(string dir)
    {
        if (!Directory.Exists(dir)) return "no output folder";
        var files = Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir, f)).Take(10).ToArray();
        return files.Length == 0 ? "nothing" : string.Join(", ", files);
    }

    private static void TryDelete(string dir)
    {
        try { Directory.Delete(dir, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
