using AudioAlchemy.Features;

namespace AudioAlchemy.Models.Cnn;

/// <summary>How a mel image is coloured: 1 grey channel or 3 viridis channels.</summary>
public enum MelImageMode
{
    /// <summary>One channel: the normalised dB value v in 0..1 (the grey PNG stores round(255·v)).</summary>
    Grey,

    /// <summary>Three channels R, G, B: matplotlib's viridis colour of v (index floor(256·v), see <see cref="Viridis"/>).</summary>
    Viridis,
}

/// <summary>How dB values are mapped to 0..1 before colouring.</summary>
public enum MelScaling
{
    /// <summary>
    /// Fixed range: v = (dB − MinDb) / (MaxDb − MinDb), clipped to 0..1; default [-80, 0] dB. With librosa's
    /// <c>power_to_db(ref=np.max, top_db=80)</c> every clip already spans [-80, 0], so this equals the clip's
    /// min/max up to the clip's own floor, and it does not depend on the crop or the track (the default).
    /// </summary>
    FixedDb,

    /// <summary>Per track: v = (dB − min) / (max − min) over the whole track's matrix (matplotlib's default Normalize).</summary>
    ClipMinMax,
}

/// <summary>Options of the dB → image mapping.</summary>
/// <param name="Mode">Grey (1 channel) or viridis (3 channels).</param>
/// <param name="Scaling">Fixed dB range (default) or per-track min/max.</param>
/// <param name="MinDb">Lower end of the fixed range (maps to 0).</param>
/// <param name="MaxDb">Upper end of the fixed range (maps to 1).</param>
/// <param name="ActiveCropDb">Active crops only (null = every crop): training crops and voting windows are taken where at
/// least half the frames have a band within this many dB of the track's loudest value, so a vocal stem's pauses (and a
/// separated stem's leaked accompaniment between phrases) neither train nor vote. A track with no such window keeps all.</param>
public sealed record MelImageOptions(
    MelImageMode Mode = MelImageMode.Grey,
    MelScaling Scaling = MelScaling.FixedDb,
    float MinDb = -CnnDefaults.TopDb,
    float MaxDb = 0f,
    float? ActiveCropDb = null)
{
    /// <summary>Number of image channels: 1 for grey, 3 for viridis.</summary>
    public int Channels => Mode == MelImageMode.Viridis ? 3 : 1;

    /// <summary>Throws <see cref="AlchemyException"/> when the fixed range is empty.</summary>
    public MelImageOptions Validate()
    {
        if (!(MaxDb > MinDb)) throw new AlchemyException($"mel image: MaxDb ({MaxDb}) must be greater than MinDb ({MinDb})");
        if (ActiveCropDb is { } a && !(a > 0)) throw new AlchemyException($"mel image: the active-crop range must be > 0 dB (got {a})");
        return this;
    }
}

/// <summary>
/// Turns mel spectrograms in dB into network input: first a normalised single-channel matrix v in 0..1 (same
/// layout as the input, (n_mels, frames), mel band 0 = lowest frequency in row 0: unlike a PNG, not flipped), then
/// per crop the image channels (C, n_mels, frames) with C = 1 (grey: v) or 3 (viridis RGB of v). Augmentation
/// (masks) works on v, so a masked region is silence (-80 dB) in both colourings.
/// </summary>
public static class MelTensor
{
    /// <summary>
    /// Normalises a whole track: dB of shape (n_mels, frames) → v in 0..1, row-major (n_mels · frames), with the one
    /// mapping <see cref="AudioAlchemy.Features.MelImage.Normalize(float, float, float)"/> over the options' range. NaN → 0.
    /// </summary>
    public static float[] Normalize(float[,] melDb, MelImageOptions options)
    {
        options.Validate();
        int m = melDb.GetLength(0), t = melDb.GetLength(1);
        var v = new float[m * t];
        float lo = options.MinDb, hi = options.MaxDb;
        if (options.Scaling == MelScaling.ClipMinMax)
        {
            lo = float.PositiveInfinity; hi = float.NegativeInfinity;
            foreach (float x in melDb)
            {
                if (float.IsNaN(x)) continue;
                if (x < lo) lo = x;
                if (x > hi) hi = x;
            }
        }
        int k = 0;
        for (int i = 0; i < m; i++)
            for (int j = 0; j < t; j++, k++) v[k] = AudioAlchemy.Features.MelImage.Normalize(melDb[i, j], lo, hi);
        return v;
    }

    /// <summary>
    /// Colours a normalised crop <paramref name="v"/> (n_mels · frames values in 0..1) into <paramref name="image"/>
    /// of shape (C, n_mels, frames): grey copies v; viridis writes the R, G and B planes of matplotlib's colour.
    /// </summary>
    public static void Colorize(ReadOnlySpan<float> v, Span<float> image, MelImageMode mode)
    {
        int n = v.Length;
        if (mode == MelImageMode.Grey)
        {
            if (image.Length != n) throw new ParameterException($"grey image needs {n} values, got {image.Length}");
            v.CopyTo(image);
            return;
        }
        if (image.Length != 3 * n) throw new ParameterException($"viridis image needs {3 * n} values, got {image.Length}");
        for (int i = 0; i < n; i++)
        {
            var (r, g, b) = Viridis.Color(Viridis.Index(v[i]));
            image[i] = r;
            image[n + i] = g;
            image[2 * n + i] = b;
        }
    }

    /// <summary>The whole track as an image: dB (n_mels, frames) → (C, n_mels, frames), C from <paramref name="options"/>.</summary>
    public static float[] ToImage(float[,] melDb, MelImageOptions options)
    {
        var v = Normalize(melDb, options);
        var image = new float[options.Channels * v.Length];
        Colorize(v, image, options.Mode);
        return image;
    }
}
