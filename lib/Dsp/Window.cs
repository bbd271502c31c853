namespace AudioAlchemy.Dsp;

/// <summary>Analysis windows (scipy <c>get_window(..., fftbins=True)</c>, i.e. periodic/DFT-even) and librosa's <c>pad_center</c>.</summary>
public static class Window
{
    /// <summary>Periodic Hann window of length <paramref name="n"/>: w[i] = 0.5 − 0.5·cos(2πi/n).</summary>
    public static double[] Hann(int n)
    {
        var w = new double[n];
        if (n == 1) { w[0] = 1; return w; }
        for (int i = 0; i < n; i++) w[i] = 0.5 - 0.5 * Math.Cos(2 * Math.PI * i / n);
        return w;
    }

    /// <summary>Rectangular (all-ones) window, librosa's <c>window='ones'</c> / <c>'boxcar'</c>.</summary>
    public static double[] Ones(int n) => Enumerable.Repeat(1.0, n).ToArray();

    /// <summary>Centres <paramref name="w"/> in a zero array of length <paramref name="size"/> (librosa <c>util.pad_center</c>).</summary>
    public static double[] PadCenter(double[] w, int size)
    {
        if (w.Length > size) throw new ParameterException($"window length {w.Length} exceeds n_fft {size}");
        var o = new double[size];
        int lpad = (size - w.Length) / 2;
        Array.Copy(w, 0, o, lpad, w.Length);
        return o;
    }
}
