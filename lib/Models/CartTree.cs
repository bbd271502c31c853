namespace AudioAlchemy.Models;

/// <summary>
/// A fitted CART classification tree (scikit-learn's <c>tree_</c>): parallel node arrays, leaves marked by
/// <c>Left = -1</c>. A row goes left when <c>x[Feature] &lt;= Threshold</c>.
/// </summary>
public sealed class CartTree
{
    internal CartTree(int[] feature, double[] threshold, int[] left, int[] right, double[] value, int nClasses, double[] importances)
    {
        Feature = feature;
        Threshold = threshold;
        Left = left;
        Right = right;
        Value = value;
        NClasses = nClasses;
        Importances = importances;
    }

    /// <summary>Split feature per node (-1 at leaves).</summary>
    public int[] Feature { get; }

    /// <summary>Split threshold per node.</summary>
    public double[] Threshold { get; }

    /// <summary>Left child per node (-1 at leaves).</summary>
    public int[] Left { get; }

    /// <summary>Right child per node (-1 at leaves).</summary>
    public int[] Right { get; }

    /// <summary>Per node, the class fractions of its (weighted) training samples: node·NClasses + class.</summary>
    public double[] Value { get; }

    /// <summary>Number of classes.</summary>
    public int NClasses { get; }

    /// <summary>Number of nodes.</summary>
    public int NodeCount => Feature.Length;

    /// <summary>Mean-decrease-in-impurity importances of this tree, normalised to sum 1 (all zero for a single leaf).</summary>
    public double[] Importances { get; }

    /// <summary>Maximum depth (root = 0).</summary>
    public int Depth
    {
        get
        {
            int best = 0;
            var stack = new Stack<(int Node, int Depth)>();
            stack.Push((0, 0));
            while (stack.Count > 0)
            {
                var (n, d) = stack.Pop();
                best = Math.Max(best, d);
                if (Left[n] >= 0) { stack.Push((Left[n], d + 1)); stack.Push((Right[n], d + 1)); }
            }
            return best;
        }
    }

    /// <summary>The leaf reached by <paramref name="row"/>.</summary>
    public int Apply(float[] row)
    {
        int n = 0;
        while (Left[n] >= 0) n = row[Feature[n]] <= Threshold[n] ? Left[n] : Right[n];
        return n;
    }
}
