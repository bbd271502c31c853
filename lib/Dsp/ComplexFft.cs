namespace AudioAlchemy.Dsp;

/// <summary>
/// In-place complex FFT plan of any size n ≥ 1 in double precision (unnormalised forward, 1/n-normalised inverse,
/// numpy conventions). Powers of two use an iterative radix-2 transform with precomputed twiddles; other sizes use
/// Bluestein's chirp-z algorithm over a power-of-two plan. Buffers are reused: one instance per thread.
/// </summary>
public sealed class ComplexFft
{
    private readonly int n;
    private readonly int[]? bitReverse;
    private readonly double[]? cos, sin;
    private readonly Bluestein? bluestein;

    /// <summary>Creates a plan for transforms of length <paramref name="n"/>.</summary>
    public ComplexFft(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        this.n = n;
        if (IsPowerOfTwo(n))
        {
            int bits = System.Numerics.BitOperations.Log2((uint)n);
            bitReverse = new int[n];
            for (int i = 0; i < n; i++)
            {
                int r = 0;
                for (int b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
                bitReverse[i] = r;
            }
            cos = new double[n / 2];
            sin = new double[n / 2];
            for (int k = 0; k < n / 2; k++)
            {
                double a = -2 * Math.PI * k / n;
                cos[k] = Math.Cos(a);
                sin[k] = Math.Sin(a);
            }
        }
        else
        {
            bluestein = new Bluestein(n);
        }
    }

    /// <summary>Transform length.</summary>
    public int Length => n;

    /// <summary>True when <paramref name="n"/> is a positive power of two.</summary>
    public static bool IsPowerOfTwo(int n) => n > 0 && (n & (n - 1)) == 0;

    /// <summary>Forward DFT in place: X[k] = Σ x[j]·e^{−2πijk/n}.</summary>
    public void Forward(Span<double> re, Span<double> im) => Transform(re, im, inverse: false);

    /// <summary>Inverse DFT in place, including the 1/n factor.</summary>
    public void Inverse(Span<double> re, Span<double> im)
    {
        Transform(re, im, inverse: true);
        double s = 1.0 / n;
        for (int i = 0; i < n; i++) { re[i] *= s; im[i] *= s; }
    }

    private void Transform(Span<double> re, Span<double> im, bool inverse)
    {
        if (re.Length < n || im.Length < n) throw new ArgumentException($"buffers must hold {n} values");
        if (bluestein != null) { bluestein.Transform(re, im, inverse); return; }
        var br = bitReverse!;
        for (int i = 0; i < n; i++)
        {
            int j = br[i];
            if (j > i) { (re[i], re[j]) = (re[j], re[i]); (im[i], im[j]) = (im[j], im[i]); }
        }
        double sign = inverse ? -1 : 1;
        for (int size = 2; size <= n; size <<= 1)
        {
            int half = size >> 1, step = n / size;
            for (int start = 0; start < n; start += size)
            {
                for (int k = 0, t = 0; k < half; k++, t += step)
                {
                    double wr = cos![t], wi = sign * sin![t];
                    int a = start + k, b = a + half;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr; im[b] = im[a] - xi;
                    re[a] += xr; im[a] += xi;
                }
            }
        }
    }

    /// <summary>Bluestein's algorithm: a length-n DFT as a circular convolution of length m = 2^k ≥ 2n − 1.</summary>
    private sealed class Bluestein
    {
        private readonly int n, m;
        private readonly ComplexFft fft;
        private readonly double[] wr, wi, bRe, bIm, aRe, aIm;

        public Bluestein(int n)
        {
            this.n = n;
            m = 1;
            while (m < 2 * n - 1) m <<= 1;
            fft = new ComplexFft(m);
            wr = new double[n]; wi = new double[n];
            for (int k = 0; k < n; k++)
            {
                long k2 = (long)k * k % (2L * n);
                double a = Math.PI * k2 / n;
                wr[k] = Math.Cos(a); wi[k] = -Math.Sin(a);
            }
            bRe = new double[m]; bIm = new double[m];
            bRe[0] = wr[0]; bIm[0] = -wi[0];
            for (int k = 1; k < n; k++)
            {
                bRe[k] = bRe[m - k] = wr[k];
                bIm[k] = bIm[m - k] = -wi[k];
            }
            fft.Forward(bRe, bIm);
            aRe = new double[m]; aIm = new double[m];
        }

        public void Transform(Span<double> re, Span<double> im, bool inverse)
        {
            double s = inverse ? -1 : 1;
            Array.Clear(aRe); Array.Clear(aIm);
            for (int k = 0; k < n; k++)
            {
                double xr = re[k], xi = s * im[k];
                aRe[k] = xr * wr[k] - xi * wi[k];
                aIm[k] = xr * wi[k] + xi * wr[k];
            }
            fft.Forward(aRe, aIm);
            for (int k = 0; k < m; k++)
            {
                double r = aRe[k] * bRe[k] - aIm[k] * bIm[k];
                double i = aRe[k] * bIm[k] + aIm[k] * bRe[k];
                aRe[k] = r; aIm[k] = i;
            }
            fft.Inverse(aRe, aIm);
            for (int k = 0; k < n; k++)
            {
                double r = aRe[k] * wr[k] - aIm[k] * wi[k];
                double i = aRe[k] * wi[k] + aIm[k] * wr[k];
                re[k] = r; im[k] = s * i;
            }
        }
    }
}
