namespace AudioAlchemy.Models;

/// <summary>
/// libsvm's probability estimates: <c>svm_binary_svc_probability</c> (decision values from a seeded 5-fold split of
/// one pair's rows, each fold's model trained with the pair's C bounds), <c>sigmoid_train</c> (Platt's sigmoid with
/// Lin, Lin &amp; Weng's Newton method and target smoothing) and <c>multiclass_probability</c> (Wu, Lin &amp; Weng
/// 2004, method 2). The fold shuffle uses our seeded RNG (libsvm/sklearn use their own), so A and B differ slightly
/// from sklearn's.
/// </summary>
internal static class PlattScaling
{
    /// <summary>The seeded fold shuffle of a pair with <paramref name="l"/> rows (libsvm's, with our RNG).</summary>
    public static int[] FoldPermutation(int l, Random rng)
    {
        var perm = Enumerable.Range(0, l).ToArray();
        for (int i = 0; i < l; i++) { int j = i + rng.Next(l - i); (perm[i], perm[j]) = (perm[j], perm[i]); }
        return perm;
    }

    /// <summary>(A, B) of P(y=+1 | f) = 1 / (1 + exp(A·f + B)) for the rows <paramref name="rows"/> labelled
    /// <paramref name="ys"/>, folds taken from <paramref name="perm"/> (<see cref="FoldPermutation"/>).</summary>
    public static (double A, double B) BinaryProbability(double[][] x, int[] rows, sbyte[] ys, double cp, double cn, SvmKernel kernel,
        SvcOptions o, int[] perm)
    {
        const int folds = 5;
        int l = rows.Length;
        var dec = new double[l];
        for (int f = 0; f < folds; f++)
        {
            int begin = f * l / folds, end = (f + 1) * l / folds;
            var train = perm[..begin].Concat(perm[end..]).ToArray();
            int pos = train.Count(t => ys[t] > 0), neg = train.Length - pos;
            if (pos == 0 || neg == 0)
            {
                for (int j = begin; j < end; j++) dec[perm[j]] = pos > 0 ? 1 : neg > 0 ? -1 : 0;
                continue;
            }
            var sub = train.Select(t => x[rows[t]]).ToArray();
            var cache = new KernelCache(sub, kernel, o.CacheSize);
            var subY = train.Select(t => ys[t]).ToArray();
            var (alpha, rho) = new SmoSolver(cache, Enumerable.Range(0, sub.Length).ToArray(), o.Tol, o.Shrinking).Solve(subY, cp, cn, o.MaxIter);
            var sq = sub.Select(v => SvmKernel.Dot(v, v)).ToArray();
            for (int j = begin; j < end; j++)
            {
                var q = x[rows[perm[j]]];
                double qs = SvmKernel.Dot(q, q), sum = 0;
                for (int s = 0; s < sub.Length; s++) if (alpha[s] != 0) sum += alpha[s] * subY[s] * kernel.Eval(q, sub[s], qs, sq[s]);
                // Oriented toward +1 (libsvm multiplies its sub-model's value by that model's label[0] for the same effect).
                dec[perm[j]] = sum - rho;
            }
        }
        return SigmoidTrain(dec, ys);
    }

    /// <summary>libsvm's sigmoid_train.</summary>
    public static (double A, double B) SigmoidTrain(double[] dec, sbyte[] labels)
    {
        int l = dec.Length;
        double prior1 = labels.Count(v => v > 0), prior0 = l - prior1;
        const int maxIter = 100;
        const double minStep = 1e-10, sigma = 1e-12, eps = 1e-5;
        double hi = (prior1 + 1.0) / (prior1 + 2.0), lo = 1 / (prior0 + 2.0);
        var t = labels.Select(v => v > 0 ? hi : lo).ToArray();
        double a = 0, b = Math.Log((prior0 + 1.0) / (prior1 + 1.0));
        double F(double aa, double bb)
        {
            double f = 0;
            for (int i = 0; i < l; i++)
            {
                double z = dec[i] * aa + bb;
                f += z >= 0 ? t[i] * z + Math.Log(1 + Math.Exp(-z)) : (t[i] - 1) * z + Math.Log(1 + Math.Exp(z));
            }
            return f;
        }
        double fval = F(a, b);
        for (int iter = 0; iter < maxIter; iter++)
        {
            double h11 = sigma, h22 = sigma, h21 = 0, g1 = 0, g2 = 0;
            for (int i = 0; i < l; i++)
            {
                double z = dec[i] * a + b, p, q;
                if (z >= 0) { p = Math.Exp(-z) / (1.0 + Math.Exp(-z)); q = 1.0 / (1.0 + Math.Exp(-z)); }
                else { p = 1.0 / (1.0 + Math.Exp(z)); q = Math.Exp(z) / (1.0 + Math.Exp(z)); }
                double d2 = p * q;
                h11 += dec[i] * dec[i] * d2;
                h22 += d2;
                h21 += dec[i] * d2;
                double d1 = t[i] - p;
                g1 += dec[i] * d1;
                g2 += d1;
            }
            if (Math.Abs(g1) < eps && Math.Abs(g2) < eps) break;
            double det = h11 * h22 - h21 * h21;
            double dA = -(h22 * g1 - h21 * g2) / det, dB = -(-h21 * g1 + h11 * g2) / det;
            double gd = g1 * dA + g2 * dB, step = 1;
            while (step >= minStep)
            {
                double na = a + step * dA, nb = b + step * dB, nf = F(na, nb);
                if (nf < fval + 0.0001 * step * gd) { a = na; b = nb; fval = nf; break; }
                step /= 2.0;
            }
            if (step < minStep) break;
        }
        return (a, b);
    }

    /// <summary>libsvm's sigmoid_predict.</summary>
    public static double SigmoidPredict(double dec, double a, double b)
    {
        double z = dec * a + b;
        return z >= 0 ? Math.Exp(-z) / (1.0 + Math.Exp(-z)) : 1.0 / (1 + Math.Exp(z));
    }

    /// <summary>libsvm's multiclass_probability on pairwise probabilities r[i, j] = P(i | i or j).</summary>
    public static double[] MulticlassProbability(int k, double[,] r)
    {
        var q = new double[k, k];
        var p = new double[k];
        var qp = new double[k];
        int maxIter = Math.Max(100, k);
        double eps = 0.005 / k;
        for (int t = 0; t < k; t++)
        {
            p[t] = 1.0 / k;
            q[t, t] = 0;
            for (int j = 0; j < t; j++) { q[t, t] += r[j, t] * r[j, t]; q[t, j] = q[j, t]; }
            for (int j = t + 1; j < k; j++) { q[t, t] += r[j, t] * r[j, t]; q[t, j] = -r[j, t] * r[t, j]; }
        }
        for (int iter = 0; iter < maxIter; iter++)
        {
            double pqp = 0;
            for (int t = 0; t < k; t++)
            {
                qp[t] = 0;
                for (int j = 0; j < k; j++) qp[t] += q[t, j] * p[j];
                pqp += p[t] * qp[t];
            }
            double maxError = 0;
            for (int t = 0; t < k; t++) maxError = Math.Max(maxError, Math.Abs(qp[t] - pqp));
            if (maxError < eps) break;
            for (int t = 0; t < k; t++)
            {
                double diff = (-qp[t] + pqp) / q[t, t];
                p[t] += diff;
                pqp = (pqp + diff * (diff * q[t, t] + 2 * qp[t])) / (1 + diff) / (1 + diff);
                for (int j = 0; j < k; j++) { qp[j] = (qp[j] + diff * q[t, j]) / (1 + diff); p[j] /= 1 + diff; }
            }
        }
        return p;
    }
}
