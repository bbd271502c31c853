using AudioAlchemy.Dsp;

namespace AudioAlchemy.Features;

/// <summary>
/// Mel-spectrogram images and tensors for the CNN study. The one dB → [0, 1] mapping used everywhere
/// (<see cref="Normalize(Matrix)"/>): <c>db = power_to_db(mel, ref=np.max, top_db=80)</c> (so db ∈ [−80, 0]), clipped to
/// [−80, 0], then <c>v = (db + 80) / 80</c>. Images: width = frames, height = n_mels, low frequencies at the bottom (the
/// top pixel row is the highest mel band). 8-bit value / colour index = min(floor(v·256), 255) (matplotlib's colour-map
/// lookup); grey = that index, viridis = matplotlib's viridis table at that index (<see cref="Viridis"/>).
/// Tensors use the same orientation as the images: (1, n_mels, frames) holds v, (3, n_mels, frames) holds the viridis
/// colour (float table, in [0, 1]) of each pixel, channel order R, G, B; row 0 = highest band.
/// </summary>
public static class MelImage
{
    /// <summary>The dB floor of the mapping (−top_db).</summary>
    public const float FloorDb = -80f;

    /// <summary>The mapping for one dB value relative to the maximum: clip to [−80, 0], then (db + 80)/80 ∈ [0, 1]. NaN → 0.</summary>
    public static float Normalize(float dbRelativeToMax) => Normalize(dbRelativeToMax, FloorDb, 0f);

    /// <summary>
    /// The one dB → [0, 1] mapping, for any range [<paramref name="lo"/>, <paramref name="hi"/>] (the CNN's
    /// <c>MelImageOptions</c> range or a track's own min/max): clip, then (db − lo)/(hi − lo). NaN, and a range that is
    /// empty or infinite, → 0.
    /// </summary>
    public static float Normalize(float db, float lo, float hi)
    {
        float range = hi - lo;
        if (float.IsNaN(db) || !(range > 0) || float.IsInfinity(range)) return 0f;
        if (!(db > lo)) return 0f;
        if (db >= hi) return 1f;
        return (db - lo) / range;
    }

    /// <summary>
    /// [0, 1] image values of a mel power spectrogram <paramref name="melPower"/> (n_mels, frames): power_to_db(ref=max,
    /// top_db=80) then <see cref="Normalize(float)"/>. Result shape (n_mels, frames), row 0 = lowest band (librosa order).
    /// </summary>
    public static Matrix Normalize(Matrix melPower) => NormalizeDb(Decibels.PowerToDb(melPower, DbReference.Max, topDb: -FloorDb));

    /// <summary>[0, 1] values of a dB matrix already relative to its max (librosa's <c>mel_db_max</c>), shape kept.</summary>
    public static Matrix NormalizeDb(Matrix dbRelativeToMax)
    {
        var o = new Matrix(dbRelativeToMax.Rows, dbRelativeToMax.Cols);
        for (int i = 0; i < o.Data.Length; i++) o.Data[i] = Normalize(dbRelativeToMax.Data[i]);
        return o;
    }

    /// <summary>The 8-bit level / colour index of a [0, 1] value: min(floor(v·256), 255).</summary>
    public static byte Quantize(float v) => (byte)Viridis.Index(v);

    /// <summary>Grey pixels (height n_mels, width frames, top row = highest band) of [0, 1] values <paramref name="normalized"/>.</summary>
    public static byte[] GreyPixels(Matrix normalized)
    {
        int H = normalized.Rows, W = normalized.Cols;
        var px = new byte[H * W];
        for (int y = 0; y < H; y++)
        {
            var row = normalized.Row(H - 1 - y);
            for (int x = 0; x < W; x++) px[y * W + x] = Quantize(row[x]);
        }
        return px;
    }

    /// <summary>Viridis RGB pixels (3 bytes per pixel, matplotlib's 8-bit conversion), same layout as <see cref="GreyPixels"/>.</summary>
    public static byte[] ViridisPixels(Matrix normalized)
    {
        int H = normalized.Rows, W = normalized.Cols;
        var lut = new byte[3 * Viridis.Size];
        for (int i = 0; i < Viridis.Size; i++) (lut[3 * i], lut[3 * i + 1], lut[3 * i + 2]) = Viridis.Color8(i);
        var px = new byte[3 * H * W];
        for (int y = 0; y < H; y++)
        {
            var row = normalized.Row(H - 1 - y);
            for (int x = 0; x < W; x++)
            {
                int c = Quantize(row[x]), o = 3 * (y * W + x);
                px[o] = lut[3 * c]; px[o + 1] = lut[3 * c + 1]; px[o + 2] = lut[3 * c + 2];
            }
        }
        return px;
    }

    /// <summary>Writes the 8-bit greyscale PNG of <paramref name="normalized"/> (n_mels, frames) atomically.</summary>
    public static void SaveGreyPng(string path, Matrix normalized) => PngEncoder.Save(path, GreyPixels(normalized), normalized.Cols, normalized.Rows, rgb: false);

    /// <summary>Writes the viridis RGB PNG of <paramref name="normalized"/> (n_mels, frames) atomically.</summary>
    public static void SaveViridisPng(string path, Matrix normalized) => PngEncoder.Save(path, ViridisPixels(normalized), normalized.Cols, normalized.Rows, rgb: true);

    /// <summary>The grey tensor, flat float32 of shape (1, n_mels, frames), row 0 = highest band, values v ∈ [0, 1] (unquantised).</summary>
    public static float[] GreyTensor(Matrix normalized)
    {
        int H = normalized.Rows, W = normalized.Cols;
        var t = new float[H * W];
        for (int y = 0; y < H; y++) normalized.Row(H - 1 - y).CopyTo(t.AsSpan(y * W, W));
        return t;
    }

    /// <summary>The viridis tensor, flat float32 of shape (3, n_mels, frames) (channels R, G, B), row 0 = highest band, the float table colour of each pixel's index.</summary>
    public static float[] ViridisTensor(Matrix normalized)
    {
        int H = normalized.Rows, W = normalized.Cols, plane = H * W;
        var t = new float[3 * plane];
        for (int y = 0; y < H; y++)
        {
            var row = normalized.Row(H - 1 - y);
            for (int x = 0; x < W; x++)
            {
                var (r, g, b) = Viridis.Color(Quantize(row[x]));
                int o = y * W + x;
                t[o] = r; t[plane + o] = g; t[2 * plane + o] = b;
            }
        }
        return t;
    }
}
