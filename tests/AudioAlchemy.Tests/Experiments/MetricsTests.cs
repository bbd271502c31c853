using System.Text.Json;
using AudioAlchemy.Experiments;

namespace AudioAlchemy.Tests.Experiments;

public class MetricsTests
{
    public static TheoryData<string> Cases() => new(SklearnFixtures.Root.GetProperty("metrics").EnumerateArray().Select(c => c.GetProperty("name").GetString()!));

    private static JsonElement Case(string name) =>
        SklearnFixtures.Root.GetProperty("metrics").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesScikitLearn(string name)
    {
        var c = Case(name);
        var labels = c.GetProperty("labels").ValueKind == JsonValueKind.Null ? null : c.GetProperty("labels").Ints();
        var m = ClassificationMetrics.Compute(c.GetProperty("y_true").Ints(), c.GetProperty("y_pred").Ints(), labels);
        Assert.Equal(c.GetProperty("accuracy").GetDouble(), m.Accuracy, 12);
        foreach (var (avg, got) in new[] { ("macro", m.Macro), ("weighted", m.Weighted), ("micro", m.Micro) })
        {
            var e = c.GetProperty(avg);
            Assert.Equal(e.GetProperty("precision").GetDouble(), got.Precision, 12);
            Assert.Equal(e.GetProperty("recall").GetDouble(), got.Recall, 12);
            Assert.Equal(e.GetProperty("f1").GetDouble(), got.F1, 12);
        }
        var pc = c.GetProperty("per_class");
        Assert.Equal(pc.GetProperty("labels").Ints(), m.Labels);
        Assert.Equal(pc.GetProperty("precision").Doubles(), m.PerClass.Select(x => x.Precision).ToArray(), (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal(pc.GetProperty("recall").Doubles(), m.PerClass.Select(x => x.Recall).ToArray(), (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal(pc.GetProperty("f1").Doubles(), m.PerClass.Select(x => x.F1).ToArray(), (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal(pc.GetProperty("support").Ints(), m.PerClass.Select(x => x.Support).ToArray());
        Assert.Equal(c.GetProperty("confusion").IntRows(), m.Confusion);
    }

    [Fact]
    public void NeverPredictedClassHasZeroPrecisionButCountsInMacro()
    {
        var m = ClassificationMetrics.Compute(Case("never_predicted").GetProperty("y_true").Ints(), Case("never_predicted").GetProperty("y_pred").Ints());
        var c4 = m.PerClass.Single(p => p.Label == 4);
        Assert.Equal(0, c4.Precision);
        Assert.True(c4.Support > 0);
        Assert.Equal(5, m.Labels.Length);
    }

    [Fact]
    public void RocCurvesAndAucMatchScikitLearn()
    {
        var roc = SklearnFixtures.Root.GetProperty("roc");
        var y = roc.GetProperty("y_true").Ints();
        var scores = roc.GetProperty("scores").DoubleRows();
        var curves = RocCurve.OneVsRest(y, scores, scores[0].Length);
        var expected = roc.GetProperty("classes").EnumerateArray().ToArray();
        for (int c = 0; c < curves.Length; c++)
        {
            Assert.Equal(expected[c].GetProperty("fpr").Doubles(), curves[c].Fpr, (a, b) => Math.Abs(a - b) < 1e-12);
            Assert.Equal(expected[c].GetProperty("tpr").Doubles(), curves[c].Tpr, (a, b) => Math.Abs(a - b) < 1e-12);
            Assert.Equal(expected[c].GetProperty("thresholds").Doubles(), curves[c].Thresholds, (a, b) => Math.Abs(a - b) < 1e-12);
            Assert.Equal(expected[c].GetProperty("auc").GetDouble(), curves[c].Auc, 12);
        }
        Assert.Equal(roc.GetProperty("macro_auc_ovr").GetDouble(), RocCurve.MacroAuc(curves), 12);
    }

    [Fact]
    public void RocWithoutPositivesIsNaN()
    {
        var r = RocCurve.Compute([false, false, false], [0.1, 0.5, 0.2]);
        Assert.True(double.IsNaN(r.Auc));
        Assert.True(double.IsNaN(RocCurve.MacroAuc([r])));
    }

    [Fact]
    public void ScalerMatchesScikitLearn()
    {
        var s = SklearnFixtures.Root.GetProperty("scaler");
        var x = s.GetProperty("X").DoubleRows().Select(r => r.Select(v => (float)v).ToArray()).ToArray();
        var sc = new StandardScaler().Fit(x);
        Assert.Equal(s.GetProperty("mean").Doubles(), sc.Mean, (a, b) => Math.Abs(a - b) < 1e-5 * Math.Max(1, Math.Abs(a)));
        Assert.Equal(s.GetProperty("scale").Doubles(), sc.Scale, (a, b) => Math.Abs(a - b) < 1e-5 * Math.Max(1, Math.Abs(a)));
        var t = sc.Transform(x);
        var e = s.GetProperty("transformed").DoubleRows();
        for (int i = 0; i < e.Length; i++)
            for (int j = 0; j < e[i].Length; j++) Assert.Equal(e[i][j], t[i][j], 4);
    }
}
