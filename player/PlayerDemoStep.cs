using AudioAlchemy.Corpus;
using AudioAlchemy.Corpus.Synth;
using AudioAlchemy.Demo;
using AudioAlchemy.Studies;

namespace AudioAlchemy.Player;

/// <summary>
/// The demo's player step: a PNG of the player page while an MP3 plays, written to <c>results/player/player.png</c>
/// (linked from <c>results/index.html</c>). The demo corpus is 22.05 kHz, which has nothing above 11 kHz, so the step also
/// synthesises three 12 s songs at 44.1 kHz (rock, pop, jazz; cached under <c>data/player-44k</c>) and plays the rock one,
/// where the 128 kbps encoder's low-pass is visible. Skipped in tiny mode (no PNGs there).
/// </summary>
public static class PlayerDemoStep
{
    /// <summary>Sample rate of the songs the screenshot plays.</summary>
    public const int SampleRate = 44100;

    /// <summary>The step for <see cref="DemoOptions.Extras"/>.</summary>
    public static DemoExtraStep Create() => new("player", Run);

    private static IReadOnlyList<string> Run(DemoStepContext c)
    {
        if (c.Mode == DemoMode.Tiny) { c.Log("tiny mode: no screenshot"); return []; }
        var synth = new CorpusSynthesizer(new SynthOptions(Path.Combine(c.DataDir, "player-44k"), PerGenre: 1, Seconds: 12, Seed: 1, SampleRate: SampleRate,
            Genres: ["rock", "pop", "jazz"]).Validate());
        var report = synth.Run();
        if (report.Failed.Count == report.Outcomes.Count) throw new AlchemyException($"player: no 44.1 kHz song could be made ({report.Failed[0].Error})");
        var hiRes = Manifest.Load(report.ManifestPath).Rows.Select(r => r with { Id = r.Id + "_44k", Title = r.Title + " (44.1 kHz)" });
        var catalog = new SongCatalog("demo corpus + 44.1 kHz songs", hiRes.Concat(Manifest.Load(c.CorpusManifest).Rows));
        string png = Path.Combine(c.ResultsDir, "player", "player.png");
        string song = catalog.Songs[0].Id;
        c.Log($"{catalog.Songs.Count} songs; playing {song} (WAV, then MP3 128 kbps) in headless Chromium");
        PlayerScreenshot.CaptureAsync(catalog, new DataLayout(c.DataDir).Cache, png, song, playSeconds: 6).GetAwaiter().GetResult();
        return [png];
    }
}
