using System.Globalization;
using System.Text.Json;
using AudioAlchemy.Experiments;

namespace AudioAlchemy.Tests.Experiments;

/// <summary>Loads tests/data/experiments/sklearn_models.json and datasets/*.csv (made by make_sklearn_model_fixtures.py).</summary>
internal static class SklearnModelFixtures
{
    private static readonly Lazy<JsonElement> Doc = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(TestData.Root, "experiments", "sklearn_models.json"))).RootElement);

    public static JsonElement Root => Doc.Value;

    /// <summary>The dataset CSV written by the script (label + features), as the engine reads it.</summary>
    public static Dataset Load(string name) => DatasetBuilder.Build(
        TableReader.Load(Path.Combine(TestData.Root, "experiments", "datasets", name + ".csv")), new ColumnSelection("label"));

    public static float[][] Floats(this JsonElement e) =>
        e.EnumerateArray().Select(r => r.EnumerateArray().Select(v => (float)v.GetDouble()).ToArray()).ToArray();

    public static string F(double v) => v.ToString("0.0000", CultureInfo.InvariantCulture);
}
