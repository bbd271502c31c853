using System.Numerics;

namespace AudioAlchemy.Features.Pitch;

/// <summary>
/// Viterbi decoding of pyin's 2 × n_bins-state HMM exactly as <c>librosa.sequence.viterbi</c> computes it
/// (log domain, <c>log(p + tiny)</c>, first index wins ties), but in O(frames × states × band) instead of
/// O(frames × states²): the transition <c>kron([[1-s, s], [s, 1-s]], transition_local(n_bins, width, 'triangle'))</c>
/// is zero outside a band of ±width/2 bins, whose log is the constant <c>log(tiny)</c>, so every out-of-band
/// predecessor is dominated by the global maximum of the previous frame. In-band predecessors are scanned with SIMD
/// over blocks of 4–8 targets and whole source blocks are skipped when their upper bound cannot beat the current best.
/// The tables are built once per parameter set; one instance per thread.
/// </summary>
internal sealed class PyinViterbi
{
    private static readonly double LogTiny = Math.Log(TinyValue); // log(np.finfo(float64).tiny)
    private const int Block = 8;
    private readonly int nb, H, rowLen, pad, vw;
    private readonly double[][] k; // [s * 2 + s'] → nb rows × rowLen: log(S[s,s'] · L[i, j] + tiny)
    private readonly double[] kMax;
    private readonly double[][] kDist; // [pair][dist]: largest kernel value at |i - j| >= dist (dist H+1 = -inf)

    public PyinViterbi(int nBins, int width, double switchProb)
    {
        nb = nBins;
        H = width / 2;
        vw = Vector<double>.Count;
        pad = vw - 1;
        rowLen = 2 * H + 1 + 2 * pad;
        var local = TransitionLocal(nb, width);
        double stay = 1 - switchProb, change = (1.0 - stay) / (2 - 1); // transition_loop(2, 1 - switch_prob)
        double[] sw = [stay, change, change, stay];
        k = new double[4][];
        kMax = new double[4];
        kDist = new double[4][];
        for (int pair = 0; pair < 4; pair++)
        {
            var tab = new double[nb * rowLen];
            Array.Fill(tab, double.NegativeInfinity);
            double mx = double.NegativeInfinity;
            for (int i = 0; i < nb; i++)
                for (int j = Math.Max(0, i - H); j <= Math.Min(nb - 1, i + H); j++)
                {
                    double v = Math.Log(sw[pair] * local[i * nb + j] + TinyValue);
                    tab[i * rowLen + j - i + H + pad] = v;
                    mx = Math.Max(mx, v);
                }
            k[pair] = tab;
            kMax[pair] = mx;
            var kd = new double[H + 2];
            Array.Fill(kd, double.NegativeInfinity);
            for (int i = 0; i < nb; i++)
                for (int j = Math.Max(0, i - H); j <= Math.Min(nb - 1, i + H); j++)
                {
                    int dd = Math.Abs(j - i);
                    kd[dd] = Math.Max(kd[dd], tab[i * rowLen + j - i + H + pad]);
                }
            for (int dd = H - 1; dd >= 0; dd--) kd[dd] = Math.Max(kd[dd], kd[dd + 1]);
            kDist[pair] = kd;
        }
    }

    private const double TinyValue = 2.2250738585072014e-308;

    /// <summary>librosa's <c>transition_local(n, width, window='triangle', wrap=False)</c>, row-normalised, row-major (n × n).</summary>
    internal static double[] TransitionLocal(int n, int width)
    {
        // scipy.signal.get_window('triangle', width, fftbins=False) = triang(width), symmetric
        var win = new double[width];
        int half = (width + 1) / 2;
        for (int m = 1; m <= half; m++)
        {
            double w = width % 2 == 0 ? (2.0 * m - 1) / width : 2.0 * m / (width + 1);
            win[m - 1] = w;
            win[width - m] = w;
        }
        var t = new double[n * n];
        var row = new double[n];
        int lpad = (n - width) / 2;
        for (int i = 0; i < n; i++)
        {
            Array.Clear(row);
            int shift = n / 2 + i + 1;
            for (int p = 0; p < width; p++) row[((lpad + p + shift) % n + n) % n] = win[p];
            int hi = Math.Min(n, i + width / 2 + 1), lo = Math.Max(0, i - width / 2);
            for (int j = hi; j < n; j++) row[j] = 0;
            for (int j = 0; j < lo; j++) row[j] = 0;
            double sum = 0;
            for (int j = 0; j < n; j++) sum += row[j];
            for (int j = 0; j < n; j++) t[i * n + j] = row[j] / sum;
        }
        return t;
    }

    private ushort[] ptrBuf = [];

    /// <summary>
    /// Most likely state sequence. <paramref name="voicedBins"/>/<paramref name="voicedValues"/> hold, per frame, the
    /// voiced states with non-zero observation probability; every other voiced state has probability 0 and every
    /// unvoiced state <paramref name="unvoiced"/>[t]. Returns states in 0 .. 2·n_bins - 1 (≥ n_bins = unvoiced).
    /// </summary>
    public int[] Decode(IReadOnlyList<int[]> voicedBins, IReadOnlyList<double[]> voicedValues, double[] unvoiced)
    {
        int T = unvoiced.Length, S = 2 * nb;
        var states = new int[T];
        if (T == 0) return states;
        // Back-pointers (T × 2·n_bins, ~3 MB for 30 s) are reused across calls; rows 1..T-1 are fully written below, row 0 is never read.
        if (ptrBuf.LongLength < (long)T * S) ptrBuf = GC.AllocateUninitializedArray<ushort>(checked(T * S));
        var ptr = ptrBuf;
        var prev = new double[S];
        var cur = new double[S];
        var logObs = new double[S];
        int nBlocks = (nb + Block - 1) / Block;
        var bmax = new double[2 * nBlocks];
        int chunks = (nb + vw - 1) / vw;

        double logInit = Math.Log(1.0 / S + TinyValue);
        FillObs(logObs, voicedBins[0], voicedValues[0], unvoiced[0]);
        for (int s = 0; s < S; s++) prev[s] = logObs[s] + logInit;

        var best = new double[vw];
        var arg = new long[vw];
        var best1 = new double[vw];
        var arg1 = new long[vw];
        for (int t = 1; t < T; t++)
        {
            FillObs(logObs, voicedBins[t], voicedValues[t], unvoiced[t]);
            int gidx = 0;
            for (int s = 1; s < S; s++) if (prev[s] > prev[gidx]) gidx = s;
            double gmax = prev[gidx];
            for (int layer = 0; layer < 2; layer++)
                for (int b = 0; b < nBlocks; b++)
                {
                    double m = double.NegativeInfinity;
                    int end = Math.Min(nb, (b + 1) * Block);
                    for (int i = b * Block; i < end; i++) m = Math.Max(m, prev[layer * nb + i]);
                    bmax[layer * nBlocks + b] = m;
                }
            int monoLo = 0;
            for (int c = 0; c < chunks; c++)
            {
                int j0 = c * vw;
                Chunk(prev, j0, bmax, nBlocks, best, arg, best1, arg1, ref monoLo);
                for (int tl = 0; tl < 2; tl++)
                {
                    var bb = tl == 0 ? best : best1;
                    var aa = tl == 0 ? arg : arg1;
                    for (int lane = 0; lane < vw && j0 + lane < nb; lane++)
                    {
                        int j = j0 + lane;
                        double bv = bb[lane];
                        long ba = aa[lane];
                        int gi = gidx % nb;
                        if (Math.Abs(gi - j) > H)
                        {
                            double fv = gmax + LogTiny;
                            if (fv > bv || (fv == bv && gidx < ba)) { bv = fv; ba = gidx; }
                        }
                        int st = tl * nb + j;
                        cur[st] = logObs[st] + bv;
                        ptr[(long)t * S + st] = (ushort)ba;
                    }
                }
            }
            (prev, cur) = (cur, prev);
        }
        int last = 0;
        for (int s = 1; s < S; s++) if (prev[s] > prev[last]) last = s;
        states[T - 1] = last;
        for (int t = T - 2; t >= 0; t--) states[t] = ptr[(long)(t + 1) * S + states[t + 1]];
        return states;
    }

    private void FillObs(double[] logObs, int[] bins, double[] values, double unvoiced)
    {
        Array.Fill(logObs, LogTiny, 0, nb);
        for (int i = 0; i < bins.Length; i++) logObs[bins[i]] = Math.Log(values[i] + TinyValue);
        double lu = Math.Log(unvoiced + TinyValue);
        Array.Fill(logObs, lu, nb, nb);
    }

    /// <summary>
    /// Best in-band predecessors of targets j0 .. j0+vw-1 in both layers (voiced → <paramref name="bestOut0"/>, unvoiced →
    /// <paramref name="bestOut1"/>). The dense unvoiced source layer is scanned once: its best source for a target is the
    /// same for both target layers because their kernels differ by the constant log((1-s)/s) (exact up to the last
    /// bit, so only exact-rounding ties could differ); the candidate's value is then taken from the exact table. The
    /// sparse voiced source layer (every state without an observation carries log(tiny)) is scanned for each target
    /// layer with block pruning.
    /// </summary>
    private void Chunk(double[] prev, int j0, double[] bmax, int nBlocks, double[] bestOut0, long[] argOut0, double[] bestOut1, long[] argOut1, ref int monoLo)
    {
        var init = new Vector<double>(double.NegativeInfinity);
        if (j0 + vw > nb)
        {
            Span<double> v = stackalloc double[vw];
            for (int l = 0; l < vw; l++) v[l] = j0 + l < nb ? double.NegativeInfinity : double.PositiveInfinity;
            init = new Vector<double>(v);
        }
        int lo = Math.Max(0, j0 - H), hi = Math.Min(nb - 1, j0 + vw - 1 + H);
        // 1. unvoiced sources → unvoiced targets. The kernel log(tri(j - i)) + g(i) is concave in j - i, so the
        //    matrix of candidates is totally monotone and the leftmost best source never moves left as j grows:
        //    sources left of the previous chunk's best cannot win.
        var b1 = init;
        var a1 = Vector<long>.Zero;
        ScanLayer(prev, 1, 1, j0, Math.Max(lo, monoLo), hi, bmax, nBlocks, ref b1, ref a1);
        for (int l = vw - 1; l >= 0; l--)
            if (j0 + l < nb) { monoLo = Math.Max(monoLo, (int)a1[l] - nb); break; }
        // 2. the same sources → voiced targets, value from the exact switch table
        Span<double> seed = stackalloc double[vw];
        Span<long> seedArg = stackalloc long[vw];
        var tab10 = k[1 * 2 + 0];
        for (int l = 0; l < vw; l++)
        {
            int j = j0 + l;
            long a = a1[l];
            if (j >= nb) { seed[l] = double.PositiveInfinity; seedArg[l] = 0; continue; }
            int i = (int)a - nb;
            seed[l] = i >= 0 ? prev[a] + tab10[i * rowLen + j - i + H + pad] : double.NegativeInfinity;
            seedArg[l] = a;
        }
        var b0 = new Vector<double>(seed);
        var a0 = new Vector<long>(seedArg);
        // 3. voiced sources → both target layers
        ScanLayer(prev, 0, 0, j0, lo, hi, bmax, nBlocks, ref b0, ref a0);
        ScanLayer(prev, 0, 1, j0, lo, hi, bmax, nBlocks, ref b1, ref a1);
        b0.CopyTo(bestOut0);
        a0.CopyTo(argOut0);
        b1.CopyTo(bestOut1);
        a1.CopyTo(argOut1);
    }

    /// <summary>Scans source layer <paramref name="sl"/> for target layer <paramref name="tl"/>, outward from the chunk, skipping blocks that cannot reach the worst lane's best.</summary>
    private void ScanLayer(double[] prev, int sl, int tl, int j0, int lo, int hi, double[] bmax, int nBlocks, ref Vector<double> best, ref Vector<long> arg)
    {
        int pair = sl * 2 + tl;
        int b0 = lo / Block, b1 = hi / Block, bc = Math.Min(j0 / Block, b1);
        double minBest = MinLane(best);
        for (int r = 0; r <= Math.Max(bc - b0, b1 - bc); r++)
            for (int side = 0; side < 2; side++)
            {
                if (r == 0 && side == 1) continue;
                int b = side == 0 ? bc + r : bc - r;
                if (b < b0 || b > b1) continue;
                int dist = Math.Max(0, Math.Max(b * Block - (j0 + vw - 1), j0 - (b * Block + Block - 1)));
                if (bmax[sl * nBlocks + b] + kDist[pair][Math.Min(dist, H + 1)] < minBest) continue;
                ScanBlock(prev, sl, tl, b, lo, hi, j0, minBest, ref best, ref arg);
                minBest = MinLane(best);
            }
    }

    private double MinLane(Vector<double> v)
    {
        double m = v[0];
        for (int l = 1; l < vw; l++) m = Math.Min(m, v[l]);
        return m;
    }

    private void ScanBlock(double[] prev, int sl, int tl, int b, int lo, int hi, int j0, double minBest, ref Vector<double> best, ref Vector<long> arg)
    {
        var tab = k[sl * 2 + tl];
        double km = kMax[sl * 2 + tl];
        int iStart = Math.Max(lo, b * Block), iEnd = Math.Min(hi, b * Block + Block - 1);
        // Two independent accumulators (alternate sources) shorten the loop-carried dependency; merged tie-aware.
        Vector<double> bestA = best, bestB = best;
        Vector<long> argA = arg, argB = arg;
        int off = sl * nb;
        for (int i = iStart; i <= iEnd; i++)
        {
            double v = prev[off + i];
            if (v + km < minBest) continue; // cannot reach any lane's current best
            var cand = new Vector<double>(v) + new Vector<double>(tab, i * rowLen + j0 - i + H + pad);
            var kIdx = new Vector<long>(off + i);
            if ((i & 1) == 0) Update(cand, kIdx, ref bestA, ref argA); else Update(cand, kIdx, ref bestB, ref argB);
        }
        Update(bestB, argB, ref bestA, ref argA);
        best = bestA;
        arg = argA;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static void Update(Vector<double> cand, Vector<long> idx, ref Vector<double> best, ref Vector<long> arg)
    {
        var mask = Vector.BitwiseOr(Vector.AsVectorInt64(Vector.GreaterThan(cand, best)),
            Vector.BitwiseAnd(Vector.AsVectorInt64(Vector.Equals(cand, best)), Vector.LessThan(idx, arg)));
        best = Vector.ConditionalSelect(mask, cand, best);
        arg = Vector.ConditionalSelect(mask, idx, arg);
    }
}
