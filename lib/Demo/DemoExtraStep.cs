namespace AudioAlchemy.Demo;

/// <summary>What a <see cref="DemoExtraStep"/> gets: where to write, where the data is, the mode and the corpus.</summary>
/// <param name="ResultsDir">Absolute results folder.</param>
/// <param name="DataDir">Absolute data folder (corpus, caches).</param>
/// <param name="Mode">Demo mode.</param>
/// <param name="CorpusManifest">Manifest of the demo corpus.</param>
/// <param name="Log">Progress lines.</param>
public sealed record DemoStepContext(string ResultsDir, string DataDir, DemoMode Mode, string CorpusManifest, Action<string> Log);

/// <summary>
/// A step a host adds to the demo after the notebooks and before <c>index.html</c> is written (e.g. the player page's
/// screenshot, which needs the web host and a browser the library layers do not reference). It returns the files it
/// wrote; an <see cref="AlchemyException"/> marks the step failed and the demo goes on.
/// </summary>
/// <param name="Name">Name shown in the step table.</param>
/// <param name="Run">The step.</param>
public sealed record DemoExtraStep(string Name, Func<DemoStepContext, IReadOnlyList<string>> Run);
