using System.Globalization;

namespace AudioAlchemy.Models.Cnn;

/// <summary>One row of the sweep's results table (track-level metrics after voting).</summary>
/// <param name="Config">The configuration.</param>
/// <param name="EpochsRun">Epochs actually run (early stopping).</param>
/// <param name="BestEpoch">Epoch whose weights were kept.</param>
/// <param name="ValAccuracy">Validation accuracy.</param>
/// <param name="ValMacroF1">Validation macro-F1.</param>
/// <param name="TestAccuracy">Test accuracy.</param>
/// <param name="TestMacroF1">Test macro-F1.</param>
/// <param name="Seconds">Training seconds.</param>
/// <param name="SecondsPerEpoch">Mean seconds per epoch (training + validation).</param>
/// <param name="ModelDir">Model folder relative to the sweep's output folder.</param>
public sealed record CnnSweepRow(CnnSweepConfig Config, int EpochsRun, int BestEpoch, double ValAccuracy, double ValMacroF1,
    double TestAccuracy, double TestMacroF1, double Seconds, double SecondsPerEpoch, string ModelDir)
{
    /// <summary>CSV header of <see cref="ToCsv"/>.</summary>
    public const string CsvHeader = "key,image,conv_layers,epochs,patience,dropout,learning_rate,epochs_run,best_epoch,val_accuracy,val_macro_f1,test_accuracy,test_macro_f1,seconds,seconds_per_epoch,model_dir";

    /// <summary>The row as CSV (invariant culture).</summary>
    public string ToCsv()
    {
        var c = Config;
        return string.Join(',', c.Key, c.Image.ToString().ToLowerInvariant(), I(c.ConvLayers), I(c.Epochs), I(c.Patience), F(c.Dropout), F(c.LearningRate),
            I(EpochsRun), I(BestEpoch), F(ValAccuracy), F(ValMacroF1), F(TestAccuracy), F(TestMacroF1), F(Seconds), F(SecondsPerEpoch), ModelDir);
    }

    /// <summary>Parses a line written by <see cref="ToCsv"/> (used to resume an interrupted sweep).</summary>
    public static CnnSweepRow Parse(string line, string where)
    {
        var f = line.Split(',');
        if (f.Length != 16) throw new AlchemyException($"{where}: expected 16 fields, got {f.Length}");
        try
        {
            var image = Enum.Parse<MelImageMode>(f[1], ignoreCase: true);
            var config = new CnnSweepConfig(image, int.Parse(f[2], CultureInfo.InvariantCulture), int.Parse(f[3], CultureInfo.InvariantCulture),
                int.Parse(f[4], CultureInfo.InvariantCulture), D(f[5]), D(f[6]));
            return new CnnSweepRow(config, int.Parse(f[7], CultureInfo.InvariantCulture), int.Parse(f[8], CultureInfo.InvariantCulture),
                D(f[9]), D(f[10]), D(f[11]), D(f[12]), D(f[13]), D(f[14]), f[15]);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        {
            throw new AlchemyException($"{where}: {e.Message}");
        }
    }

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static double D(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}
