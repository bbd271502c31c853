namespace AudioAlchemy.Recommendation;

/// <summary>A model that scores items for a user after fitting on training ratings (higher = recommend first).</summary>
public interface IRecommender
{
    /// <summary>Short name for tables ("popularity", "als", "content", "hybrid", ...).</summary>
    string Name { get; }

    /// <summary>Fits on <paramref name="train"/>; item indices are those of <paramref name="library"/>.</summary>
    void Fit(RatingMatrix train, SongLibrary library);

    /// <summary>Scores of every library item for user index <paramref name="user"/> of the training matrix.</summary>
    double[] Score(int user);
}
