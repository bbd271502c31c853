using System.Globalization;
using AudioAlchemy.Experiments;
using AudioAlchemy.Models;
using AudioAlchemy.Models.Cnn;
using Microsoft.Data.Analysis;

namespace AudioAlchemy.Studies;

/// <summary>
/// The Q1 study's CNN rows: the mel of every track of an ablation (from the feature table's <c>path</c> column, cached
/// by <see cref="CorpusMelSource"/>), cross-validated by <see cref="FrameDataset"/> with <see cref="CnnTrackClassifier"/>
/// on the same folds as the other models (no standardisation: the CNN maps dB to its image range itself).
/// </summary>
public static class Q1CnnRows
{
    /// <summary>
    /// Frame-major mels (n_frames, n_mels) of <paramref name="ids"/> with track type <paramref name="type"/>; a track whose
    /// path is missing or whose audio fails gets an empty matrix (left out of the CNN's scoring) and a note.
    /// </summary>
    public static float[][][] Mels(DataFrame features, StudyColumns c, IReadOnlyList<string> ids, string type, Q1Cnn cnn, Action<string> note)
    {
        var names = features.Columns.Select(x => x.Name).ToList();
        if (!names.Contains("path")) throw new AlchemyException("q1 CNN: the feature table has no 'path' column (write it with `alchemy features`)");
        var idCol = features.Columns[c.Id];
        var pathCol = features.Columns["path"];
        var types = Q1Study.TrackTypes(features, c);
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int r = 0; r < types.Length; r++)
            if (types[r] == type && idCol[r] is { } id && pathCol[r] is { } p) paths[Convert.ToString(id, CultureInfo.InvariantCulture)!] = Convert.ToString(p, CultureInfo.InvariantCulture)!;
        var source = new CorpusMelSource([], cnn.CacheRoot, melParams: cnn.Mel);
        var mels = new float[ids.Count][][];
        var notes = new string?[ids.Count];
        Parallel.For(0, ids.Count, i =>
        {
            mels[i] = [];
            if (!paths.TryGetValue(ids[i], out var path)) { notes[i] = $"track {ids[i]} has no path; left out of the CNN's scoring"; return; }
            try { mels[i] = FrameMajor(source.MelDb(path)); }
            catch (Exception e) when (e is AlchemyException or IOException or UnauthorizedAccessException)
            {
                notes[i] = $"track {ids[i]}: {e.Message}; left out of the CNN's scoring";
            }
        });
        foreach (var n in notes.OfType<string>()) note(n);
        return mels;
    }

    /// <summary>Cross-validates the CNN on <paramref name="mels"/> (aligned with <paramref name="data"/>'s rows) under <paramref name="splitter"/>.</summary>
    public static CvResult CrossValidate(Dataset data, float[][][] mels, Q1Cnn cnn, ISplitter splitter, CvOptions cv)
    {
        var o = cnn.Options;
        var t = o.EffectiveTraining;
        var spec = new ModelSpec("cnn", ModelParams.Empty
            .With("conv_blocks", o.ConvBlocks.ToString(CultureInfo.InvariantCulture))
            .With("epochs", t.Epochs.ToString(CultureInfo.InvariantCulture))
            .With("lr", t.LearningRate.ToString("R", CultureInfo.InvariantCulture)));
        return new FrameDataset(data, mels).CrossValidate(seed => new CnnTrackClassifier(o with { Training = t with { Seed = seed } }), spec, splitter,
            cv with { Standardize = false }).Result;
    }

    private static float[][] FrameMajor(float[,] mel)
    {
        int bands = mel.GetLength(0), frames = mel.GetLength(1);
        var m = new float[frames][];
        for (int j = 0; j < frames; j++)
        {
            var f = m[j] = new float[bands];
            for (int i = 0; i < bands; i++) f[i] = mel[i, j];
        }
        return m;
    }
}
