using System.Globalization;

namespace AudioAlchemy.Models.Cnn;

/// <summary>One point of a sweep.</summary>
/// <param name="Image">Grey or viridis input.</param>
/// <param name="ConvLayers">Conv blocks (2..5).</param>
/// <param name="Epochs">Maximum epochs (after the budget cap).</param>
/// <param name="Patience">Early-stopping patience.</param>
/// <param name="Dropout">Dropout before the head.</param>
/// <param name="LearningRate">AdamW learning rate.</param>
public sealed record CnnSweepConfig(MelImageMode Image, int ConvLayers, int Epochs, int Patience, double Dropout, double LearningRate)
{
    /// <summary>Stable name, also the model's folder name, e.g. <c>grey-c3-e15-p5-d0.3-lr0.001</c>.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture,
        $"{Image.ToString().ToLowerInvariant()}-c{ConvLayers}-e{Epochs}-p{Patience}-d{Dropout}-lr{LearningRate}");
}

/// <summary>The values a sweep crosses; <see cref="Seed"/> is the seed project's grid (108 configs per image mode).</summary>
/// <param name="Images">Image modes.</param>
/// <param name="ConvLayers">Conv blocks.</param>
/// <param name="Epochs">Maximum epochs.</param>
/// <param name="Patience">Early-stopping patience.</param>
/// <param name="Dropout">Dropout.</param>
/// <param name="LearningRate">Learning rates.</param>
public sealed record CnnSweepGrid(MelImageMode[] Images, int[] ConvLayers, int[] Epochs, int[] Patience, double[] Dropout, double[] LearningRate)
{
    /// <summary>Conv layers {2,3} × epochs {10,15,30} × patience {2,5} × dropout {0.2,0.3,0.5} × learning rate {1e-2,1e-3,1e-4}.</summary>
    public static CnnSweepGrid Seed(params MelImageMode[] images) =>
        new(images.Length == 0 ? [MelImageMode.Grey] : images, [2, 3], [10, 15, 30], [2, 5], [0.2, 0.3, 0.5], [1e-2, 1e-3, 1e-4]);

    /// <summary>Every combination, in a fixed order (image, layers, epochs, patience, dropout, learning rate).</summary>
    public IEnumerable<CnnSweepConfig> All() =>
        from i in Images from c in ConvLayers from e in Epochs from p in Patience from d in Dropout from lr in LearningRate
        select new CnnSweepConfig(i, c, e, p, d, lr);

    /// <summary>
    /// The configs a budget allows: epochs capped at <see cref="CnnSweepBudget.MaxEpochs"/> (configs that become equal
    /// merged), then all or a seeded random subset of <see cref="CnnSweepBudget.MaxConfigs"/> per image mode, in grid order.
    /// Every image mode gets the same hyper-parameter subset (the generator restarts per mode), so grey and viridis are
    /// compared config for config.
    /// </summary>
    public IReadOnlyList<CnnSweepConfig> Select(CnnSweepBudget budget)
    {
        var chosen = new List<CnnSweepConfig>();
        foreach (var mode in Images)
        {
            var rng = new Random(budget.Seed);
            var all = All().Where(c => c.Image == mode)
                .Select(c => budget.MaxEpochs > 0 && c.Epochs > budget.MaxEpochs ? c with { Epochs = budget.MaxEpochs } : c)
                .Distinct().ToArray();
            var idx = Enumerable.Range(0, all.Length).ToArray();
            if (budget.MaxConfigs > 0 && budget.MaxConfigs < all.Length)
            {
                rng.Shuffle(idx);
                idx = idx.Take(budget.MaxConfigs).Order().ToArray();
            }
            chosen.AddRange(idx.Select(k => all[k]));
        }
        return chosen;
    }
}

/// <summary>How much of a grid to run on a small machine.</summary>
/// <param name="MaxConfigs">Configs per image mode (random subset); 0 = all.</param>
/// <param name="MaxEpochs">Cap on every config's epochs; 0 = none.</param>
/// <param name="Seed">Seed of the subset choice.</param>
public sealed record CnnSweepBudget(int MaxConfigs = 0, int MaxEpochs = 0, int Seed = 0);
