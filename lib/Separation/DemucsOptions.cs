namespace AudioAlchemy.Separation;

/// <summary>Settings of <see cref="DemucsSeparator"/>, validated once.</summary>
/// <param name="Executable">Path or program name of the demucs CLI; null = the <c>ALCHEMY_DEMUCS</c> environment variable,
/// else <c>demucs</c> on PATH.</param>
/// <param name="Model">Pretrained model name passed as <c>-n</c> (default <c>htdemucs</c>).</param>
/// <param name="Timeout">Wall-clock limit for one run; the process tree is killed when it is exceeded (default 30 min).</param>
/// <param name="ExtraArguments">Further arguments inserted before the input file (e.g. <c>-d cpu</c>, <c>--mp3</c> is not supported).</param>
public sealed record DemucsOptions(string? Executable = null, string Model = DemucsOptions.DefaultModel, TimeSpan? Timeout = null,
    IReadOnlyList<string>? ExtraArguments = null)
{
    /// <summary>Demucs' default model.</summary>
    public const string DefaultModel = "htdemucs";

    /// <summary>Environment variable naming the demucs executable.</summary>
    public const string EnvironmentVariable = "ALCHEMY_DEMUCS";

    /// <summary>The timeout actually used.</summary>
    public TimeSpan EffectiveTimeout => Timeout ?? TimeSpan.FromMinutes(30);

    /// <summary>Throws <see cref="AlchemyException"/> naming the first invalid parameter.</summary>
    public DemucsOptions Validate()
    {
        if (string.IsNullOrWhiteSpace(Model) || Model.IndexOfAny(['/', '\\']) >= 0)
            throw new AlchemyException($"DemucsOptions.Model = '{Model}': must be a model name (no path separators)");
        if (EffectiveTimeout <= TimeSpan.Zero) throw new AlchemyException($"DemucsOptions.Timeout = {EffectiveTimeout}: must be positive");
        return this;
    }
}
