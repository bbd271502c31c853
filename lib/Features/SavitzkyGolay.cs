namespace AudioAlchemy.Features;

/// <summary>
/// Least-squares polynomial fit over a window of odd length (scipy's Savitzky-Golay machinery): evaluates the
/// <c>deriv</c>-th derivative of the degree-<c>polyorder</c> polynomial fitted to the window at an offset u from its centre
/// (u in −w/2..w/2). The pseudo-inverse of the Vandermonde matrix is built once.
/// </summary>
internal sealed class SavitzkyGolay
{
    private readonly int width, polyorder, deriv;
    private readonly double[,] pinv; // (polyorder+1, width)

    public SavitzkyGolay(int width, int polyorder, int deriv)
    {
        this.width = width;
        this.polyorder = polyorder;
        this.deriv = deriv;
        int h = width / 2, p1 = polyorder + 1;
        // A[j, p] = (j - h)^p ; pinv = (AᵀA)⁻¹ Aᵀ
        var ata = new double[p1, p1];
        for (int a = 0; a < p1; a++)
            for (int b = 0; b < p1; b++)
            {
                double s = 0;
                for (int j = 0; j < width; j++) s += Math.Pow(j - h, a + b);
                ata[a, b] = s;
            }
        var inv = Invert(ata);
        pinv = new double[p1, width];
        for (int p = 0; p < p1; p++)
            for (int j = 0; j < width; j++)
            {
                double s = 0;
                for (int q = 0; q < p1; q++) s += inv[p, q] * Math.Pow(j - h, q);
                pinv[p, j] = s;
            }
    }

    /// <summary>The derivative of the fit to <paramref name="x"/> (length width) at offset <paramref name="u"/> from the centre.</summary>
    public double Evaluate(ReadOnlySpan<float> x, double u)
    {
        double r = 0;
        for (int p = deriv; p <= polyorder; p++)
        {
            double c = 0;
            for (int j = 0; j < width; j++) c += pinv[p, j] * x[j];
            double f = 1;
            for (int q = p - deriv + 1; q <= p; q++) f *= q;   // p!/(p-deriv)!
            r += c * f * Math.Pow(u, p - deriv);
        }
        return r;
    }

    private static double[,] Invert(double[,] m)
    {
        int n = m.GetLength(0);
        var a = (double[,])m.Clone();
        var inv = new double[n, n];
        for (int i = 0; i < n; i++) inv[i, i] = 1;
        for (int c = 0; c < n; c++)
        {
            int piv = c;
            for (int r = c + 1; r < n; r++) if (Math.Abs(a[r, c]) > Math.Abs(a[piv, c])) piv = r;
            for (int k = 0; k < n; k++) { (a[c, k], a[piv, k]) = (a[piv, k], a[c, k]); (inv[c, k], inv[piv, k]) = (inv[piv, k], inv[c, k]); }
            double d = a[c, c];
            for (int k = 0; k < n; k++) { a[c, k] /= d; inv[c, k] /= d; }
            for (int r = 0; r < n; r++)
            {
                if (r == c) continue;
                double f = a[r, c];
                if (f == 0) continue;
                for (int k = 0; k < n; k++) { a[r, k] -= f * a[c, k]; inv[r, k] -= f * inv[c, k]; }
            }
        }
        return inv;
    }
}
