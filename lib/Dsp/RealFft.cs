namespace AudioAlchemy.Dsp;

/// <summary>
/// Real-input FFT plan of length n (numpy <c>rfft</c>/<c>irfft</c> semantics, double precision): forward gives
/// n/2 + 1 bins, inverse takes them back to n samples with the 1/n factor. Even n uses a half-length complex
/// transform; odd n a full complex one. Reuses internal buffers: one instance per thread.
/// </summary>
public sealed class RealFft
{
    private readonly int n, half;
    private readonly ComplexFft fft;
    private readonly double[] zr, zi, twr, twi;

    /// <summary>Creates a plan for real signals of length <paramref name="n"/>.</summary>
    public RealFft(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        this.n = n;
        bool even = n % 2 == 0 && n >= 2;
        half = even ? n / 2 : n;
        fft = new ComplexFft(half);
        zr = new double[half];
        zi = new double[half];
        twr = new double[n / 2 + 1];
        twi = new double[n / 2 + 1];
        for (int k = 0; k <= n / 2; k++)
        {
            double a = -2 * Math.PI * k / n;
            twr[k] = Math.Cos(a);
            twi[k] = Math.Sin(a);
        }
    }

    /// <summary>Signal length n.</summary>
    public int Length => n;

    /// <summary>Number of output bins, n/2 + 1.</summary>
    public int Bins => n / 2 + 1;

    /// <summary>Forward transform of <paramref name="x"/> (length n) into <paramref name="re"/>, <paramref name="im"/> (length n/2 + 1).</summary>
    public void Forward(ReadOnlySpan<double> x, Span<double> re, Span<double> im)
    {
        if (x.Length < n || re.Length < Bins || im.Length < Bins) throw new ParameterException($"need {n} inputs and {Bins} output bins");
        if (half == n)
        {
            for (int i = 0; i < n; i++) { zr[i] = x[i]; zi[i] = 0; }
            fft.Forward(zr, zi);
            for (int k = 0; k < Bins; k++) { re[k] = zr[k]; im[k] = zi[k]; }
            return;
        }
        int m = half;
        for (int j = 0; j < m; j++) { zr[j] = x[2 * j]; zi[j] = x[2 * j + 1]; }
        fft.Forward(zr, zi);
        for (int k = 0; k <= m; k++)
        {
            int a = k % m, b = (m - k) % m;
            double zr1 = zr[a], zi1 = zi[a], zr2 = zr[b], zi2 = -zi[b]; // Z[k], conj(Z[m-k])
            double er = 0.5 * (zr1 + zr2), ei = 0.5 * (zi1 + zi2);
            double dr = 0.5 * (zr1 - zr2), di = 0.5 * (zi1 - zi2);
            double or = di, oi = -dr; // O = -i·D
            re[k] = er + twr[k] * or - twi[k] * oi;
            im[k] = ei + twr[k] * oi + twi[k] * or;
        }
    }

    /// <summary>Inverse transform of n/2 + 1 bins into <paramref name="x"/> (length n), numpy <c>irfft(X, n)</c>.</summary>
    public void Inverse(ReadOnlySpan<double> re, ReadOnlySpan<double> im, Span<double> x)
    {
        if (x.Length < n || re.Length < Bins || im.Length < Bins) throw new ParameterException($"need {Bins} input bins and {n} outputs");
        if (half == n)
        {
            for (int k = 0; k < Bins; k++) { zr[k] = re[k]; zi[k] = k == 0 ? 0 : im[k]; }
            for (int k = Bins; k < n; k++) { zr[k] = re[n - k]; zi[k] = -im[n - k]; }
            fft.Inverse(zr, zi);
            for (int i = 0; i < n; i++) x[i] = zr[i];
            return;
        }
        int m = half;
        for (int k = 0; k < m; k++)
        {
            double xr1 = re[k], xi1 = k == 0 ? 0 : im[k];
            double xr2 = re[m - k], xi2 = m - k == m ? 0 : -im[m - k]; // conj(X[m-k]); Nyquist imag ignored
            double er = 0.5 * (xr1 + xr2), ei = 0.5 * (xi1 + xi2);
            double dr = 0.5 * (xr1 - xr2), di = 0.5 * (xi1 - xi2);
            // O = D / W^k = D · conj(W^k)
            double or = dr * twr[k] + di * twi[k];
            double oi = di * twr[k] - dr * twi[k];
            zr[k] = er - oi; // Z = E + i·O
            zi[k] = ei + or;
        }
        fft.Inverse(zr, zi);
        for (int j = 0; j < m; j++) { x[2 * j] = zr[j]; x[2 * j + 1] = zi[j]; }
    }
}
