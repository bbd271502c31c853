using AudioAlchemy.Recommendation;

namespace AudioAlchemy.Tests.Recommendation;

public class AlsTests
{
    [Fact]
    public void RidgeStep_MatchesHandWorkedExample()
    {
        // one user, items with fixed factors q = 1 and 2 (k = 1), ratings 3 and 4, λ = 1
        var obs = new List<(double[], double)> { ([1.0], 3.0), ([2.0], 4.0) };
        // no bias: p = Σ q r / (Σ q² + λ) = (3 + 8) / (1 + 4 + 1) = 11/6
        var (p, b) = AlsRecommender.SolveUser(obs, 1.0, bias: false);
        Assert.Equal(11.0 / 6, p[0], 12);
        Assert.Equal(0.0, b);
        // with a bias: [[6, 3], [3, 3]] [p, b] = [11, 7] → p = 4/3, b = 1
        (p, b) = AlsRecommender.SolveUser(obs, 1.0, bias: true);
        Assert.Equal(4.0 / 3, p[0], 12);
        Assert.Equal(1.0, b, 12);
    }

    [Fact]
    public void Fit_CompletesARankOneMatrix()
    {
        // R = u vᵀ with u = (1, 2, 3), v = (1, 0.5, 2, 1); entry (user 2, item 3) = 3 is held out
        double[] u = [1, 2, 3], v = [1, 0.5, 2, 1];
        var ratings = new List<Rating>();
        for (int a = 0; a < 3; a++)
            for (int i = 0; i < 4; i++)
                if (!(a == 2 && i == 3)) ratings.Add(new Rating($"u{a}", $"s{i}", u[a] * v[i]));
        var lib = SmallLibrary.Make(5); // item s4 is never rated
        var train = new RatingMatrix(ratings, lib, RatingScale.Five);
        var als = new AlsRecommender(new AlsOptions(Factors: 1, Lambda: 1e-6, Iterations: 60, Biases: false, CenterOnMean: false, Seed: 3));
        als.Fit(train);
        Assert.True(als.TrainRmse[^1] < 1e-3, $"train RMSE {als.TrainRmse[^1]}");
        Assert.True(als.TrainRmse[^1] <= als.TrainRmse[0]);
        Assert.Equal(3.0, als.Predict(train.UserIndex("u2"), 3), 2);
        // a cold item keeps zero factors and bias: every user predicts the (zero) mean for it
        Assert.All(als.Q[4], q => Assert.Equal(0.0, q));
        Assert.Equal(0.0, als.Predict(0, 4));
    }

    [Fact]
    public void SameSeed_SameFactors()
    {
        var lib = SmallLibrary.Make(6);
        var ratings = Enumerable.Range(0, 4).SelectMany(a => Enumerable.Range(0, 6).Where(i => (a + i) % 3 != 0).Select(i => new Rating($"u{a}", $"s{i}", 1 + (a * i) % 5))).ToList();
        double[] Run(int seed)
        {
            // one sweep with little regularisation: the result still depends on the seeded initial item factors
            var als = new AlsRecommender(new AlsOptions(Factors: 2, Lambda: 0.1, Iterations: 1, Seed: seed));
            als.Fit(new RatingMatrix(ratings, lib, RatingScale.Five));
            return als.Score(1);
        }
        Assert.Equal(Run(1), Run(1));
        Assert.NotEqual(Run(1), Run(2));
        Assert.Throws<AlchemyException>(() => new AlsOptions(Factors: 0).Validate());
    }
}
