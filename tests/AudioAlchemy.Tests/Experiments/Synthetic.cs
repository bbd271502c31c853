using AudioAlchemy.Experiments;

namespace AudioAlchemy.Tests.Experiments;

/// <summary>Seeded synthetic datasets: Gaussian blobs with labels, groups and ids.</summary>
internal static class Synthetic
{
    /// <summary>n rows, <paramref name="classes"/> classes, class means <paramref name="separation"/> apart on each of d features.</summary>
    public static Dataset Blobs(int n, int classes, int d, double separation, int seed, int groupsPerClass = 4)
    {
        var rng = new Random(seed);
        var centers = Enumerable.Range(0, classes).Select(_ => Enumerable.Range(0, d).Select(_ => rng.NextDouble() * separation).ToArray()).ToArray();
        var x = new float[n][];
        var labels = new string[n];
        var groups = new string[n];
        for (int i = 0; i < n; i++)
        {
            int c = i % classes;
            x[i] = centers[c].Select(m => (float)(m + Gauss(rng))).ToArray();
            labels[i] = "class" + c;
            groups[i] = $"artist{c}_{i / classes % groupsPerClass}";
        }
        return new Dataset(x, labels, groups, Enumerable.Range(0, n).Select(i => "t" + i).ToArray(),
            Enumerable.Range(0, d).Select(j => "f" + j).ToArray());
    }

    public static double Gauss(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
