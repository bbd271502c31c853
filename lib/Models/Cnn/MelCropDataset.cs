namespace AudioAlchemy.Models.Cnn;

/// <summary>
/// Tracks prepared for segment-level training: each track's mel is normalised once (see
/// <see cref="MelTensor.Normalize"/>) and crops of <see cref="CropFrames"/> frames are cut from it, at random offsets
/// for training or as deterministic sliding windows for evaluation. Tracks shorter than a crop are padded with
/// silence (v = 0). A dataset holds whole tracks only, so a split of tracks is a split of crops.
/// </summary>
public sealed class MelCropDataset
{
    private readonly float[][] _v;
    private readonly int[] _frames;
    private readonly int[]?[] _active;

    /// <summary>Prepares <paramref name="tracks"/>; every label must be one of <paramref name="classes"/>.</summary>
    /// <exception cref="AlchemyException">Empty list, unknown label, mixed n_mels, or crop length below 1.</exception>
    public MelCropDataset(IReadOnlyList<MelTrack> tracks, IReadOnlyList<string> classes, MelImageOptions image, int cropFrames)
    {
        if (tracks.Count == 0) throw new AlchemyException("CNN dataset: no tracks");
        if (cropFrames < 1) throw new AlchemyException($"CNN dataset: crop length must be ≥ 1 frame (got {cropFrames})");
        Image = image.Validate();
        Classes = classes;
        CropFrames = cropFrames;
        NMels = tracks[0].NMels;
        var index = classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        _v = new float[tracks.Count][];
        _frames = new int[tracks.Count];
        _active = new int[]?[tracks.Count];
        Labels = new int[tracks.Count];
        TrackIds = new string[tracks.Count];
        for (int k = 0; k < tracks.Count; k++)
        {
            var t = tracks[k];
            if (t.NMels != NMels) throw new AlchemyException($"track {t.TrackId}: {t.NMels} mel bands, expected {NMels}");
            if (!index.TryGetValue(t.Label, out int label)) throw new AlchemyException($"track {t.TrackId}: label '{t.Label}' is not one of the classes ({string.Join(", ", classes)})");
            Labels[k] = label;
            TrackIds[k] = t.TrackId;
            var v = MelTensor.Normalize(t.MelDb, image);
            if (t.Frames < cropFrames) v = Pad(v, NMels, t.Frames, cropFrames);
            _v[k] = v;
            _frames[k] = Math.Max(t.Frames, cropFrames);
            if (Image.ActiveCropDb is { } db) _active[k] = ActiveOffsets(t.MelDb, _frames[k], cropFrames, db);
        }
    }

    /// <summary>
    /// Crop starts whose window has at least half its frames active (a band within <paramref name="db"/> of the track's
    /// maximum); null when there is none (then every start is allowed).
    /// </summary>
    private static int[]? ActiveOffsets(float[,] melDb, int frames, int crop, float db)
    {
        int m = melDb.GetLength(0), t = melDb.GetLength(1);
        float top = float.NegativeInfinity;
        foreach (float x in melDb) if (x > top) top = x;
        var active = new int[frames + 1];                       // prefix sums of active frames (padding frames are silent)
        for (int j = 0; j < frames; j++)
        {
            bool on = false;
            if (j < t) for (int i = 0; i < m && !on; i++) on = melDb[i, j] >= top - db;
            active[j + 1] = active[j] + (on ? 1 : 0);
        }
        var starts = new List<int>();
        for (int o = 0; o + crop <= frames; o++)
            if (2 * (active[o + crop] - active[o]) >= crop) starts.Add(o);
        return starts.Count > 0 ? starts.ToArray() : null;
    }

    /// <summary>Image options (grey/viridis, dB scaling).</summary>
    public MelImageOptions Image { get; }

    /// <summary>Class names; <see cref="Labels"/> index into this list.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>Number of tracks.</summary>
    public int Count => _v.Length;

    /// <summary>Mel bands of every track.</summary>
    public int NMels { get; }

    /// <summary>Crop length in frames.</summary>
    public int CropFrames { get; }

    /// <summary>Image channels (1 grey, 3 viridis).</summary>
    public int Channels => Image.Channels;

    /// <summary>Values in one crop image: channels · n_mels · crop frames.</summary>
    public int ImageSize => Channels * NMels * CropFrames;

    /// <summary>Label index of each track.</summary>
    public int[] Labels { get; }

    /// <summary>Id of each track.</summary>
    public string[] TrackIds { get; }

    /// <summary>Frames of track <paramref name="track"/> (after padding to at least one crop).</summary>
    public int Frames(int track) => _frames[track];

    /// <summary>A uniformly random crop start in [0, frames − crop] (among the active starts with <see cref="MelImageOptions.ActiveCropDb"/>).</summary>
    public int RandomOffset(int track, Random rng) =>
        _active[track] is { } a ? a[rng.Next(a.Length)] : rng.Next(0, _frames[track] - CropFrames + 1);

    /// <summary>
    /// Deterministic crop starts 0, hop, 2·hop, … plus a last crop ending at the track's end when not covered; with
    /// <see cref="MelImageOptions.ActiveCropDb"/> only the active ones (all when none is active).
    /// </summary>
    public int[] SlidingOffsets(int track, int hop)
    {
        var all = AllSlidingOffsets(track, hop);
        if (_active[track] is not { } a) return all;
        var set = new HashSet<int>(a);
        var kept = all.Where(set.Contains).ToArray();
        return kept.Length > 0 ? kept : all;
    }

    private int[] AllSlidingOffsets(int track, int hop)
    {
        if (hop < 1) throw new AlchemyException($"CNN dataset: crop hop must be ≥ 1 frame (got {hop})");
        int last = _frames[track] - CropFrames;
        var offsets = new List<int>();
        for (int o = 0; o <= last; o += hop) offsets.Add(o);
        if (offsets[^1] != last) offsets.Add(last);
        return offsets.ToArray();
    }

    /// <summary>Copies the normalised crop (n_mels, crop frames) starting at <paramref name="offset"/> into <paramref name="v"/>.</summary>
    public void CopyCrop(int track, int offset, Span<float> v)
    {
        int n = _frames[track];
        if (offset < 0 || offset + CropFrames > n) throw new ParameterException($"crop [{offset}, {offset + CropFrames}) outside track of {n} frames");
        var src = _v[track].AsSpan();
        for (int m = 0; m < NMels; m++) src.Slice(m * n + offset, CropFrames).CopyTo(v.Slice(m * CropFrames, CropFrames));
    }

    private static float[] Pad(float[] v, int m, int frames, int crop)
    {
        var p = new float[m * crop];
        for (int i = 0; i < m; i++) v.AsSpan(i * frames, frames).CopyTo(p.AsSpan(i * crop));
        return p;
    }
}
