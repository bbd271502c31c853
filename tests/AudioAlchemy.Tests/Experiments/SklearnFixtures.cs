using System.Text.Json;

namespace AudioAlchemy.Tests.Experiments;

/// <summary>Loads tests/data/experiments/sklearn_fixtures.json (made by make_sklearn_fixtures.py).</summary>
internal static class SklearnFixtures
{
    private static readonly Lazy<JsonElement> Doc = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(TestData.Root, "experiments", "sklearn_fixtures.json"))).RootElement);

    public static JsonElement Root => Doc.Value;

    public static int[] Ints(this JsonElement e) => e.EnumerateArray().Select(v => v.GetInt32()).ToArray();

    public static double[] Doubles(this JsonElement e) => e.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble()).ToArray();

    public static int[][] IntRows(this JsonElement e) => e.EnumerateArray().Select(Ints).ToArray();

    public static double[][] DoubleRows(this JsonElement e) => e.EnumerateArray().Select(Doubles).ToArray();
}
