using System.Globalization;

namespace AudioAlchemy.Demo;

/// <summary>How big a demo run is.</summary>
public enum DemoMode
{
    /// <summary>CI: 3 songs per genre × 4 s, one-config sweeps, no PNGs; every notebook in seconds.</summary>
    Tiny,

    /// <summary>The default of <c>alchemy demo</c>: 8 songs per genre × 15 s, two Q1 models, budgeted sweeps (≤ 15 minutes on 2 cores).</summary>
    Quick,

    /// <summary><c>alchemy demo --full</c>: 20 songs per genre × 30 s and the complete sweeps (hours on 2 cores).</summary>
    Full,

}

/// <summary>The notebook parameters of each <see cref="DemoMode"/> (one place; the notebooks' own defaults are the quick values).</summary>
public static class DemoPlan
{
    /// <summary>
    /// Parameter values by name for <paramref name="mode"/>; a notebook receives the ones its <c>parameters</c> cell declares.
    /// Names: per_genre, seconds (corpus), folds, rf_iter (RF random search size, 0 = full grid), knn_grid, png (PNG screenshots of the shown figures), models (Q1 table models), frame_models (Q1 frame models: gmm, gmm-ubm, gmm-sv; empty = none), max_configs
    /// (CNN configs per image mode, 0 = all 108), epochs (CNN epoch cap, 0 = the grid's), bitrates, mp3_tracks (0 = all), rec_users and rec_repeats (simulated listeners and repeats of the recommendation study).
    /// </summary>
    public static IReadOnlyDictionary<string, string> ParametersFor(DemoMode mode) => mode switch
    {
        DemoMode.Tiny => new Dictionary<string, string>
        {
            ["per_genre"] = "3", ["seconds"] = "4", ["folds"] = "2", ["png"] = "false", ["models"] = "knn(n_neighbors=3)", ["frame_models"] = "gmm-ubm,gmm-sv", ["rf_iter"] = "2", ["knn_grid"] = "n_neighbors=1|3;p=2;weights=uniform",
            ["max_configs"] = "1", ["epochs"] = "1", ["bitrates"] = "128", ["mp3_tracks"] = "20",
            ["rec_users"] = "60", ["rec_repeats"] = "1",
        },
        DemoMode.Quick => new Dictionary<string, string>
        {
            ["per_genre"] = "8", ["seconds"] = "15", ["folds"] = "5", ["png"] = "true", ["models"] = "logreg,rf(n_estimators=100)", ["frame_models"] = "gmm-sv", ["rf_iter"] = "6", ["knn_grid"] = KnnGridFull,
            ["max_configs"] = "6", ["epochs"] = "15", ["bitrates"] = "128,192,320", ["mp3_tracks"] = "40",
            ["rec_users"] = "300", ["rec_repeats"] = "3",
        },
        DemoMode.Full => new Dictionary<string, string>
        {
            ["per_genre"] = "20", ["seconds"] = "30", ["folds"] = "5", ["png"] = "true", ["models"] = Q1Models, ["frame_models"] = "gmm,gmm-ubm,gmm-sv", ["rf_iter"] = "0", ["knn_grid"] = KnnGridFull,
            ["max_configs"] = "0", ["epochs"] = "0", ["bitrates"] = "128,192,320", ["mp3_tracks"] = "0",
            ["rec_users"] = "300", ["rec_repeats"] = "5",
        },
        _ => throw new AlchemyException($"unknown demo mode {mode}"),
    };

    /// <summary>Songs per genre and seconds per song of the corpus of <paramref name="mode"/>.</summary>
    public static (int PerGenre, double Seconds) Corpus(DemoMode mode)
    {
        var p = ParametersFor(mode);
        return (int.Parse(p["per_genre"], CultureInfo.InvariantCulture), double.Parse(p["seconds"], CultureInfo.InvariantCulture));
    }

    private const string Q1Models = "logreg,rf(n_estimators=100),svm,lightgbm";

    private const string KnnGridFull = "n_neighbors=1|3|5|7|9|11|15|21;p=1|2;weights=uniform|distance";
}
