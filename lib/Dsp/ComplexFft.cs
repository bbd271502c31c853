namespace AudioAlchemy.Dsp;

/// <summary>
/// In-place complex FFT plan of any size n ≥ 1 in double precision (unnormalised forward, 1/n-normalised inverse,
/// numpy conventions). Powers of two use an iterative radix-2 transform (first two stages fused, SIMD butterflies, contiguous per-stage twiddles); other sizes use
/// Bluestein's chirp-z algorithm over a power-of-two plan. Buffers are reused: one instance per thread.
/// </summary>
public sealed class ComplexFft
{
    private readonly int n;
    private readonly int[]? bitReverse;
    // Twiddles of every radix-2 stage, contiguous per stage (see the constructor).
    private readonly double[]? twRe, twIm;
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
            // Stage with half-span h (h = 1, 2, 4, ..., n/2) uses w_k = e^{-2πik/(2h)}, k < h, stored at [h - 1, 2h - 1).
            twRe = new double[Math.Max(1, n - 1)];
            twIm = new double[Math.Max(1, n - 1)];
            for (int h = 1; h < n; h <<= 1)
                for (int k = 0; k < h; k++)
                {
                    double a = -Math.PI * k / h;
                    twRe[h - 1 + k] = Math.Cos(a);
                    twIm[h - 1 + k] = Math.Sin(a);
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
        if (re.Length < n || im.Length < n) throw new ParameterException($"buffers must hold {n} values");
        if (bluestein != null) { bluestein.Transform(re, im, inverse); return; }
        re = re[..n];
        im = im[..n];
        var br = bitReverse!;
        for (int i = 0; i < n; i++)
        {
            int j = br[i];
            if (j > i) { (re[i], re[j]) = (re[j], re[i]); (im[i], im[j]) = (im[j], im[i]); }
        }
        // The inverse transform is the forward transform of the conjugate, conjugated: negate im before and after.
        if (inverse) Negate(im);
        int h = 1;
        if (n >= 4)
        {
            Radix4First(re, im);
            h = 4;
        }
        for (; h < n; h <<= 1) Stage(re, im, h);
        if (inverse) Negate(im);
    }

    /// <summary>The first two radix-2 stages fused (twiddles 1 and −i need no multiplications).</summary>
    private void Radix4First(Span<double> re, Span<double> im)
    {
        for (int s = 0; s < n; s += 4)
        {
            double r0 = re[s], i0 = im[s], r1 = re[s + 1], i1 = im[s + 1];
            double r2 = re[s + 2], i2 = im[s + 2], r3 = re[s + 3], i3 = im[s + 3];
            double ar = r0 + r1, ai = i0 + i1, br = r0 - r1, bi = i0 - i1; // stage 1, pair (0,1)
            double cr = r2 + r3, ci = i2 + i3, dr = r2 - r3, di = i2 - i3; // stage 1, pair (2,3)
            re[s] = ar + cr; im[s] = ai + ci;
            re[s + 2] = ar - cr; im[s + 2] = ai - ci;
            // twiddle −i on d: (dr, di)·(−i) = (di, −dr)
            re[s + 1] = br + di; im[s + 1] = bi - dr;
            re[s + 3] = br - di; im[s + 3] = bi + dr;
        }
    }

    /// <summary>One radix-2 stage with half-span <paramref name="h"/> ≥ 4, vectorised over k.</summary>
    private void Stage(Span<double> re, Span<double> im, int h)
    {
        var wr = twRe.AsSpan(h - 1, h);
        var wi = twIm.AsSpan(h - 1, h);
        int size = h << 1;
        int vc = System.Numerics.Vector<double>.Count;
        for (int start = 0; start < n; start += size)
        {
            var ra = re.Slice(start, h);
            var ia = im.Slice(start, h);
            var rb = re.Slice(start + h, h);
            var ib = im.Slice(start + h, h);
            int k = 0;
            if (System.Numerics.Vector.IsHardwareAccelerated && h >= vc)
            {
                for (; k <= h - vc; k += vc)
                {
                    var vwr = new System.Numerics.Vector<double>(wr[k..]);
                    var vwi = new System.Numerics.Vector<double>(wi[k..]);
                    var vbr = new System.Numerics.Vector<double>(rb[k..]);
                    var vbi = new System.Numerics.Vector<double>(ib[k..]);
                    var xr = vbr * vwr - vbi * vwi;
                    var xi = vbr * vwi + vbi * vwr;
                    var var_ = new System.Numerics.Vector<double>(ra[k..]);
                    var vai = new System.Numerics.Vector<double>(ia[k..]);
                    (var_ - xr).CopyTo(rb[k..]);
                    (vai - xi).CopyTo(ib[k..]);
                    (var_ + xr).CopyTo(ra[k..]);
                    (vai + xi).CopyTo(ia[k..]);
                }
            }
            for (; k < h; k++)
            {
                double xr = rb[k] * wr[k] - ib[k] * wi[k];
                double xi = rb[k] * wi[k] + ib[k] * wr[k];
                rb[k] = ra[k] - xr; ib[k] = ia[k] - xi;
                ra[k] += xr; ia[k] += xi;
            }
        }
    }

    private static void Negate(Span<double> v)
    {
        for (int i = 0; i < v.Length; i++) v[i] = -v[i];
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
