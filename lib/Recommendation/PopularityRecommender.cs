namespace AudioAlchemy.Recommendation;

/// <summary>
/// The popularity baseline: every user gets the items with the most relevant training ratings (ties: more ratings, then
/// library order). Items nobody rated score 0, so it cannot rank cold-start songs.
/// </summary>
public sealed class PopularityRecommender : IRecommender
{
    private double[] _scores = [];

    /// <inheritdoc/>
    public string Name => "popularity";

    /// <inheritdoc/>
    public void Fit(RatingMatrix train, SongLibrary library)
    {
        _scores = new double[train.Items];
        for (int i = 0; i < train.Items; i++)
            _scores[i] = train.ByItem[i].Count(r => train.IsRelevant(r.Value)) + 1e-3 * train.ByItem[i].Count;
    }

    /// <inheritdoc/>
    public double[] Score(int user) => (double[])_scores.Clone();
}
