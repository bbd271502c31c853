using AudioAlchemy.Features;

namespace AudioAlchemy.Recommendation;

/// <summary>Options of <see cref="SongEmbedder"/>.</summary>
/// <param name="GenreModel">Genre CNN model folder (model.bin + model.json, e.g. from <c>study cnn</c>), or null for no genre blocks.</param>
/// <param name="LanguageModel">Language CNN model folder, or null for no language blocks.</param>
/// <param name="CacheDir">Cache root (<see cref="ContentCache"/>): Table-1 summaries under <c>features/</c>, CNN outputs under <c>embeddings/</c> (keyed by audio content + model + parameters); null = no cache.</param>
/// <param name="Duration">Analyse only the first seconds of each file (null = all).</param>
/// <param name="Jobs">Files analysed in parallel (null = all cores).</param>
/// <param name="Table1">Table-1 parameters (librosa defaults).</param>
/// <param name="LanguageSeparator">Separator whose vocals the language CNN hears (<see cref="Models.MaskNet.SeparatorChoice.Names"/>:
/// best, learned, repet-sim), for a model trained on separated vocals (<c>study cnn --label language --track-type vocals</c>);
/// null = the full mix.</param>
public sealed record EmbedOptions(string? GenreModel = null, string? LanguageModel = null, string? CacheDir = "data/cache", double? Duration = null,
    int? Jobs = null, Table1Options? Table1 = null, string? LanguageSeparator = null)
{
    /// <summary>Throws <see cref="AlchemyException"/> naming the bad option (checked before any work).</summary>
    public EmbedOptions Validate()
    {
        foreach (var (name, dir) in new[] { ("--model", GenreModel), ("--language-model", LanguageModel) })
            if (dir is not null && !File.Exists(Path.Combine(dir, Models.Cnn.CnnClassifier.MetadataFile)))
                throw new AlchemyException($"{name} {dir}: not a CNN model folder (no {Models.Cnn.CnnClassifier.MetadataFile})");
        if (LanguageSeparator is not null)
        {
            if (LanguageModel is null) throw new AlchemyException("--language-separator: needs --language-model (the separated vocals feed the language CNN)");
            Models.MaskNet.SeparatorChoice.Resolve(LanguageSeparator);
        }
        if (Duration is <= 0) throw new AlchemyException($"--duration must be > 0 seconds (got {Duration})");
        if (Jobs is < 1) throw new AlchemyException($"--jobs must be ≥ 1 (got {Jobs})");
        return this;
    }
}
