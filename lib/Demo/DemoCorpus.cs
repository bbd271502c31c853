using System.Globalization;
using AudioAlchemy.Corpus.Synth;

namespace AudioAlchemy.Demo;

/// <summary>
/// The synthetic demo corpus the notebooks and <c>alchemy demo</c> share: one folder per (songs per genre, seconds, seed),
/// generated when absent and resumed when incomplete (the synthesiser skips finished songs, so a rerun costs seconds).
/// </summary>
public static class DemoCorpus
{
    /// <summary>
    /// Folder of the corpus with these parameters under <paramref name="dataRoot"/>: <c>demo</c> for the
    /// <c>alchemy corpus synth</c> defaults (20 per genre, 30 s, seed 1), else <c>demo-{perGenre}x{seconds}s[-seedN]</c>,
    /// so the quick, full and tiny corpora never overwrite each other.
    /// </summary>
    public static string FolderFor(string dataRoot, int perGenre, double seconds, ulong seed = 1)
    {
        if (perGenre == 20 && seconds == 30 && seed == 1) return Path.Combine(dataRoot, "demo");
        string name = string.Create(CultureInfo.InvariantCulture, $"demo-{perGenre}x{seconds:0.##}s");
        return Path.Combine(dataRoot, seed == 1 ? name : name + $"-seed{seed}");
    }

    /// <summary>
    /// Generates (or completes) the corpus in <see cref="FolderFor"/> and returns its manifest path.
    /// <paramref name="log"/> receives one line per generated or failed song and a summary line.
    /// Throws <see cref="AlchemyException"/> when no song could be made.
    /// </summary>
    public static string Ensure(string dataRoot, int perGenre, double seconds, ulong seed = 1, Action<string>? log = null)
    {
        var options = new SynthOptions(FolderFor(dataRoot, perGenre, seconds, seed), perGenre, seconds, seed).Validate();
        var synth = new CorpusSynthesizer(options);
        var report = synth.Run(o =>
        {
            if (o.Status != SongStatus.Skipped) log?.Invoke($"{o.Plan.Id}: {o.Status} {o.Error}".TrimEnd());
        });
        log?.Invoke($"corpus {synth.OutDir}: {report.Generated} generated, {report.Skipped} already there, {report.Failed.Count} failed, {report.WallSeconds:0.0} s");
        if (report.Generated + report.Skipped == 0)
            throw new AlchemyException($"demo corpus {synth.OutDir}: no song could be generated ({report.Failed.FirstOrDefault()?.Error})");
        return report.ManifestPath;
    }
}
