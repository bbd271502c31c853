using AudioAlchemy.Dsp;

namespace AudioAlchemy.Corpus.Batch;

/// <summary>Settings of <see cref="AblationBuilder"/>.</summary>
/// <param name="OutputDirectory">Folder for the stems cache (<c>&lt;key&gt;/full.wav, vocals.wav, no_vocals.wav</c>) and the
/// ablation manifest (default <c>data/ablation</c>).</param>
/// <param name="SampleRate">Every file is loaded mono at this rate and written at it (default 22050).</param>
/// <param name="ParallelFiles">Files separated at once (default: all cores).</param>
/// <param name="ManifestName">File name of the written manifest (default <c>manifest.csv</c>).</param>
public sealed record AblationOptions(string OutputDirectory = "data/ablation", int SampleRate = Defaults.SampleRate, int? ParallelFiles = null,
    string ManifestName = "manifest.csv")
{
    /// <summary>Throws <see cref="AlchemyException"/> naming the first invalid parameter.</summary>
    public AblationOptions Validate()
    {
        if (string.IsNullOrWhiteSpace(OutputDirectory)) throw new AlchemyException("AblationOptions.OutputDirectory: must not be empty");
        ParameterException.PositiveRate(SampleRate, "SampleRate", "AblationOptions");
        if (ParallelFiles is < 1) throw new AlchemyException($"AblationOptions.ParallelFiles = {ParallelFiles}: must be >= 1");
        if (string.IsNullOrWhiteSpace(ManifestName) || ManifestName.IndexOfAny(['/', '\\']) >= 0)
            throw new AlchemyException($"AblationOptions.ManifestName = '{ManifestName}': must be a file name");
        return this;
    }
}
