using System.Numerics;
using System.Runtime.InteropServices;
using AudioAlchemy.Dsp;

namespace AudioAlchemy.Separation;

/// <summary>
/// <c>librosa.decompose.nn_filter(S, aggregate=np.median, metric='cosine', width=w, k=k)</c> over the columns (frames) of a
/// non-negative spectrogram: every frame is replaced, bin by bin, by the median of its k most similar frames (cosine
/// similarity, as <c>librosa.segment.recurrence_matrix</c> with <c>sym=False, self=False</c> selects them) among frames at
/// least <c>width</c> frames away. Frames with zero norm are at cosine distance 1 from everything (scikit-learn's
/// <c>normalize</c> leaves them zero); ties are broken by the lower frame index.
/// With <c>maxCandidates</c> the search for frame t looks only inside a window of that many frames around t (shifted
/// at the ends so every frame sees the same number of candidates): cost O(frames · maxCandidates · bins) instead of
/// O(frames² · bins), linear in the length. Inputs no longer than the window take exactly the uncapped path.
/// </summary>
public static class NearestNeighborFilter
{
    /// <summary>librosa's default k: 2·ceil(sqrt(frames − 2·width + 1)).</summary>
    public static int DefaultNeighbors(int frames, int width) => 2 * (int)Math.Ceiling(Math.Sqrt(Math.Max(0, frames - 2 * width + 1)));

    /// <summary>
    /// The nearest-neighbour filter with median aggregation. <paramref name="S"/> is (bins, frames); the result has the same shape.
    /// Throws <see cref="ArgumentException"/> like librosa when width is not in 1..(frames − 1)/2 − 1.
    /// </summary>
    /// <paramref name="librosaLinks"/> selects librosa's own neighbour sets (<see cref="LibrosaConnectivityNeighbors"/>)
    /// instead of the k most similar frames.
    public static Matrix Median(Matrix S, int width, int? k = null, int? maxThreads = null, bool librosaLinks = false) =>
        librosaLinks ? AggregateMedian(S, LibrosaConnectivityNeighbors(S, width, k, maxThreads), maxThreads) : Median(S, width, k, maxThreads, null, null);

    /// <summary>
    /// <see cref="Median(Matrix, int, int?, int?, bool)"/> (k most similar frames) with the candidate window capped at <paramref name="maxCandidates"/>
    /// frames (null = all frames) and <paramref name="progress"/> reporting the fraction done (0..1).
    /// </summary>
    public static Matrix Median(Matrix S, int width, int? k, int? maxThreads, int? maxCandidates, IProgress<double>? progress)
    {
        var neighbors = CosineNeighbors(S, width, k, maxThreads, maxCandidates, progress is null ? null : new Progress01(progress, 0, 0.5));
        var result = AggregateMedian(S, neighbors, maxThreads, progress is null ? null : new Progress01(progress, 0.5, 1.0));
        progress?.Report(1.0);
        return result;
    }

    /// <summary>Maps a stage's 0..1 onto [from, to] of the caller's progress.</summary>
    private sealed class Progress01(IProgress<double> inner, double from, double to) : IProgress<double>
    {
        public void Report(double value) => inner.Report(from + (to - from) * value);
    }

    /// <summary>
    /// For each frame t of <paramref name="S"/> (bins, frames), the indices of its k most cosine-similar frames j with
    /// |t − j| ≥ <paramref name="width"/>, most similar first. Shape: frames arrays of length min(k, candidates).
    /// </summary>
    public static int[][] CosineNeighbors(Matrix S, int width, int? k = null, int? maxThreads = null) => CosineNeighbors(S, width, k, maxThreads, null, null);

    /// <summary>
    /// <see cref="CosineNeighbors(Matrix, int, int?, int?)"/> searching only a window of <paramref name="maxCandidates"/>
    /// frames around each frame (null = all; the default k then follows the window length), reporting progress (0..1).
    /// </summary>
    public static int[][] CosineNeighbors(Matrix S, int width, int? k, int? maxThreads, int? maxCandidates, IProgress<double>? progress)
    {
        int bins = S.Rows, frames = S.Cols;
        if (width < 1 || width >= (frames - 1) / 2)
            throw new ParameterException($"width={width} must be at least 1 and at most (frames - 1) // 2 = {(frames - 1) / 2} (frames = {frames})");
        int window = Math.Min(frames, maxCandidates ?? frames);
        if (window < 2 * width + 3) throw new ParameterException($"maxCandidates={maxCandidates} must be at least 2·width + 3 = {2 * width + 3}");
        int kk = k ?? DefaultNeighbors(window, width);
        if (kk < 1) throw new ParameterException($"k must be >= 1 (got {kk})");
        var unit = NormalizedFrames(S);
        var result = new int[frames][];
        int done = 0, step = Math.Max(1, frames / 100);
        Parallel.For(0, frames, Threads(maxThreads), () => (sims: new float[window], heap: new BoundedTopK(kk)), (t, _, state) =>
        {
            int lo = Math.Clamp(t - window / 2, 0, frames - window);
            var sims = state.sims;
            var a = unit.AsSpan(t * bins, bins);
            for (int j = lo; j < lo + window; j++) sims[j - lo] = Math.Abs(t - j) >= width ? Dot(a, unit.AsSpan(j * bins, bins)) : float.NaN;
            state.heap.Clear();
            for (int j = lo; j < lo + window; j++) if (!float.IsNaN(sims[j - lo])) state.heap.Offer(sims[j - lo], j);
            result[t] = state.heap.ToSortedIndices();
            int d = Interlocked.Increment(ref done);
            if (progress is not null && d % step == 0) progress.Report((double)d / frames);
            return state;
        }, _ => { });
        return result;
    }

    /// <summary>
    /// The neighbour sets librosa 0.11's <c>recurrence_matrix(S, metric='cosine', width=w, k=k, mode='connectivity')</c>
    /// really keeps (what <c>nn_filter</c> aggregates): the min(frames − 1, k + 2w) most similar frames j ≠ t, minus those
    /// with |t − j| &lt; w, in index order (m links, all of value 1); then librosa keeps <c>links[argsort(values)][:k]</c>,
    /// and since the values are all equal, numpy's unstable introsort (<see cref="NumpySort"/>) decides which k survive:
    /// not the k most similar, but a fixed index pattern of the m candidates (for m ≤ 16 the first k by frame index).
    /// Each list is returned in ascending frame order (CSR order).
    /// </summary>
    public static int[][] LibrosaConnectivityNeighbors(Matrix S, int width, int? k = null, int? maxThreads = null)
    {
        int bins = S.Rows, frames = S.Cols;
        if (width < 1 || width >= (frames - 1) / 2)
            throw new ParameterException($"width={width} must be at least 1 and at most (frames - 1) // 2 = {(frames - 1) / 2} (frames = {frames})");
        int kk = k ?? DefaultNeighbors(frames, width);
        if (kk < 1) throw new ParameterException($"k must be >= 1 (got {kk})");
        int candidates = Math.Min(frames - 1, kk + 2 * width);
        var unit = NormalizedFrames(S);
        var patterns = new System.Collections.Concurrent.ConcurrentDictionary<int, int[]>();
        var result = new int[frames][];
        Parallel.For(0, frames, Threads(maxThreads), () => new BoundedTopK(candidates), (t, _, heap) =>
        {
            var a = unit.AsSpan(t * bins, bins);
            heap.Clear();
            for (int j = 0; j < frames; j++) if (j != t) heap.Offer(Dot(a, unit.AsSpan(j * bins, bins)), j);
            var links = heap.ToSortedIndices().Where(j => Math.Abs(t - j) >= width).Order().ToArray();
            var pattern = patterns.GetOrAdd(links.Length, m => NumpySort.Argsort(new double[m].AsSpan()));
            result[t] = pattern.Take(Math.Min(kk, links.Length)).Select(p => links[p]).Order().ToArray();
            return heap;
        }, _ => { });
        return result;
    }

    /// <summary>Per frame and bin, the median (numpy semantics: mean of the two middle values for an even count) of
    /// <paramref name="S"/>'s values at the frames listed in <paramref name="neighbors"/>; frames without neighbours are copied.</summary>
    public static Matrix AggregateMedian(Matrix S, int[][] neighbors, int? maxThreads = null) => AggregateMedian(S, neighbors, maxThreads, null);

    /// <summary><see cref="AggregateMedian(Matrix, int[][], int?)"/> reporting the fraction of frames done (0..1).</summary>
    public static Matrix AggregateMedian(Matrix S, int[][] neighbors, int? maxThreads, IProgress<double>? progress)
    {
        int bins = S.Rows, frames = S.Cols;
        if (neighbors.Length != frames) throw new ParameterException($"{neighbors.Length} neighbour lists for {frames} frames");
        var byFrame = Transpose(S);
        var outT = new float[bins * frames];
        int maxK = neighbors.Length == 0 ? 0 : neighbors.Max(n => n.Length);
        int done = 0, step = Math.Max(1, frames / 100);
        Parallel.For(0, frames, Threads(maxThreads), () => new float[Math.Max(1, maxK)], (t, _, buf) =>
        {
            var nb = neighbors[t];
            var dst = outT.AsSpan(t * bins, bins);
            if (nb.Length == 0) byFrame.AsSpan(t * bins, bins).CopyTo(dst);
            else
                for (int f = 0; f < bins; f++)
                {
                    for (int m = 0; m < nb.Length; m++) buf[m] = byFrame[nb[m] * bins + f];
                    dst[f] = Selection.Median(buf.AsSpan(0, nb.Length));
                }
            int d = Interlocked.Increment(ref done);
            if (progress is not null && d % step == 0) progress.Report((double)d / frames);
            return buf;
        }, _ => { });
        var result = new Matrix(bins, frames);
        for (int t = 0; t < frames; t++)
            for (int f = 0; f < bins; f++) result.Data[f * frames + t] = outT[t * bins + f];
        return result;
    }

    private static ParallelOptions Threads(int? maxThreads) => new() { MaxDegreeOfParallelism = maxThreads ?? Environment.ProcessorCount };

    /// <summary>(frames, bins) copy of a (bins, frames) matrix.</summary>
    private static float[] Transpose(Matrix S)
    {
        int bins = S.Rows, frames = S.Cols;
        var t = new float[bins * frames];
        for (int f = 0; f < bins; f++)
        {
            var row = S.Row(f);
            for (int j = 0; j < frames; j++) t[j * bins + f] = row[j];
        }
        return t;
    }

    /// <summary>(frames, bins) with each frame scaled to unit L2 norm (norm in double); zero frames stay zero.</summary>
    private static float[] NormalizedFrames(Matrix S)
    {
        int bins = S.Rows, frames = S.Cols;
        var t = Transpose(S);
        for (int j = 0; j < frames; j++)
        {
            var v = t.AsSpan(j * bins, bins);
            double ss = 0;
            foreach (var x in v) ss += (double)x * x;
            if (ss == 0) continue;
            float inv = (float)(1.0 / Math.Sqrt(ss));
            for (int i = 0; i < v.Length; i++) v[i] *= inv;
        }
        return t;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int n = a.Length, i = 0;
        float sum = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<float>.Count)
        {
            var va = MemoryMarshal.Cast<float, Vector<float>>(a);
            var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
            var acc = Vector<float>.Zero;
            for (int v = 0; v < va.Length; v++) acc += va[v] * vb[v];
            sum = Vector.Sum(acc);
            i = va.Length * Vector<float>.Count;
        }
        for (; i < n; i++) sum += a[i] * b[i];
        return sum;
    }

    /// <summary>Keeps the k largest (similarity, index) pairs; ties prefer the lower index.</summary>
    private sealed class BoundedTopK(int k)
    {
        private readonly float[] sim = new float[k];
        private readonly int[] idx = new int[k];
        private int count;

        public void Clear() => count = 0;

        // Min-heap on "worse": root is the worst kept pair.
        private static bool Worse(float s1, int i1, float s2, int i2) => s1 < s2 || (s1 == s2 && i1 > i2);

        public void Offer(float s, int i)
        {
            if (count < sim.Length)
            {
                int c = count++;
                sim[c] = s; idx[c] = i;
                while (c > 0)
                {
                    int p = (c - 1) / 2;
                    if (!Worse(sim[c], idx[c], sim[p], idx[p])) break;
                    Swap(c, p);
                    c = p;
                }
                return;
            }
            if (!Worse(sim[0], idx[0], s, i)) return;
            sim[0] = s; idx[0] = i;
            int r = 0;
            while (true)
            {
                int l = 2 * r + 1, rr = l + 1, m = r;
                if (l < count && Worse(sim[l], idx[l], sim[m], idx[m])) m = l;
                if (rr < count && Worse(sim[rr], idx[rr], sim[m], idx[m])) m = rr;
                if (m == r) break;
                Swap(r, m);
                r = m;
            }
        }

        public int[] ToSortedIndices()
        {
            var order = Enumerable.Range(0, count).ToArray();
            Array.Sort(order, (x, y) => Worse(sim[x], idx[x], sim[y], idx[y]) ? 1 : Worse(sim[y], idx[y], sim[x], idx[x]) ? -1 : 0);
            return order.Select(o => idx[o]).ToArray();
        }

        private void Swap(int a, int b)
        {
            (sim[a], sim[b]) = (sim[b], sim[a]);
            (idx[a], idx[b]) = (idx[b], idx[a]);
        }
    }
}
