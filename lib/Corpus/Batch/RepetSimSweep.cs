using System.Collections.Concurrent;
using AudioAlchemy.Audio;
using AudioAlchemy.Corpus;
using AudioAlchemy.Dsp;
using AudioAlchemy.Separation;

namespace AudioAlchemy.Corpus.Batch;

/// <summary>One point of a <see cref="RepetSimSweep"/> and its medians over the tracks (dB).</summary>
/// <param name="Options">The separator settings of this point.</param>
/// <param name="VocalsSdr">Median vocals SDR (museval v4).</param>
/// <param name="AccompanimentSdr">Median accompaniment SDR.</param>
/// <param name="VocalsSiSdr">Median vocals SI-SDR.</param>
public sealed record SweepResult(RepetSimOptions Options, double VocalsSdr, double AccompanimentSdr, double VocalsSiSdr);

/// <summary>
/// Scores many REPET-SIM mask settings on the same tracks, computing the expensive parts (STFT, nearest-neighbour
/// background, HPSS) once per track and background setting: the tool behind the defaults' choice (docs/separation.md).
/// </summary>
public static class RepetSimSweep
{
    /// <summary>
    /// Runs every option set in <paramref name="grid"/> on the manifest rows with stems (every <paramref name="stride"/>-th,
    /// at most <paramref name="limit"/>), files in parallel; returns the grid in the given order with median scores.
    /// </summary>
    public static IReadOnlyList<SweepResult> Run(Manifest manifest, IReadOnlyList<RepetSimOptions> grid, int stride = 1, int? limit = null,
        int sampleRate = Defaults.SampleRate, int? parallelFiles = null, Action? onTrackDone = null)
    {
        if (grid.Count == 0) throw new AlchemyException("sweep grid is empty");
        var rows = manifest.Rows.Where(r => r.HasStems).Where((_, i) => i % Math.Max(1, stride) == 0).Take(limit ?? int.MaxValue).ToList();
        var scores = new ConcurrentBag<(int Point, StemScores Scores)>();
        Parallel.ForEach(rows, new ParallelOptions { MaxDegreeOfParallelism = parallelFiles ?? Environment.ProcessorCount }, row =>
        {
            var mix = AudioFile.Load(row.Path, sr: sampleRate).Samples;
            var voc = AudioFile.Load(row.VocalsPath!, sr: sampleRate).Samples;
            var acc = AudioFile.Load(row.AccompanimentPath!, sr: sampleRate).Samples;
            var backgrounds = new Dictionary<string, Matrix>();
            var harmonics = new Dictionary<string, Matrix>();
            var stft = new Stft(new StftOptions(grid[0].NFft, grid[0].HopLength));
            var X = stft.Forward(mix);
            var S = X.Magnitude();
            for (int p = 0; p < grid.Count; p++)
            {
                var o = grid[p] with { MaxThreads = 1 };
                if (o.NFft != grid[0].NFft || o.HopLength != grid[0].HopLength) throw new AlchemyException("sweep points must share n_fft and hop");
                var sep = new RepetSimSeparator(o);
                string bKey = $"{o.MinRepeatSeconds}|{o.Neighbors}";
                if (!backgrounds.TryGetValue(bKey, out var b)) backgrounds[bKey] = b = sep.RepeatingBackground(S, sampleRate);
                Matrix? h = null;
                if (o.HpssKernel > 0)
                {
                    string hKey = $"{o.HpssKernel}|{o.HpssMargin}|{o.MaskPower}";
                    if (!harmonics.TryGetValue(hKey, out h)) harmonics[hKey] = h = sep.HarmonicMask(S);
                }
                var r = sep.Reconstruct(mix, sampleRate, stft, X, S, b, h);
                scores.Add((p, StemScores.Of(voc, acc, r.Vocals, r.Accompaniment, sampleRate)));
            }
            onTrackDone?.Invoke();
        });
        var byPoint = scores.GroupBy(s => s.Point).ToDictionary(g => g.Key, g => g.Select(x => x.Scores).ToList());
        return grid.Select((o, p) => byPoint.TryGetValue(p, out var l)
            ? new SweepResult(o, BssEvalV4.NanMedian(l.Select(s => s.VocalsSdr)), BssEvalV4.NanMedian(l.Select(s => s.AccompanimentSdr)), BssEvalV4.NanMedian(l.Select(s => s.VocalsSiSdr)))
            : new SweepResult(o, double.NaN, double.NaN, double.NaN)).ToList();
    }
}
