namespace AudioAlchemy.Features.Pitch;

/// <summary>Cumulative distribution of the Beta(a, b) distribution (regularized incomplete beta function), double precision.</summary>
internal static class BetaDistribution
{
    /// <summary><c>scipy.stats.beta.cdf(x, a, b)</c> for x in [0, 1].</summary>
    public static double Cdf(double x, double a, double b)
    {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        double lnFront = LogGamma(a + b) - LogGamma(a) - LogGamma(b) + a * Math.Log(x) + b * Math.Log(1 - x);
        double front = Math.Exp(lnFront);
        return x < (a + 1) / (a + b + 2) ? front * ContinuedFraction(x, a, b) / a : 1 - front * ContinuedFraction(1 - x, b, a) / b;
    }

    /// <summary>Modified Lentz evaluation of the incomplete-beta continued fraction.</summary>
    private static double ContinuedFraction(double x, double a, double b)
    {
        const double tiny = 1e-300, eps = 1e-16;
        double c = 1, dd = 1 - (a + b) * x / (a + 1);
        if (Math.Abs(dd) < tiny) dd = tiny;
        dd = 1 / dd;
        double h = dd;
        for (int m = 1; m <= 10000; m++)
        {
            int m2 = 2 * m;
            double num = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            dd = 1 + num * dd; if (Math.Abs(dd) < tiny) dd = tiny;
            c = 1 + num / c; if (Math.Abs(c) < tiny) c = tiny;
            dd = 1 / dd; h *= dd * c;
            num = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            dd = 1 + num * dd; if (Math.Abs(dd) < tiny) dd = tiny;
            c = 1 + num / c; if (Math.Abs(c) < tiny) c = tiny;
            dd = 1 / dd;
            double del = dd * c;
            h *= del;
            if (Math.Abs(del - 1) < eps) break;
        }
        return h;
    }

    /// <summary>ln Γ(x) for x &gt; 0 (Lanczos, g = 7, n = 9; relative error ~1e-15).</summary>
    internal static double LogGamma(double x)
    {
        if (x < 0.5) return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        ReadOnlySpan<double> c =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        x -= 1;
        double s = c[0];
        for (int i = 1; i < 9; i++) s += c[i] / (x + i);
        double t = x + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(s);
    }
}
