using AudioAlchemy.Corpus;
using AudioAlchemy.Models.Cnn;
using AudioAlchemy.Reporting;
using AudioAlchemy.Studies;

namespace AudioAlchemy.Demo;

/// <summary>
/// The genre CNN notebook 06 embeds songs with: the best grey model of notebook 03's sweep
/// (<c>results/q2-cnn/best.csv</c> → <c>models/&lt;config&gt;</c>) when it exists, otherwise one small configuration trained
/// deterministically (seed 0) on the corpus and cached in <c>data/cache/rec-cnn</c> (reruns load it).
/// </summary>
public static class RecommendationInputs
{
    /// <summary>The model folder to embed with; <paramref name="log"/> says which one and why.</summary>
    public static string GenreModel(string resultsDir, string dataDir, string manifest, int epochs = 6, Action<string>? log = null)
    {
        var layout = new ResultsLayout(resultsDir);
        string cnnDir = layout.Q2Cnn;
        var best = CsvRecords.Read(layout.Q2CnnBest).OrderBy(r => r.Text("image") == "grey" ? 0 : 1).FirstOrDefault();
        if (best is not null)
        {
            string dir = Path.Combine(cnnDir, "models", best.Text("config"));
            if (File.Exists(Path.Combine(dir, CnnClassifier.MetadataFile)))
            {
                log?.Invoke($"genre CNN: notebook 03's best {best.Text("image")} model {best.Text("config")} (test accuracy {best.Text("test_accuracy")})");
                return dir;
            }
        }
        string outDir = new DataLayout(dataDir).RecCnn;
        var grid = new CnnSweepGrid([MelImageMode.Grey], [3], [epochs], [3], [0.3], [1e-3]);
        var options = new CnnSweepOptions(grid, new CnnSweepBudget(1, epochs, 0), new CnnTrainOptions(Seed: 0), BaseChannels: 8);
        var source = new CorpusMelSource(Manifest.Load(manifest).Rows, new DataLayout(dataDir).Cache, label: "genre");
        var sweep = new CnnSweep(options).Run(source, outDir, log);
        var row = sweep.Best[MelImageMode.Grey];
        log?.Invoke($"genre CNN: no notebook-03 model in {cnnDir}; trained {row.Config.Key} in {outDir} (test accuracy {row.TestAccuracy:0.000})");
        return Path.Combine(outDir, row.ModelDir);
    }
}
