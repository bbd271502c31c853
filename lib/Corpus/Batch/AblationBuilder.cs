using System.Collections.Concurrent;
using AudioAlchemy.Audio;
using AudioAlchemy.Corpus;
using AudioAlchemy.Separation;

namespace AudioAlchemy.Corpus.Batch;

/// <summary>
/// Builds the full / vocals / no-vocals ablation set of a manifest: for every row, the mix loaded mono at the chosen rate
/// and the separator's two stems, written as float WAVs into a folder entry of the <see cref="ContentCache"/> stage
/// <c>stems</c> rooted at the output folder (<c>OutputDirectory/stems/ab/abcd…/</c>, keyed by the audio file's content,
/// the rate and the separator's <see cref="ISeparator.Settings"/>). Existing complete folders are reused
/// (resume after an interruption; re-runs cost nothing); every WAV is written atomically. Bad rows are skipped and listed.
/// The output manifest repeats each row three times with id <c>&lt;id&gt;_full|_vocals|_no_vocals</c>, the path of that WAV,
/// <c>track_type</c> 0/1/2 and the extra columns <c>source_id</c> (the original id) and <c>separator</c>.
/// </summary>
public sealed class AblationBuilder
{
    /// <summary>The stage folder under the output folder.</summary>
    public const string Stage = "stems";

    /// <summary>Version of the stem layout; bump when the written stems change.</summary>
    public const string Version = "stems-v1";

    private readonly Func<ISeparator> separatorFactory;
    private readonly string settings;

    /// <summary>Creates a builder; <paramref name="separatorFactory"/> is called once per worker.</summary>
    public AblationBuilder(Func<ISeparator> separatorFactory, AblationOptions? options = null)
    {
        this.separatorFactory = separatorFactory;
        Options = (options ?? new AblationOptions()).Validate();
        var probe = separatorFactory();
        settings = probe.Settings;
        (probe as IDisposable)?.Dispose();
    }

    /// <summary>The validated options.</summary>
    public AblationOptions Options { get; }

    /// <summary>Separates every row (in parallel) and writes the ablation manifest. <paramref name="onRowDone"/> reports progress.</summary>
    public AblationResult Build(Manifest manifest, Action? onRowDone = null, CancellationToken cancellation = default)
    {
        string outDir = Path.GetFullPath(Options.OutputDirectory);
        Directory.CreateDirectory(outDir);
        var rows = manifest.Rows;
        var done = new string?[rows.Count];
        var skipped = new ConcurrentBag<SkippedItem>();
        int separated = 0, cached = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Options.ParallelFiles ?? Environment.ProcessorCount, CancellationToken = cancellation };
        Parallel.For(0, rows.Count, parallel, () => (ISeparator?)null, (i, _, separator) =>
        {
            var row = rows[i];
            try
            {
                string dir = StemFolder(row.Path);
                if (IsComplete(dir)) Interlocked.Increment(ref cached);
                else
                {
                    SeparatorRetry.Run(ref separator, separatorFactory, s => Separate(row, dir, s), row.Path);
                    Interlocked.Increment(ref separated);
                }
                done[i] = dir;
            }
            catch (AlchemyException e) { skipped.Add(new SkippedItem(row.RowNumber, row.Id, e.Message)); }
            catch (IOException e) { skipped.Add(new SkippedItem(row.RowNumber, row.Id, $"{row.Path}: {e.Message}")); }
            onRowDone?.Invoke();
            return separator;
        }, separator => (separator as IDisposable)?.Dispose());

        var outRows = new List<ManifestRow>();
        for (int i = 0; i < rows.Count; i++)
        {
            if (done[i] is not { } dir) continue;
            foreach (var type in TrackTypes.All)
            {
                var extra = new Dictionary<string, string>(rows[i].Extra ?? new Dictionary<string, string>())
                {
                    ["source_id"] = rows[i].Id,
                    ["separator"] = settings,
                };
                outRows.Add(rows[i] with
                {
                    RowNumber = outRows.Count + 1,
                    Id = $"{rows[i].Id}_{type.Name()}",
                    Path = Path.Combine(dir, type.Name() + ".wav"),
                    VocalsPath = null,
                    AccompanimentPath = null,
                    TrackType = ((int)type).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Extra = extra,
                });
            }
        }
        string manifestPath = Path.Combine(outDir, Options.ManifestName);
        Manifest.WriteCsv(manifestPath, outRows);
        return new AblationResult(manifestPath, separated, cached, skipped.OrderBy(s => s.Row).ToList());
    }

    /// <summary>
    /// The stem folder of an audio file: the <see cref="ContentCache"/> folder entry of its content under the sample rate
    /// and the separator settings, below <see cref="AblationOptions.OutputDirectory"/>. The input is checked first (a FIFO
    /// or /dev/zero throws <see cref="AlchemyException"/> instead of blocking or never ending while hashing).
    /// </summary>
    public string StemFolder(string audioPath) =>
        new ContentCache(Path.GetFullPath(Options.OutputDirectory), Stage, Version)
            .PathForFile(audioPath, ContentCache.Canonical(("sr", Options.SampleRate), ("separator", settings)), extension: "");

    private static bool IsComplete(string dir) => TrackTypes.All.All(t => File.Exists(Path.Combine(dir, t.Name() + ".wav")));

    private void Separate(ManifestRow row, string dir, ISeparator separator)
    {
        var y = AudioFile.Load(row.Path, sr: Options.SampleRate).Samples;
        var r = separator.Separate(y, Options.SampleRate);
        Directory.CreateDirectory(dir);
        var format = new SaveOptions(AudioEncoding.Float32);
        // Full last: its presence (with the two stems) marks the folder complete.
        AudioFile.Save(Path.Combine(dir, TrackType.Vocals.Name() + ".wav"), r.Vocals, Options.SampleRate, format);
        AudioFile.Save(Path.Combine(dir, TrackType.NoVocals.Name() + ".wav"), r.Accompaniment, Options.SampleRate, format);
        AudioFile.Save(Path.Combine(dir, TrackType.Full.Name() + ".wav"), y, Options.SampleRate, format);
    }
}
