using AudioAlchemy.Dsp;

namespace AudioAlchemy.Features;

public static partial class Feature
{
    /// <summary>
    /// <c>feature.mfcc(y, sr, n_mfcc=20, dct_type=2, norm='ortho', lifter=0, **melspectrogram kwargs)</c>: shape
    /// (n_mfcc, frames). For many signals reuse an <see cref="MfccTransform"/>.
    /// </summary>
    public static Matrix Mfcc(float[] y, double sr = Defaults.SampleRate, int nMfcc = Defaults.NMfccLibrosa, int dctType = 2, bool ortho = true,
        double lifter = 0, int nFft = Defaults.NFft, int hopLength = Defaults.HopLength, int? winLength = null, WindowKind window = WindowKind.Hann,
        bool center = true, PadMode padMode = PadMode.Constant, double power = 2.0, int nMels = Defaults.NMels, double fmin = 0.0,
        double? fmax = null, bool htk = false, MelNorm melNorm = MelNorm.Slaney)
        => new MfccTransform(new MfccOptions(nMfcc, dctType, ortho, lifter), new MelOptions(sr, nMels, fmin, fmax, htk, melNorm, power),
            new StftOptions(nFft, hopLength, winLength, center, padMode, window)).Compute(y);

    /// <summary>MFCCs from a precomputed log-power mel spectrogram <paramref name="S"/> (n_mels, frames): <c>feature.mfcc(S=S, ...)</c>.</summary>
    public static Matrix Mfcc(Matrix S, int nMfcc = Defaults.NMfccLibrosa, bool ortho = true, double lifter = 0)
    {
        var o = new MfccOptions(nMfcc, 2, ortho, lifter).Validate();
        if (nMfcc > S.Rows) throw new ParameterException($"n_mfcc ({nMfcc}) cannot exceed the {S.Rows} rows of S");
        var m = new Dct(S.Rows, nMfcc, ortho).Apply(S);
        if (o.Lifter > 0)
            for (int i = 0; i < m.Rows; i++)
            {
                float f = (float)(1 + o.Lifter / 2 * Math.Sin(Math.PI * (i + 1) / o.Lifter));
                var row = m.Row(i);
                for (int t = 0; t < row.Length; t++) row[t] *= f;
            }
        return m;
    }

    /// <summary>
    /// <c>feature.delta(data, width=9, order=1, axis=-1, mode='interp')</c>: Savitzky-Golay derivative of order
    /// <paramref name="order"/> (polyorder = order) along time; the first/last width/2 frames use the derivative of the
    /// polynomial fitted to the first/last <paramref name="width"/> frames (scipy <c>savgol_filter(mode='interp')</c>).
    /// Same shape as <paramref name="data"/> (rows, frames).
    /// </summary>
    public static Matrix Delta(Matrix data, int width = 9, int order = 1)
    {
        if (width < 3 || width % 2 != 1) throw new ParameterException($"width must be an odd integer >= 3 (got {width})");
        if (order <= 0) throw new ParameterException($"order must be a positive integer (got {order})");
        if (width > data.Cols) throw new ParameterException($"when mode='interp', width={width} cannot exceed data.shape[axis]={data.Cols}");
        if (order >= width) throw new ParameterException($"polyorder ({order}) must be less than window_length ({width})");
        var sg = new SavitzkyGolay(width, order, order);
        int h = width / 2, T = data.Cols;
        var o = new Matrix(data.Rows, T);
        for (int r = 0; r < data.Rows; r++)
        {
            var x = data.Row(r);
            var y = o.Row(r);
            for (int t = h; t < T - h; t++) y[t] = (float)sg.Evaluate(x.Slice(t - h, width), 0);
            for (int t = 0; t < h; t++) y[t] = (float)sg.Evaluate(x[..width], t - h);
            for (int t = T - h; t < T; t++) y[t] = (float)sg.Evaluate(x[(T - width)..], t - (T - 1 - h));
        }
        return o;
    }
}
