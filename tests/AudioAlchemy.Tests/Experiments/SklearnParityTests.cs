using AudioAlchemy.Experiments;
using AudioAlchemy.Models;

namespace AudioAlchemy.Tests.Experiments;

/// <summary>
/// Our rf / svc / linearsvc and RepeatedStratifiedKFold against scikit-learn 1.2.1 (fixtures from
/// tests/data/experiments/make_sklearn_model_fixtures.py): identical folds, accuracy within 0.02 under the same
/// folds, libsvm's support vectors / dual coefficients / decision values on small cases.
/// </summary>
public class SklearnParityTests
{
    public static TheoryData<string> Datasets() => new() { "iris", "wine", "breast_cancer", "digits", "demo200_table1" };

    [Theory]
    [MemberData(nameof(Datasets))]
    public void RepeatedStratifiedKFoldAssignsSklearnsRows(string name)
    {
        var fx = SklearnModelFixtures.Root.GetProperty("datasets").GetProperty(name);
        var data = SklearnModelFixtures.Load(name);
        var y = new LabelEncoder(data.Labels).Transform(data.Labels);
        var folds = new RepeatedStratifiedKFold(5, 3, 0).Split(y, null);
        var expected = fx.GetProperty("test_folds").IntRows();
        Assert.Equal(expected.Length, folds.Count);
        for (int f = 0; f < folds.Count; f++) Assert.Equal(expected[f], folds[f].Test);
    }

    [Fact]
    public void ShuffledAndRepeatedSplitsMatchSklearn()
    {
        var s = SklearnModelFixtures.Root.GetProperty("stratified_shuffle");
        var y = s.GetProperty("y").Ints();
        foreach (var c in s.GetProperty("cases").EnumerateArray())
        {
            var folds = new StratifiedKFold(c.GetProperty("k").GetInt32(), true, c.GetProperty("seed").GetInt32()).Split(y, null);
            Assert.Equal(c.GetProperty("test_folds").IntRows(), folds.Select(f => f.Test).ToArray());
        }
        var r = SklearnModelFixtures.Root.GetProperty("repeated_small");
        var split = SplitterParser.Parse($"stratified:{r.GetProperty("k").GetInt32()}:repeats:{r.GetProperty("repeats").GetInt32()}", r.GetProperty("seed").GetInt32());
        Assert.Equal(r.GetProperty("test_folds").IntRows(), split.Split(r.GetProperty("y").Ints(), null).Select(f => f.Test).ToArray());
    }

    public static TheoryData<string, string> AccuracyCases() => new()
    {
        { "iris", "svc" }, { "wine", "svc" }, { "breast_cancer", "svc" }, { "digits", "svc" },
        { "iris", "rf" }, { "wine", "rf" }, { "breast_cancer", "rf" },
        { "iris", "linearsvc" }, { "wine", "linearsvc" }, { "breast_cancer", "linearsvc" },
        // The demo corpus's Table-1 features (export_table1.py of `alchemy features` on /work/data/demo200, full mixes).
        { "demo200_table1", "rf" }, { "demo200_table1", "svc" }, { "demo200_table1", "linearsvc" },
    };

    [Theory]
    [MemberData(nameof(AccuracyCases))]
    public void AccuracyWithinTwoPointsOfSklearnUnderTheSameFolds(string name, string model)
    {
        var fx = SklearnModelFixtures.Root.GetProperty("datasets").GetProperty(name);
        var data = SklearnModelFixtures.Load(name);
        var spec = ModelSpec.Parse(model == "rf" ? "rf(n_estimators=300)" : model);
        var r = CrossValidation.Run(data, spec, new RepeatedStratifiedKFold(5, 3, 0), new CvOptions(Seed: 0, Degree: 2));
        double ours = r.FoldMeanStd(m => m.Accuracy).Mean;
        double theirs = fx.GetProperty("mean").GetProperty(model).GetDouble();
        Assert.True(Math.Abs(ours - theirs) <= 0.02, $"{name} {model}: ours {SklearnModelFixtures.F(ours)}, sklearn {SklearnModelFixtures.F(theirs)}");
    }

    [Fact]
    public void SvcMatchesLibsvmOnSmallCases()
    {
        var s = SklearnModelFixtures.Root.GetProperty("svc_small");
        var x = s.GetProperty("X").Floats();
        var y = s.GetProperty("y").Ints();
        foreach (var c in s.GetProperty("cases").EnumerateArray())
        {
            var prm = c.GetProperty("params");
            var classes = c.GetProperty("classes").Ints();
            var rows = Enumerable.Range(0, y.Length).Where(i => classes.Contains(y[i])).ToArray();
            var xs = rows.Select(i => x[i]).ToArray();
            var ys = rows.Select(i => Array.IndexOf(classes, y[i])).ToArray();
            string Opt(string k, string d) => prm.TryGetProperty(k, out var v) ? v.ToString() : d;
            var svc = new SvcClassifier(new SvcOptions(double.Parse(Opt("C", "1"), System.Globalization.CultureInfo.InvariantCulture), Opt("kernel", "rbf"),
                Opt("gamma", "scale"), int.Parse(Opt("degree", "3"), System.Globalization.CultureInfo.InvariantCulture),
                double.Parse(Opt("coef0", "0"), System.Globalization.CultureInfo.InvariantCulture)));
            svc.Fit(xs, ys, classes.Length);
            string what = prm.ToString();
            Assert.Equal(c.GetProperty("gamma").GetDouble(), svc.GammaValue, 5);
            Assert.Equal(c.GetProperty("support").Ints(), svc.Support);
            Assert.Equal(c.GetProperty("n_support").Ints(), svc.NSupport);
            bool binary = classes.Length == 2;
            // sklearn flips the binary model's signs so that positive means classes_[1]; libsvm's pair (0, 1) is positive for class 0.
            double sign = binary ? -1 : 1;
            var dual = c.GetProperty("dual_coef").DoubleRows();
            for (int r = 0; r < dual.Length; r++)
                for (int k = 0; k < dual[r].Length; k++) Assert.True(Math.Abs(dual[r][k] - sign * svc.DualCoef[r][k]) < 1e-7, $"{what}: dual_coef[{r},{k}]");
            var intercept = c.GetProperty("intercept").Doubles();
            for (int p = 0; p < intercept.Length; p++) Assert.True(Math.Abs(intercept[p] - -sign * svc.Rho[p]) < 1e-7, $"{what}: intercept[{p}]");
            var dec = c.GetProperty("decision_ovo");
            var ours = svc.DecisionFunction(xs);
            var expected = binary ? dec.Doubles().Select(v => new[] { v }).ToArray() : dec.DoubleRows();
            for (int i = 0; i < xs.Length; i++)
                for (int p = 0; p < expected[i].Length; p++) Assert.True(Math.Abs(expected[i][p] - sign * ours[i][p]) < 1e-7, $"{what}: decision[{i},{p}]");
            Assert.Equal(c.GetProperty("predict").Ints(), svc.PredictVotes(xs).Select(k => classes[k]).ToArray());
        }
    }

    [Fact]
    public void LinearSvcConvergesToLiblinearsSolution()
    {
        var s = SklearnModelFixtures.Root.GetProperty("svc_small");
        var l = SklearnModelFixtures.Root.GetProperty("linearsvc_small");
        var x = s.GetProperty("X").Floats();
        var y = s.GetProperty("y").Ints();
        var m = new LinearSvcClassifier(new LinearSvcOptions(Tol: 1e-8, MaxIter: 100000));
        m.Fit(x, y, 3);
        AssertClose(l.GetProperty("coef").DoubleRows(), m.Coef, l.GetProperty("intercept").Doubles(), m.Intercept);
        var rows = Enumerable.Range(0, y.Length).Where(i => y[i] != 0).ToArray();
        var b = new LinearSvcClassifier(new LinearSvcOptions(Tol: 1e-8, MaxIter: 100000));
        b.Fit(rows.Select(i => x[i]).ToArray(), rows.Select(i => y[i] - 1).ToArray(), 2);
        AssertClose(l.GetProperty("binary_coef").DoubleRows(), b.Coef, l.GetProperty("binary_intercept").Doubles(), b.Intercept);
    }

    private static void AssertClose(double[][] coef, double[][] ours, double[] intercept, double[] oursB)
    {
        Assert.Equal(coef.Length, ours.Length);
        for (int c = 0; c < coef.Length; c++)
        {
            for (int f = 0; f < coef[c].Length; f++) Assert.True(Math.Abs(coef[c][f] - ours[c][f]) < 1e-3 * (1 + Math.Abs(coef[c][f])), $"coef[{c},{f}] {ours[c][f]} vs {coef[c][f]}");
            Assert.True(Math.Abs(intercept[c] - oursB[c]) < 1e-3 * (1 + Math.Abs(intercept[c])), $"intercept[{c}] {oursB[c]} vs {intercept[c]}");
        }
    }
}
