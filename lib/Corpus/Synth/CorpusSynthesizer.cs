using System.Diagnostics;
using System.Text.Json;

namespace AudioAlchemy.Corpus.Synth;

/// <summary>
/// Generates the synthetic demo corpus: plans songs (<see cref="CorpusPlanner"/>), arranges and renders each
/// (<see cref="Arranger"/> → MIDI → <see cref="FluidSynthRenderer"/>; <see cref="MelodyWriter"/> → <see cref="EspeakSinger"/>),
/// mixes (<see cref="Mixer"/>) and writes, per song id: <c>mixture/ID.wav</c>, <c>vocals/ID.wav</c>,
/// <c>accompaniment/ID.wav</c> (mono float32), <c>midi/ID.mid</c>, <c>meta/ID.json</c>; then <c>manifest.csv</c>.
/// Songs run in parallel; each song's randomness comes only from its own seed, so the output does not depend on
/// scheduling. A song whose outputs exist and whose meta records the same parameters hash is skipped (resume).
/// A failing song is reported and left out; the others continue. One run at a time per output folder: a run holds
/// <c>OUT/.synth.lock</c> (an OS file lock, released even when the process is killed), and a second run into the same
/// folder refuses at once with a clear error instead of racing the first. Work files live in a per-run folder
/// <c>OUT/.tmp-&lt;run id&gt;</c> that only its own run deletes.
/// </summary>
public sealed class CorpusSynthesizer
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly SynthOptions options;
    private readonly FluidSynthRenderer renderer;

    /// <summary>Creates a generator; validates the options and finds the SoundFont.</summary>
    public CorpusSynthesizer(SynthOptions options)
    {
        this.options = options.Validate();
        renderer = new FluidSynthRenderer(options.SoundFont);
        Plans = CorpusPlanner.Plan(options);
    }

    /// <summary>The songs this run produces.</summary>
    public IReadOnlyList<SongPlan> Plans { get; }

    /// <summary>The output folder (absolute).</summary>
    public string OutDir => Path.GetFullPath(options.OutDir);

    /// <summary>Output paths of a song.</summary>
    public (string Mixture, string Vocals, string Accompaniment, string Midi, string Meta) PathsOf(SongPlan plan) => (
        Path.Combine(OutDir, "mixture", plan.Id + ".wav"), Path.Combine(OutDir, "vocals", plan.Id + ".wav"),
        Path.Combine(OutDir, "accompaniment", plan.Id + ".wav"), Path.Combine(OutDir, "midi", plan.Id + ".mid"),
        Path.Combine(OutDir, "meta", plan.Id + ".json"));

    /// <summary>Generates every song (in parallel) and writes the manifest.</summary>
    /// <param name="onSong">Called (from worker threads) after each song.</param>
    /// <param name="cancel">Stops starting new songs.</param>
    public SynthReport Run(Action<SongOutcome>? onSong = null, CancellationToken cancel = default)
    {
        var total = Stopwatch.StartNew();
        foreach (var sub in new[] { "mixture", "vocals", "accompaniment", "midi", "meta" })
            Directory.CreateDirectory(Path.Combine(OutDir, sub));
        using var runLock = AcquireRunLock();
        string runTmp = Path.Combine(OutDir, $".tmp-{Guid.NewGuid():N}");
        Directory.CreateDirectory(runTmp);
        var outcomes = new SongOutcome[Plans.Count];
        var po = new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelism ?? Environment.ProcessorCount, CancellationToken = cancel };
        Parallel.ForEach(Enumerable.Range(0, Plans.Count), po, i =>
        {
            var sw = Stopwatch.StartNew();
            SongOutcome o;
            try
            {
                o = IsComplete(Plans[i]) ? new SongOutcome(Plans[i], SongStatus.Skipped, 0) : Generate(Plans[i], sw, runTmp);
            }
            catch (Exception e) when (e is AlchemyException or IOException or UnauthorizedAccessException)
            {
                o = new SongOutcome(Plans[i], SongStatus.Failed, sw.Elapsed.TotalSeconds, e.Message);
            }
            outcomes[i] = o;
            onSong?.Invoke(o);
        });
        TryDeleteDir(runTmp);
        string manifest = Path.Combine(OutDir, "manifest.csv");
        Manifest.WriteCsv(manifest, outcomes.Where(o => o.Status != SongStatus.Failed).Select(o => RowOf(o.Plan)));
        return new SynthReport(manifest, outcomes, total.Elapsed.TotalSeconds);
    }

    /// <summary>True when all outputs of <paramref name="plan"/> exist and its meta records the same parameters hash.</summary>
    public bool IsComplete(SongPlan plan)
    {
        var p = PathsOf(plan);
        if (!File.Exists(p.Mixture) || !File.Exists(p.Vocals) || !File.Exists(p.Accompaniment) || !File.Exists(p.Midi) || !File.Exists(p.Meta)) return false;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(p.Meta));
            return doc.RootElement.TryGetProperty(nameof(SongMeta.ParametersHash), out var h) && h.GetString() == plan.ParametersHash();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The manifest row of a song (paths absolute).</summary>
    public ManifestRow RowOf(SongPlan plan)
    {
        var p = PathsOf(plan);
        return new ManifestRow(plan.Index + 1, plan.Id, p.Mixture, p.Vocals, p.Accompaniment, plan.Artist, plan.Title, plan.Genre,
            plan.Language, plan.KeyName, plan.Mode, plan.TempoBpm, plan.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The run lock file of an output folder.</summary>
    public string LockPath => Path.Combine(OutDir, ".synth.lock");

    private FileStream AcquireRunLock()
    {
        try
        {
            return new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException e)
        {
            throw new AlchemyException($"{OutDir}: another `corpus synth` run is writing into this folder ({LockPath} is locked); " +
                "wait for it to finish (this run would then resume and skip its finished songs) or use another --out", e);
        }
    }

    private SongOutcome Generate(SongPlan plan, Stopwatch sw, string runTmp)
    {
        var p = PathsOf(plan);
        string tmp = Path.Combine(runTmp, plan.Id);
        Directory.CreateDirectory(tmp);
        try
        {
            var artist = ArtistStyle.For(GenreCatalog.Get(plan.Genre), plan.ArtistIndex);
            var arrangement = Arranger.Arrange(plan, artist, new SeededRandom(SeededRandom.Derive(plan.Seed, SeededRandom.Key("arrange"))));
            string midi = Path.Combine(tmp, plan.Id + ".mid");
            SmfWriter.Write(midi, arrangement.Midi);
            var accompaniment = renderer.Render(midi, tmp, plan.SampleRate);

            var phrases = MelodyWriter.Write(plan, arrangement, new SeededRandom(SeededRandom.Derive(plan.Seed, SeededRandom.Key("melody"))));
            int length = (int)Math.Round(plan.Seconds * plan.SampleRate);
            var vocals = new float[length];
            var singer = new EspeakSinger(tmp, plan.SampleRate);
            var phraseMeta = new List<PhraseMeta>();
            for (int k = 0; k < phrases.Count; k++)
            {
                var ph = phrases[k];
                var sung = singer.Sing(ph, plan.Language, plan.Voice, $"{plan.Id}.{k}");
                int at = (int)Math.Round(ph.StartSeconds * plan.SampleRate);
                int n = Math.Min(sung.Length, length - at);
                for (int i = 0; i < n; i++) vocals[at + i] += sung[i];
                phraseMeta.Add(new PhraseMeta(Math.Round(ph.StartSeconds, 4), Math.Round((at + Math.Max(n, 0)) / (double)plan.SampleRate, 4), ph.Text, ph.Notes));
            }
            var mix = Mixer.Mix(vocals, accompaniment, length, plan.VocalRatioDb, plan.SampleRate);

            FloatWav.Write(p.Vocals, mix.Vocals, plan.SampleRate);
            FloatWav.Write(p.Accompaniment, mix.Accompaniment, plan.SampleRate);
            FloatWav.Write(p.Mixture, mix.Mixture, plan.SampleRate);
            File.Move(midi, p.Midi, overwrite: true);
            var meta = new SongMeta(plan.Id, plan.ParametersHash(), plan, plan.KeyName, plan.Mode, phraseMeta, mix.Gain);
            AtomicFile.WriteAllText(p.Meta, JsonSerializer.Serialize(meta, JsonOptions));
            return new SongOutcome(plan, SongStatus.Generated, sw.Elapsed.TotalSeconds);
        }
        catch (AlchemyException e)
        {
            throw new AlchemyException($"song {plan.Id}: {e.Message}", e);
        }
        finally
        {
            TryDeleteDir(tmp);
        }
    }

    private static void TryDeleteDir(string dir)
    {
        try { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
        catch (IOException) { }
    }
}
