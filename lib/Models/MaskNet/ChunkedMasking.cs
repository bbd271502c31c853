using AudioAlchemy.Dsp;

namespace AudioAlchemy.Models.MaskNet;

/// <summary>
/// Applies a soft vocal mask to a mixture's STFT chunk by chunk in bounded memory, and returns
/// <c>istft(mask · stft(y))</c> (the mixture phase) exactly as one pass over the whole song would, as long as the mask of
/// a frame depends only on frames within the context.
/// <para>
/// The centred STFT is frame t = window · y_pad[t·hop, t·hop + n_fft) with y_pad = y zero-padded by n_fft/2 on both
/// sides. A chunk of frames [f0, f1) is computed with the context frames each side from the
/// matching slice of y_pad (an uncentred STFT), masked, inverted by overlap-add with the window-square normalisation,
/// and only the samples [f0·hop, f1·hop) of y_pad are kept: every such sample is covered by frames
/// f0 − n_fft/hop + 1 … f1 − 1, all inside the chunk plus its context, so its overlap-add and window sum are the
/// global ones. Working memory: O((chunk + 2·context) · bins), independent of the song's length.
/// </para>
/// </summary>
public static class ChunkedMasking
{
    /// <summary>
    /// The masked reconstruction of <paramref name="y"/>, shape (n,). <paramref name="maskOf"/> gets the magnitude
    /// (bins, frames) of a chunk with its context and returns the mask of the same shape (values used as given).
    /// </summary>
    public static float[] Apply(ReadOnlySpan<float> y, MaskNetStft stft, int chunkFrames, int contextFrames, Func<Matrix, Matrix> maskOf)
    {
        stft.Validate();
        int n = y.Length, nFft = stft.NFft, hop = stft.HopLength, pad = nFft / 2;
        if (chunkFrames < 1) throw new AlchemyException($"chunk must be >= 1 frame (got {chunkFrames})");
        int context = Math.Max(contextFrames, nFft / hop - 1);
        var output = new float[n];
        if (n == 0) return output;
        var transform = new Stft(stft.Options(center: false));
        int frames = 1 + n / hop;
        for (int f0 = 0; f0 < frames; f0 += chunkFrames)
        {
            int f1 = Math.Min(frames, f0 + chunkFrames);
            int a = Math.Max(0, f0 - context), b = Math.Min(frames, f1 + context);
            var seg = new float[(b - 1 - a) * hop + nFft];
            int origin = a * hop - pad;                      // y index of seg[0]
            int lo = Math.Max(0, -origin), hi = Math.Min(seg.Length, n - origin);
            if (hi > lo) y.Slice(origin + lo, hi - lo).CopyTo(seg.AsSpan(lo));
            var X = transform.Forward(seg);
            var mask = maskOf(X.Magnitude());
            if (mask.Rows != X.Rows || mask.Cols != X.Cols)
                throw new AlchemyException($"mask has shape ({mask.Rows}, {mask.Cols}), the chunk's STFT ({X.Rows}, {X.Cols})");
            for (int i = 0; i < mask.Data.Length; i++)
            {
                X.Real[i] *= mask.Data[i];
                X.Imag[i] *= mask.Data[i];
            }
            var rec = transform.Inverse(X);
            int start = Math.Max(0, f0 * hop - pad), end = f1 == frames ? n : Math.Min(n, f1 * hop - pad);
            for (int s = start; s < end; s++) output[s] = rec[s - origin];
        }
        return output;
    }
}
